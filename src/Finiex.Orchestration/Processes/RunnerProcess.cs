using System.Diagnostics;
using System.IO.Pipes;
using System.Threading.Channels;
using CliWrap;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Orchestration.Execution;
using Finiex.Protocol;
using Finiex.Protocol.Framing;
using Finiex.Protocol.Messages;
using MessagePack;

namespace Finiex.Orchestration.Processes;

/// <summary>
/// One runner child process and its pipe. The parent is the pipe server; the runner connects, handshakes, then runs
/// one scenario per request. Any of process exit, pipe EOF or error, a malformed frame, or silence past the watchdog
/// ends the runner through one failure path that kills it and reports pid, exit code and the tail of its stderr.
/// </summary>
internal sealed class RunnerProcess : IAsyncDisposable
{
    private const int StderrLinesKept = 30;
    private static int s_counter;

    private readonly RunnerLaunch _launch;
    private readonly NamedPipeServerStream _pipe;
    private readonly CancellationTokenSource _kill = new();
    private readonly Queue<string> _stderr = new();
    private string? _cause;
    private bool _causeOpen;
    private readonly Channel<Frame> _frames = Channel.CreateUnbounded<Frame>(new UnboundedChannelOptions { SingleReader = true });
    private CommandTask<CommandResult>? _process;
    private FrameWriter? _writer;
    private readonly Dictionary<int, List<LogLine>> _runLogs = [];
    private long _runIds;

    private RunnerProcess(RunnerLaunch launch, string pipeName)
    {
        _launch = launch;
        PipeName = pipeName;
        _pipe = new NamedPipeServerStream(pipeName, PipeDirection.InOut, 1, PipeTransmissionMode.Byte, PipeOptions.Asynchronous);
    }

    public string PipeName { get; }

    public int ProcessId { get; private set; }

    public bool IsAlive => _process is { Task.IsCompleted: false } && !_kill.IsCancellationRequested;

    /// <summary>Time from launch to an accepted handshake.</summary>
    public TimeSpan StartupTime { get; private set; }

