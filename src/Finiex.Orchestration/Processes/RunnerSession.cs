using System.Diagnostics;
using System.Threading.Channels;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Orchestration.Execution;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using MessagePack;

namespace Finiex.Orchestration.Processes;

/// <summary>
/// The conversation with one runner that proved itself, wherever it runs and whatever carries it: run requests, the
/// frames that answer them, the watchdogs, and the parent's heartbeat (a runner that stops hearing it exits). Any of the
/// runner's end, the connection's end or error, a malformed frame, or silence past the watchdog ends the runner through
/// one failure path that kills it and reports where it ran, its exit and the tail of its stderr.
/// </summary>
internal sealed class RunnerSession : IAsyncDisposable
{
    private static readonly TimeSpan HeartbeatEvery = TimeSpan.FromSeconds(1);

    /// <summary>A heartbeat's body: <c>Heartbeat(0, 0, 0)</c> as MessagePack, written once (the runner reads only its arrival).</summary>
    private static readonly byte[] HeartbeatBody = [0x93, 0x00, 0x00, 0x00];

    private readonly RunnerLaunch _launch;
    private readonly LaunchedRunner _process;
    private readonly RunnerConnection _connection;
    private readonly Launch.IRunnerLauncher _launcher;
    private readonly TickShipment? _shipping;
    private readonly HashSet<ShippedTicks> _shipped = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<int, List<LogLine>> _runLogs = [];
    private long _runIds;

    public RunnerSession(RunnerLaunch launch, LaunchedRunner process, RunnerConnection connection, Launch.IRunnerLauncher launcher, TickShipment? shipping, TimeSpan startupTime)
    {
        (_launch, _process, _connection, _launcher, _shipping, StartupTime) = (launch, process, connection, launcher, shipping, startupTime);
        _ = ReadLoopAsync();
        _ = HeartbeatLoopAsync();
    }

    public int ProcessId => _connection.Identity.ProcessId;

    public bool IsAlive => !_process.HasExited && !_process.WasKilled && !_frames.Reader.Completion.IsCompleted;

    /// <summary>Time from launch to an accepted handshake.</summary>
    public TimeSpan StartupTime { get; }

    /// <summary>Where the runner is: pid, and host and Slurm placement when remote.</summary>
    public string Describe() => _connection.Describe();

    /// <summary>
    /// Runs scenarios in one request (one, or a fused group); <paramref name="finished"/> gets each result as the runner
    /// sends it. Never throws for a runner failure: every scenario without a result then gets one that says what happened.
    /// </summary>
    public async Task RunAsync(IReadOnlyList<ProcessDataPackage> packages, Func<ProcessDataPackage, SlotReporter> reporters, TimeSpan? timeout,
        Action<ProcessResult> finished, CancellationToken cancellationToken)
    {
        var runId = Interlocked.Increment(ref _runIds);
        _runLogs.Clear();
        var run = new RunInFlight(runId, packages, reporters, finished);
        var deadline = timeout is { } limit ? Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * packages.Count * Stopwatch.Frequency) : long.MaxValue;
        long? cancelSentAt = null;
        var watchdog = new ProgressWatchdog(_launch.StallLimit);
        FailureKind? cancelReason = null;
        if (cancellationToken.IsCancellationRequested)
        {
            run.FailRest(package => Failed(package, FailureKind.Canceled, "The batch was canceled before this scenario started."));
            return;
        }

