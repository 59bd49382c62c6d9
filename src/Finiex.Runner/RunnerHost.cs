using System.Diagnostics;
using Finiex.Contracts.Packages;
using Finiex.Core.Ticks;
using Finiex.Data.Store;
using Finiex.Data.Ticks;
using Finiex.Engine.Catalog;
using Finiex.Engine.Loop;
using Finiex.Protocol;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using Finiex.Protocol.Security;
using Finiex.Runner.Logging;
using MessagePack;
using Serilog;

namespace Finiex.Runner;

/// <summary>
/// The runner's life: connect to the parent (its pipe, or TCP), prove the run's secret, then run requests one at a time
/// until told to shut down, the connection closes, or the parent falls silent (it heartbeats every second). Each
/// scenario gets a fresh object graph. While busy it sends a heartbeat every second. Its own and its scenarios' log
/// events go through Serilog to <see cref="PipeLogSink"/>, which forwards them in batches.
/// </summary>
internal sealed class RunnerHost(RunnerOptions options, RunSecret secret, FaultInjection? fault)
{
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(1);

    public async Task<int> RunAsync()
    {
        var started = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        await using var stream = await ParentConnection.OpenAsync(options, stop.Token).ConfigureAwait(false);
        var reader = new FrameReader(stream);
        await using var writer = new FrameWriter(stream);
        var identity = new Handshake(ProtocolVersion.Current, fault?.BuildId ?? ProtocolVersion.BuildId, "", Environment.ProcessId, options.RunId, options.RunnerId,
            Environment.MachineName, SlurmPlacement(), []);
        try
        {
            using var handshakeLimit = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await HandshakeExchange.ConnectAsync(reader, writer, secret, identity, handshakeLimit.Token).ConfigureAwait(false);
        }
        catch (HandshakeRefusedException ex)
        {
            await Console.Error.WriteLineAsync($"finiex-runner: handshake failed: {ex.Message}").ConfigureAwait(false);
            return 3;
        }

        // Warm-ups start after the handshake: before it they would compete with it for the core (two runners start at once on two cores).
        _ = ProtocolWarmup.EnsureStarted();
        using var logSink = new PipeLogSink(writer);
        var forwarding = logSink.ForwardAsync(stop.Token);
        var log = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(logSink).CreateLogger();
        log.Information("Runner pid {Pid} on {Host:l} ready in {Ms:0} ms (protocol {Protocol}{Placement:l})", Environment.ProcessId, identity.Host,
            started.Elapsed.TotalMilliseconds, ProtocolVersion.Current, identity.Placement is { Length: > 0 } placement ? ", " + placement : "");
        var catalog = StrategyCatalog.CreateDefault();
        using var warmup = EngineWarmup.Start(catalog, (took, stopped) =>
            log.Debug(stopped ? "Engine warm-up stopped by the first request after {Ms:0} ms" : "Engine compiled and warmed in {Ms:0} ms", took.TotalMilliseconds));
        Task? running = null;
        using var runCancel = new RunCancellation();
        while (!stop.IsCancellationRequested)
        {
            var next = await ReadFromParentAsync(reader, stop.Token).ConfigureAwait(false);
            if (next is not { } message || message.Kind == FrameKind.Shutdown)
            {
                break;
            }

            switch (message.Kind)
            {
                case FrameKind.Heartbeat:
                    break; // the parent lives

                case FrameKind.RunRequest:
                    await writer.SendAsync(FrameKind.Heartbeat, new Heartbeat(0, 0), stop.Token).ConfigureAwait(false); // alive, even while the package deserialises
                    var received = Stopwatch.StartNew();
                    var request = MessagePackSerializer.Deserialize<RunRequest>(message.Body);
                    foreach (var package in request.Packages)
                    {
                        log.Debug("Run {RunId}: scenario #{ScenarioIndex} {Name:l}, package of {Bytes:N0} bytes read in {Ms:0.00} ms{Fused:l}", request.RunId, package.ScenarioIndex,
                            package.ScenarioName, message.Body.Length / request.Packages.Count, received.Elapsed.TotalMilliseconds,
                            request.Packages.Count > 1 ? $" (one request of {request.Packages.Count}, fused)" : "");
                    }

                    if (running is not null)
                    {
                        // The parent sends a request only after the previous result; that run may still be returning.
                        await running.ConfigureAwait(false);
                    }

                    var token = runCancel.Renew();
                    warmup.Stop();
                    running = Task.Run(() => RunOrDieAsync(request, writer, logSink, log, catalog, token));
                    break;
                case FrameKind.Cancel:
                    if (fault?.IgnoresCancel != true)
                    {
                        await runCancel.CancelAsync().ConfigureAwait(false);
                    }

                    break;
                default:
                    throw new ProtocolException($"Unexpected {message.Kind} frame from the parent.");
            }
        }

        await runCancel.CancelAsync().ConfigureAwait(false);
        if (running is not null)
        {
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        }

        log.Debug("Runner pid {Pid} shutting down", Environment.ProcessId);
        await logSink.FlushAsync().ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        await forwarding.ConfigureAwait(false);
        return 0;
    }

