using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using CliWrap;

namespace Finiex.Orchestration.Processes.Slurm;

/// <summary>
/// A Slurm job holding the run's tasks: <c>salloc</c> with a command that ends with this process (<c>tail --pid</c>), so
/// the job is released even if this process is killed outright; canceled with <c>scancel</c> when the run ends, on
/// Ctrl+C and on error. Runners are its steps (<see cref="SlurmLauncher"/>).
/// </summary>
internal sealed partial class SlurmAllocation : IAsyncDisposable
{
    private const int StderrLinesKept = 20;
    private readonly CancellationTokenSource _kill = new();
    private readonly OutputTail _stderr = new(StderrLinesKept);
    private readonly TaskCompletionSource<string> _granted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<string> _log;
    private readonly CommandTask<CommandResult>? _salloc;
    private readonly long _requested = Stopwatch.GetTimestamp();
    private readonly SemaphoreSlim _placed = new(1, 1);
    private string? _jobId;

    private SlurmAllocation(SlurmOptions options, string jobName, Action<string> log)
    {
        _log = log;
        List<string> arguments = ["--ntasks", options.Tasks.ToString(CultureInfo.InvariantCulture), "--job-name", jobName];
        if (options.Partition is { Length: > 0 } partition)
        {
            arguments.AddRange(["--partition", partition]);
        }

        if (options.Time is { Length: > 0 } time)
        {
            arguments.AddRange(["--time", time]);
        }

        arguments.AddRange(options.ExtraArguments);
        arguments.AddRange(["tail", $"--pid={Environment.ProcessId}", "-f", "/dev/null"]);
        Command = "salloc " + string.Join(' ', arguments);
        try
        {
            _salloc = Cli.Wrap("salloc").WithArguments(arguments)
                .WithStandardOutputPipe(PipeTarget.ToDelegate(OnStderr)) // drained: a closed pipe would kill the job's command with SIGPIPE
                .WithStandardErrorPipe(PipeTarget.ToDelegate(OnStderr))
                .WithValidation(CommandResultValidation.None)
                .ExecuteAsync(_kill.Token);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            _granted.TrySetException(new RunnerStartException($"salloc could not be started ({ex.Message}): install the Slurm client commands, or run without --cluster."));
            _salloc = null;
            return;
        }

        _ = _salloc.Task.ContinueWith(_ => _granted.TrySetException(new RunnerStartException($"salloc ended before Slurm granted the job ({ExitText()}): {Tail()}".TrimEnd(' ', ':'))),
            CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }

    /// <summary>The salloc command as run (for messages).</summary>
    public string Command { get; }

    /// <summary>The job id once Slurm has one (pending or granted).</summary>
    public string? JobId => Volatile.Read(ref _jobId);

    /// <summary>The hosts of the job's nodes, once granted.</summary>
    public IReadOnlyList<string> Nodes { get; private set; } = [];

    /// <summary>Asks Slurm for the job; the task completes when it is granted (it may wait in the queue).</summary>
    public static SlurmAllocation Request(SlurmOptions options, string jobName, Action<string> log) => new(options, jobName, log);

    public async Task<string> GrantedAsync(CancellationToken cancellationToken)
    {
        var jobId = await _granted.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        await _placed.WaitAsync(cancellationToken).ConfigureAwait(false); // every slot waits here; the first learns the nodes and says so
        try
        {
            if (Nodes.Count == 0)
            {
                var job = await SlurmCommands.ShowJobAsync(jobId, cancellationToken).ConfigureAwait(false);
                Nodes = job.TryGetValue("NodeList", out var list) ? await SlurmCommands.HostNamesAsync(list, cancellationToken).ConfigureAwait(false) : [];
                _log(string.Create(CultureInfo.InvariantCulture,
                    $"Slurm job {jobId} granted on {string.Join(", ", Nodes)} after {Stopwatch.GetElapsedTime(_requested).TotalSeconds:0.0} s ({Command})"));
            }
        }
        finally
        {
            _placed.Release();
        }

        return jobId;
    }

    /// <summary>Why the job can run no more runners (ended, canceled, out of time), or null while it runs.</summary>
    public async Task<string?> EndedAsync()
    {
        if (JobId is not { } jobId)
        {
            return _salloc is null or { Task.IsCompleted: true } ? $"salloc ended ({ExitText()}): {Tail()}".TrimEnd(' ', ':') : null;
        }

        return Explain(jobId, await SlurmCommands.ShowJobAsync(jobId).ConfigureAwait(false));
    }

    /// <summary>
    /// Why a job (the fields of <c>scontrol show job</c>) runs no more, or null while it runs. A job out of time passes
    /// through COMPLETING (Reason=TimeLimit) before TIMEOUT: both read as TIMEOUT.
    /// </summary>
    internal static string? Explain(string jobId, IReadOnlyDictionary<string, string> job)
    {
        var state = job.GetValueOrDefault("JobState") ?? "GONE";
        var reason = job.GetValueOrDefault("Reason") is { Length: > 0 } r && r != "None" ? r : null;
        if (state is "RUNNING" or "CONFIGURING")
        {
            return null;
        }

        var timedOut = state == "TIMEOUT" || reason == "TimeLimit";
        var why = timedOut ? $"its time limit ({job.GetValueOrDefault("TimeLimit")}, --time) was reached"
            : state switch
            {
                "CANCELLED" => "it was canceled (scancel)",
                "NODE_FAIL" => "a node of it failed",
                "PREEMPTED" => "it was preempted",
                "GONE" => "Slurm no longer knows it",
                _ => reason ?? "it ended",
            };
        return $"Slurm job {jobId} is {(timedOut ? "TIMEOUT" : state)}: {why}";
    }

    public async ValueTask DisposeAsync()
    {
        if (JobId is { } jobId)
        {
            await SlurmCommands.CancelAsync(jobId).ConfigureAwait(false);
        }

        await _kill.CancelAsync().ConfigureAwait(false);
        try
        {
            if (_salloc is not null)
            {
                await _salloc.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
        }

        _kill.Dispose();
        _placed.Dispose();
    }

    private void OnStderr(string line)
    {
        _stderr.Add(line);
        if (JobAllocation().Match(line) is { Success: true } match)
        {
            var first = Interlocked.CompareExchange(ref _jobId, match.Groups["id"].Value, null) is null;
            if (match.Groups["what"].Value == "Granted")
            {
                _granted.TrySetResult(match.Groups["id"].Value);
            }
            else if (first)
            {
                _log($"Slurm job {match.Groups["id"].Value} is pending: waiting for resources ({Command})");
            }
        }
    }

    private string ExitText() => _salloc is { Task.IsCompletedSuccessfully: true } ? $"exit code {_salloc.Task.Result.ExitCode}" : "not started or killed";

    private string Tail() => string.Join(" | ", _stderr.Last());

    [GeneratedRegex(@"(?<what>Granted|Pending) job allocation (?<id>\d+)")]
    private static partial Regex JobAllocation();
}