    public static async Task<RunnerProcess> StartAsync(RunnerLaunch launch, CancellationToken cancellationToken)
    {
        var runner = new RunnerProcess(launch, $"fx-{Environment.ProcessId}-{Interlocked.Increment(ref s_counter)}");
        try
        {
            await runner.LaunchAsync(cancellationToken).ConfigureAwait(false);
            return runner;
        }
        catch
        {
            await runner.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

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
            await _writer!.SendAsync(FrameKind.RunRequest, new RunRequest(runId, packages), CancellationToken.None).ConfigureAwait(false);
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
                            error is ProtocolException ? $"The runner broke the protocol: {error.Message}" : "The runner exited or closed its pipe").ConfigureAwait(false);
                        return;
                    case NextFrame.Canceled or NextFrame.TimedOut when cancelSentAt is null:
                        cancelReason = frame is NextFrame.TimedOut ? FailureKind.TimedOut : FailureKind.Canceled;
                        cancelSentAt = Stopwatch.GetTimestamp();
                        deadline = long.MaxValue;
                        await _writer.SendAsync(FrameKind.Cancel, new CancelRequest(runId), CancellationToken.None).ConfigureAwait(false);
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

    /// <summary>Kills the runner (its whole process tree) at once.</summary>
    public async Task KillAsync()
    {
        await _kill.CancelAsync().ConfigureAwait(false);
        if (_process is not null)
        {
            try
            {
                await _process.Task.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
            {
            }
        }
    }

    /// <summary>The runner's peak working set and CPU time so far; null when it has exited or cannot be read.</summary>
    public RunnerUsage? SampleUsage()
    {
        if (!IsAlive)
        {
            return null;
        }

        try
        {
            using var process = Process.GetProcessById(ProcessId);
            return new RunnerUsage(ProcessId, process.PeakWorkingSet64, process.TotalProcessorTime.TotalMilliseconds);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null && IsAlive)
        {
            try
            {
                await _writer.SendAsync(FrameKind.Shutdown, new ShutdownRequest("batch finished")).ConfigureAwait(false);
                await _process!.Task.WaitAsync(TimeSpan.FromSeconds(3)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or TimeoutException or OperationCanceledException or ObjectDisposedException or ChannelClosedException)
            {
            }
        }

        await KillAsync().ConfigureAwait(false);
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        await _pipe.DisposeAsync().ConfigureAwait(false);
        _kill.Dispose();
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _process = Cli.Wrap(_launch.Host)
            .WithArguments(["exec", _launch.RunnerDll, "--pipe", PipeName, "--parent-pid", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--protocol", ProtocolVersion.Current.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            .WithEnvironmentVariables(_launch.Environment)
            .WithStandardErrorPipe(PipeTarget.ToDelegate(AddStderr))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(AddStderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_kill.Token); // forceful: a kill is SIGKILL to the runner's process tree, never a signal it could ignore
        ProcessId = _process.ProcessId;
        using var start = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        start.CancelAfter(_launch.StartTimeout);
        var connect = _pipe.WaitForConnectionAsync(start.Token);
        if (await Task.WhenAny(connect, _process.Task).ConfigureAwait(false) != connect)
        {
            throw new RunnerStartException($"The runner (pid {ProcessId}) exited before connecting. {Tail()}");
        }

        await connect.ConfigureAwait(false);
        _writer = new FrameWriter(_pipe);
        var reader = new FrameReader(_pipe);
        _ = ReadLoopAsync(reader);
        var first = await NextFrameAsync(_launch.StartTimeout, long.MaxValue, cancellationToken).ConfigureAwait(false);
        if (first is not NextFrame.Frame { Value.Kind: FrameKind.Handshake } handshakeFrame)
        {
            throw new RunnerStartException($"The runner (pid {ProcessId}) did not send a handshake. {Tail()}");
        }

        var handshake = HandshakeCodec.DecodeHandshake(handshakeFrame.Value.Body);
        var refusal = handshake.ProtocolVersion != ProtocolVersion.Current
            ? $"protocol {handshake.ProtocolVersion} ≠ parent's {ProtocolVersion.Current}"
            : handshake.BuildId != ProtocolVersion.BuildId ? $"build {handshake.BuildId} ≠ parent's {ProtocolVersion.BuildId}" : null;
        await _writer.SendRawAsync(FrameKind.HandshakeReply,
            HandshakeCodec.Encode(new HandshakeReply(refusal is null, ProtocolVersion.Current, ProtocolVersion.BuildId, handshake.Nonce, refusal)), cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            throw new RunnerStartException($"Refused a runner from another build ({refusal}): rebuild the solution so finiex and finiex-runner match.");
        }

        StartupTime = clock.Elapsed;
    }

    private async Task ReadLoopAsync(FrameReader reader)
    {
        try
        {
            while (await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false) is { } frame)
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
        if (_kill.IsCancellationRequested)
        {
            // Killed on request (a second Ctrl+C) while it ran: not a crash of the runner.
            (type, reason) = (FailureKind.Canceled, "Canceled; the runner was killed on request (second Ctrl+C)");
        }
        else if (type == FailureKind.RunnerCrashed && _process is not null)
        {
            // The pipe may close a moment before the exit is seen: give a dying runner a little time to report its exit code.
            try
            {
                await _process.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
            }
        }

        var exit = _process is { Task.IsCompletedSuccessfully: true } ? _process.Task.Result.ExitCode : (int?)null;
        await KillAsync().ConfigureAwait(false);
        var exitText = exit switch
        {
            null => "killed",
            > 128 => $"exit code {exit} (signal {exit - 128})",
            _ => $"exit code {exit}",
        };
        var message = $"{reason} (runner pid {ProcessId}, {exitText}). {Tail()}".TrimEnd();
        run.FailRest(package => Failed(package, type, message));
    }

    private ProcessResult Failed(ProcessDataPackage package, FailureKind type, string message) =>
        ProcessResult.Failed(package.ScenarioIndex, package.ScenarioName, package.Symbol, type, message) with
        {
            Log = [.. _runLogs.GetValueOrDefault(package.ScenarioIndex) ?? [], new LogLine(DateTimeOffset.UtcNow, "ERROR", message)],
        };

    internal static string TimeoutMessage(TimeSpan limit) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The scenario ran longer than the {limit.TotalSeconds:0.###} s timeout.");

    /// <summary>First lines of the runtime's own death notices: a long stack trace after them must not push them out of the tail.</summary>
    private static readonly string[] CauseMarkers = ["Stack overflow", "Process terminated", "Unhandled exception", "Fatal error", "finiex-runner:", "Out of memory"];

    private void AddStderr(string line)
    {
        lock (_stderr)
        {
            if (CauseMarkers.Any(marker => line.StartsWith(marker, StringComparison.Ordinal)))
            {
                _cause = line;
                _causeOpen = true;
            }
            else if (_causeOpen)
            {
                // "Process terminated." is followed by the FailFast message; stack frames end the cause.
                _causeOpen = false;
                if (!line.TrimStart().StartsWith("at ", StringComparison.Ordinal) && line.Length > 0)
                {
                    _cause += " " + line;
                }
            }

            _stderr.Enqueue(line);
            while (_stderr.Count > StderrLinesKept)
            {
                _stderr.Dequeue();
            }
        }
    }

    private string Tail()
    {
        lock (_stderr)
        {
            var tail = _stderr.TakeLast(8).ToList();
            if (_cause is not null && !tail.Any(line => _cause.StartsWith(line, StringComparison.Ordinal)))
            {
                tail.Insert(0, _cause + " | …");
            }

            return tail.Count == 0 ? "" : "stderr: " + string.Join(" | ", tail);
        }
    }
}