    /// <summary>An exception outside the scenario (the scenario's own are in its result) ends the runner: the parent reports it.</summary>
    private async Task RunOrDieAsync(RunRequest request, FrameWriter writer, PipeLogSink logSink, ILogger log, StrategyCatalog catalog, CancellationToken cancellationToken)
    {
        try
        {
            await RunScenarioAsync(request, writer, logSink, log, catalog, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"finiex-runner: unhandled {ex.GetType().Name}: {ex.Message}").ConfigureAwait(false);
            log.Fatal(ex, "Runner failed outside the scenario");
            await logSink.FlushAsync().WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            Environment.Exit(70);
        }
    }

    private async Task RunScenarioAsync(RunRequest request, FrameWriter writer, PipeLogSink logSink, ILogger log, StrategyCatalog catalog, CancellationToken cancellationToken)
    {
        var faulty = fault is not null && request.Packages.Any(p => fault.AppliesTo(p.ScenarioName)) ? fault : null;
        if (faulty is not null)
        {
            await faulty.BeforeRunAsync(writer).ConfigureAwait(false);
        }

        var progress = new PipeProgressSink(writer, request.RunId);
        using var busy = new CancellationTokenSource();
        var heartbeats = HeartbeatAsync(request, writer, progress, busy.Token);
        if (request.Ticks is { Count: > 0 } shipped)
        {
            // Here, not on the read loop: a year of ticks takes seconds to unpack, and a Cancel must still be heard meanwhile.
            var unpacking = Stopwatch.StartNew();
            Shipped.Add(shipped);
            log.Debug("Run {RunId}: {Ranges} shipped tick range(s), {Bytes:N0} bytes packed, unpacked in {Ms:0.0} ms", request.RunId, shipped.Count,
                shipped.Sum(t => t.Columns.Length), unpacking.Elapsed.TotalMilliseconds);
        }

        var runLog = log.ForContext(PipeLogSink.RunIdProperty, request.RunId);
        var sink = faulty?.Wrap(progress) ?? progress;
        var runner = new ScenarioRunner(catalog, OpenTicks, package => new ScenarioChannels(sink, runLog.ForContext(PipeLogSink.ScenarioProperty, package.ScenarioIndex)));
        runner.Run(request.Packages, result =>
        {
            // Each result goes out the moment it exists (a fused group's failed scenario before the others end), after its log lines.
            logSink.FlushAsync().GetAwaiter().GetResult();
            writer.SendAsync(FrameKind.Result, new ResultMessage(request.RunId, result), CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }, cancellationToken);
        await busy.CancelAsync().ConfigureAwait(false);
        await heartbeats.ConfigureAwait(false);
    }

    /// <summary>Store files stay mapped for the runner's life: the next scenario on the symbol neither re-maps nor re-hashes.</summary>
    private static readonly TickFileCache Files = new();

    /// <summary>Ticks the parent shipped (the runner cannot see the store), kept for the runner's life like mapped files.</summary>
    private static readonly ShippedTickCache Shipped = new();

    private static ITickData OpenTicks(TickSource source) => Shipped.Open(source) ?? StoreTickData.Open(source, Files);

    private static async Task HeartbeatAsync(RunRequest request, FrameWriter writer, PipeProgressSink progress, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(HeartbeatEvery, cancellationToken).ConfigureAwait(false);
                await writer.SendAsync(FrameKind.Heartbeat, new Heartbeat(request.RunId, progress.TicksProcessed, progress.Checkpoints), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>
    /// The next frame from the parent; null when it closed the connection or fell silent (no heartbeat) for the limit: a
    /// runner never outlives its parent, wherever it runs.
    /// </summary>
    private async Task<Frame?> ReadFromParentAsync(FrameReader reader, CancellationToken cancellationToken)
    {
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(options.ParentSilence);
        try
        {
            var frame = await reader.ReadAsync(silence.Token).ConfigureAwait(false);
            if (frame is null)
            {
                await Console.Error.WriteLineAsync("finiex-runner: the parent closed the connection; exiting.").ConfigureAwait(false);
            }

            return frame;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"finiex-runner: the parent sent nothing for {options.ParentSilence.TotalSeconds:0.#} s (no heartbeat: gone or frozen); exiting.")
                .ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is IOException or EndOfStreamException or System.Net.Sockets.SocketException)
        {
            await Console.Error.WriteLineAsync($"finiex-runner: the connection to the parent broke ({ex.Message}); exiting.").ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Where Slurm placed this runner (job, step, task, node), from the variables srun sets; empty outside Slurm.</summary>
    private static string SlurmPlacement() =>
        Environment.GetEnvironmentVariable("SLURM_JOB_ID") is { Length: > 0 } job
            ? $"slurm job {job} step {Environment.GetEnvironmentVariable("SLURM_STEP_ID")} on {Environment.GetEnvironmentVariable("SLURMD_NODENAME") ?? Environment.MachineName}"
            : "";
}