        try
        {
            await _connection.Writer.SendAsync(FrameKind.RunRequest, new RunRequest(runId, packages, Ship(packages)), CancellationToken.None).ConfigureAwait(false);
            while (run.Pending > 0)
            {
                var wait = _launch.Watchdog;
                if (cancelSentAt is { } sent)
                {
                    var left = _launch.CancelGrace - Stopwatch.GetElapsedTime(sent);
                    if (left <= TimeSpan.Zero)
                    {
                        await FailAsync(run, cancelReason == FailureKind.TimedOut ? FailureKind.TimedOut : FailureKind.Canceled,
                            $"{(cancelReason == FailureKind.TimedOut ? TimeoutMessage(timeout!.Value).TrimEnd('.') : "Canceled")} and did not stop within {_launch.CancelGrace.TotalSeconds:0} s; the runner was killed").ConfigureAwait(false);
                        return;
                    }

                    wait = left < wait ? left : wait;
                }

                var frame = await NextFrameAsync(wait, deadline, cancelSentAt is null ? cancellationToken : CancellationToken.None).ConfigureAwait(false);
                switch (frame)
                {
                    case NextFrame.Frame { Value: var f }:
                        if (HandleFrame(f, run, watchdog) is { } result)
                        {
                            run.Finish(cancelReason == FailureKind.TimedOut && result.Error is { Kind: FailureKind.Canceled }
                                ? result with { Error = new ErrorInfo(FailureKind.TimedOut, TimeoutMessage(timeout!.Value)) }
                                : result);
                        }
                        else if (watchdog.IsStalled && cancelSentAt is null)
                        {
                            await FailAsync(run, FailureKind.RunnerHung,
                                $"The tick loop made no progress for {watchdog.Limit.TotalSeconds:0.#} s while the runner stayed alive (a strategy stuck in an endless loop or a deadlock?)").ConfigureAwait(false);
                            return;
                        }

                        break;
                    case NextFrame.Silent when cancelSentAt is not null:
                        break; // the wait was cut to the cancel grace; the check at the top of the loop decides
                    case NextFrame.Silent:
                        await FailAsync(run, FailureKind.RunnerHung, $"The runner sent nothing for {_launch.Watchdog.TotalSeconds:0} s (hung tick loop?)").ConfigureAwait(false);
                        return;
                    case NextFrame.Ended { Error: var error }:
                        await FailAsync(run, error is ProtocolException ? FailureKind.ProtocolViolation : FailureKind.RunnerCrashed,
                            error is ProtocolException ? $"The runner broke the protocol: {error.Message}" : "The runner exited or closed its connection").ConfigureAwait(false);
                        return;
                    case NextFrame.Canceled or NextFrame.TimedOut when cancelSentAt is null:
                        cancelReason = frame is NextFrame.TimedOut ? FailureKind.TimedOut : FailureKind.Canceled;
                        cancelSentAt = Stopwatch.GetTimestamp();
                        deadline = long.MaxValue;
                        await _connection.Writer.SendAsync(FrameKind.Cancel, new CancelRequest(runId), CancellationToken.None).ConfigureAwait(false);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or ProtocolException or MessagePackSerializationException)
        {
            await FailAsync(run, ex is IOException or ObjectDisposedException ? FailureKind.RunnerCrashed : FailureKind.ProtocolViolation, ex.Message).ConfigureAwait(false);
        }
    }

    /// <summary>A request's scenarios still waiting for their results, and where each result goes.</summary>
    private sealed class RunInFlight(long runId, IReadOnlyList<ProcessDataPackage> packages, Func<ProcessDataPackage, SlotReporter> reporters, Action<ProcessResult> finished)
    {
        private readonly Dictionary<int, (ProcessDataPackage Package, SlotReporter Reporter)> _pending =
            packages.ToDictionary(p => p.ScenarioIndex, p => (p, reporters(p)));

        public long RunId => runId;

        public int Pending => _pending.Count;

        /// <summary>The reporter of a scenario of this request; the first one's for a line that names none.</summary>
        public SlotReporter? ReporterOf(int scenarioIndex) =>
            _pending.TryGetValue(scenarioIndex, out var entry) ? entry.Reporter : null;

        public SlotReporter AnyReporter => _pending.Values.FirstOrDefault().Reporter ?? reporters(packages[0]);

        public void Finish(ProcessResult result)
        {
            if (!_pending.Remove(result.ScenarioIndex))
            {
                throw new ProtocolException($"Result for scenario #{result.ScenarioIndex}, which run {runId} does not hold or already answered.");
            }

            finished(result);
        }

        public void FailRest(Func<ProcessDataPackage, ProcessResult> failure)
        {
            foreach (var (package, _) in _pending.Values.ToList())
            {
                Finish(failure(package));
            }
        }
    }

    /// <summary>Kills the runner at once.</summary>
    public Task KillAsync() => _process.KillAsync();

    /// <summary>The runner's peak working set and CPU time so far; null when it has exited, or runs elsewhere (under srun).</summary>
    public RunnerUsage? SampleUsage() => _launcher.IsRunnerProcess && IsAlive ? _process.SampleUsage() : null;

    public async ValueTask DisposeAsync()
    {
        if (IsAlive)
        {
            try
            {
                await _connection.Writer.SendAsync(FrameKind.Shutdown, new ShutdownRequest("batch finished")).ConfigureAwait(false);
                await _process.Exited.WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or OperationCanceledException or ObjectDisposedException or ChannelClosedException)
            {
            }
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        await _process.DisposeAsync().ConfigureAwait(false);
        await _connection.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    /// <summary>The shipped ticks this request needs that the runner has not been sent yet (none when it reads the store).</summary>
    private List<ShippedTicks>? Ship(IReadOnlyList<ProcessDataPackage> packages)
    {
        if (_shipping is null)
        {
            return null;
        }

        var fresh = new List<ShippedTicks>();
        foreach (var package in packages)
        {
            if (!package.Ticks.IsInline && _shipping.For(package.Ticks) is { } ticks && _shipped.Add(ticks))
            {
                fresh.Add(ticks);
            }
        }

        return fresh;
    }

    private async Task HeartbeatLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(HeartbeatEvery, _stop.Token).ConfigureAwait(false);
                await _connection.Writer.SendRawAsync(FrameKind.Heartbeat, HeartbeatBody, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ChannelClosedException or IOException or ObjectDisposedException)
        {
        }
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _connection.Reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) is { } frame)
            {
                await _frames.Writer.WriteAsync(frame).ConfigureAwait(false);
            }

            _frames.Writer.TryComplete();
        }
        catch (Exception ex)
        {
            _frames.Writer.TryComplete(ex);
        }
    }

    private abstract record NextFrame
    {
        public sealed record Frame(Protocol.Framing.Frame Value) : NextFrame;

        public sealed record Ended(Exception? Error) : NextFrame;

        public sealed record Silent : NextFrame;

        public sealed record Canceled : NextFrame;

        public sealed record TimedOut : NextFrame;
    }

    private async Task<NextFrame> NextFrameAsync(TimeSpan wait, long deadline, CancellationToken cancellationToken)
    {
        var boundByDeadline = false;
        if (deadline != long.MaxValue)
        {
            var left = TimeSpan.FromSeconds((double)(deadline - Stopwatch.GetTimestamp()) / Stopwatch.Frequency);
            if (left <= TimeSpan.Zero)
            {
                return new NextFrame.TimedOut();
            }

            boundByDeadline = left < wait;
            wait = boundByDeadline ? left : wait;
        }

        using var waitCts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waitCts.CancelAfter(wait);
        try
        {
            return await _frames.Reader.WaitToReadAsync(waitCts.Token).ConfigureAwait(false) && _frames.Reader.TryRead(out var frame)
                ? new NextFrame.Frame(frame)
                : new NextFrame.Ended(null);
        }
        catch (OperationCanceledException)
        {
            return cancellationToken.IsCancellationRequested ? new NextFrame.Canceled()
                : boundByDeadline ? new NextFrame.TimedOut()
                : new NextFrame.Silent();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new NextFrame.Ended(ex);
        }
    }

    private ProcessResult? HandleFrame(Frame frame, RunInFlight run, ProgressWatchdog watchdog)
    {
        switch (frame.Kind)
        {
            case FrameKind.Progress:
                var progress = MessagePackSerializer.Deserialize<ProgressMessage>(frame.Body);
                watchdog.Moved();
                run.ReporterOf(progress.ScenarioIndex)?.Progress(SlotReporter.StatusOf(progress.Status), progress.TicksProcessed, progress.TicksTotal, progress.Balance, progress.Equity,
                    progress.Trades, progress.Export);
                return null;
            case FrameKind.LogBatch:
                var batch = MessagePackSerializer.Deserialize<LogBatch>(frame.Body);
                var scenario = batch.RunId == run.RunId ? run.ReporterOf(batch.ScenarioIndex) : null;
                foreach (var line in batch.Lines)
                {
                    if (scenario is not null)
                    {
                        // kept so that a failed result still carries what the scenario logged
                        (_runLogs.TryGetValue(batch.ScenarioIndex, out var lines) ? lines : _runLogs[batch.ScenarioIndex] = []).Add(line);
                        scenario.Log(line);
                    }
                    else
                    {
                        run.AnyReporter.RunnerLog(line);
                    }
                }

                return null;
            case FrameKind.Heartbeat:
                var heartbeat = MessagePackSerializer.Deserialize<Heartbeat>(frame.Body);
                if (heartbeat.RunId == run.RunId)
                {
                    watchdog.Observe(heartbeat.Checkpoints);
                }

                return null;
            case FrameKind.Result:
                var message = MessagePackSerializer.Deserialize<ResultMessage>(frame.Body);
                return message.RunId == run.RunId ? message.Result : throw new ProtocolException($"Result for run {message.RunId} while waiting for run {run.RunId}.");
            default:
                throw new ProtocolException($"Unexpected {frame.Kind} frame from the runner.");
        }
    }

    /// <summary>Ends the runner and gives every scenario of the run still without a result this failure.</summary>
    private async Task FailAsync(RunInFlight run, FailureKind type, string reason)
    {
        if (_process.WasKilled)
        {
            // Killed on request (a second Ctrl+C) while it ran: not a crash of the runner.
            (type, reason) = (FailureKind.Canceled, "Canceled; the runner was killed on request (second Ctrl+C)");
        }
        else if (type == FailureKind.RunnerCrashed)
        {
            // The connection may close a moment before the exit is seen: give a dying runner a little time to report its exit code.
            await _process.WaitForExitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }

        var exit = _process.HasExited ? _process.ExitText : "killed";
        var loss = type == FailureKind.RunnerCrashed ? await _launcher.ExplainLossAsync().ConfigureAwait(false) : null;
        await KillAsync().ConfigureAwait(false);
        var message = $"{reason} ({Describe()}, {exit}). {(loss is null ? "" : loss + ". ")}{_process.Tail()}".TrimEnd();
        run.FailRest(package => Failed(package, type, message));
    }

    private ProcessResult Failed(ProcessDataPackage package, FailureKind type, string message) =>
        ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, type, message) with
        {
            Log = [.. _runLogs.GetValueOrDefault(package.ScenarioIndex) ?? [], new LogLine(DateTimeOffset.UtcNow, "ERROR", message)],
        };

    internal static string TimeoutMessage(TimeSpan limit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The scenario ran longer than the {limit.TotalSeconds:0.###} s timeout.");
}
