using Finiex.Engine.Loop;
using Finiex.Protocol;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;

namespace Finiex.Runner;

/// <summary>
/// Test hook, compiled only into runners built with FINIEX_FAULT_INJECTION (Debug builds, or
/// <c>-p:FiniexFaultInjection=true</c>): <c>FINIEX_RUNNER_FAULT=kind:scenario</c> makes the runner misbehave when asked
/// to run that scenario. Kinds: crash, failfast, exit, stackoverflow, hang (stalls before heartbeats start), silent,
/// garbage, oversize, ignore-cancel, freeze-loop (the tick loop stops at its second checkpoint while heartbeats go on),
/// slow-loop (each loop checkpoint takes 100 ms); other-build pretends to be another build at the handshake.
/// A Release runner has none of this: it ignores the variable.
/// </summary>
internal sealed record FaultInjection(string Kind, string Scenario)
{
    public static FaultInjection? FromEnvironment()
    {
#if FINIEX_FAULT_INJECTION
        return Environment.GetEnvironmentVariable("FINIEX_RUNNER_FAULT") is { } value && value.Split(':', 2) is [var kind, var scenario]
            ? new FaultInjection(kind, scenario)
            : null;
#else
        return null;
#endif
    }

    public bool AppliesTo(string scenario) => Scenario == "*" || Scenario == scenario;

    public string BuildId => Kind == "other-build" ? "another-build" : ProtocolVersion.BuildId;

    public bool IgnoresCancel => Kind == "ignore-cancel";

#if FINIEX_FAULT_INJECTION
    /// <summary>Misbehaves before the scenario starts, for the kinds that do.</summary>
    public async Task BeforeRunAsync(FrameWriter writer)
    {
        switch (Kind)
        {
            case "crash":
                throw new InvalidOperationException("Injected crash (FINIEX_RUNNER_FAULT).");
            case "failfast":
                Environment.FailFast("Injected FailFast (FINIEX_RUNNER_FAULT).");
                break;
            case "exit":
                Environment.Exit(17);
                break;
            case "stackoverflow":
                Recurse(0);
                break;
            case "hang":
            case "silent":
                await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
                break;
            case "garbage":
                await writer.SendAsync((FrameKind)77, new Heartbeat(0, 0), CancellationToken.None).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
                break;
            case "oversize":
                // Raw: the header goes out at once (serialising 256 MiB first took longer than the watchdog on a loaded machine).
                await writer.SendRawAsync(FrameKind.LogBatch, new byte[ProtocolVersion.MaxFrameBytes + 1], CancellationToken.None).ConfigureAwait(false);
                await Task.Delay(Timeout.Infinite).ConfigureAwait(false);
                break;
            case "ignore-cancel":
                while (true)
                {
                    await writer.SendAsync(FrameKind.Heartbeat, new Heartbeat(0, 0), CancellationToken.None).ConfigureAwait(false);
                    await Task.Delay(500).ConfigureAwait(false);
                }
        }
    }

    /// <summary>The progress sink the scenario reports to: the loop faults act at its checkpoints.</summary>
    public IProgressSink Wrap(IProgressSink sink) => Kind is "freeze-loop" or "slow-loop" ? new FaultyLoop(sink, Kind) : sink;

    private static int Recurse(int depth) => depth == int.MaxValue ? depth : Recurse(depth + 1) + 1;

    private sealed class FaultyLoop(IProgressSink inner, string kind) : IProgressSink
    {
        private int _checkpoints;

        public void Report(in LiveProgress progress) => inner.Report(progress);

        public void Checkpoint(long ticksProcessed)
        {
            inner.Checkpoint(ticksProcessed);
            if (kind == "slow-loop")
            {
                Thread.Sleep(100);
            }
            else if (++_checkpoints == 2)
            {
                Thread.Sleep(Timeout.Infinite); // a strategy stuck in an endless loop: heartbeats keep flowing from their own task
            }
        }
    }
#else
#pragma warning disable CA1822 // the same instance API as the test build's, where these act; never called here (no instance exists)
    public Task BeforeRunAsync(FrameWriter writer) => Task.CompletedTask;

    public IProgressSink Wrap(IProgressSink sink) => sink;
#pragma warning restore CA1822
#endif
}
