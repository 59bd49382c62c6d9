using System.Diagnostics;
using CliWrap;
using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Processes;

/// <summary>
/// The local process that carries a runner: the runner itself, or the <c>srun</c> that holds its Slurm step. Keeps the
/// tail of its stderr (with the runtime's death notice, which a long stack trace must not push out) and kills it.
/// </summary>
internal sealed class LaunchedRunner : IAsyncDisposable
{
    private const int StderrLinesKept = 30;

    /// <summary>First lines of the runtime's own death notices: a long stack trace after them must not push them out of the tail.</summary>
    private static readonly string[] CauseMarkers = ["Stack overflow", "Process terminated", "Unhandled exception", "Fatal error", "finiex-runner:", "Out of memory", "slurmstepd", "srun: error"];

    private readonly CancellationTokenSource _kill = new();
    private readonly OutputTail _stderr = new(StderrLinesKept);
    private readonly Lock _causeLock = new();
    private readonly CommandTask<CommandResult> _process;
    private string? _cause;
    private bool _causeOpen;

    private LaunchedRunner(Command command)
    {
        _process = command
            .WithStandardErrorPipe(PipeTarget.ToDelegate(AddStderr))
            .WithStandardOutputPipe(PipeTarget.ToDelegate(AddStderr))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_kill.Token); // forceful: a kill is SIGKILL to the process tree, never a signal it could ignore
    }

    public static LaunchedRunner Start(Command command) => new(command);

    public int ProcessId => _process.ProcessId;

    public Task Exited => _process.Task;

    public bool HasExited => _process.Task.IsCompleted;

    public bool WasKilled => _kill.IsCancellationRequested;

    public int? ExitCode => _process.Task.IsCompletedSuccessfully ? _process.Task.Result.ExitCode : null;

    public async Task WaitForExitAsync(TimeSpan limit)
    {
        try
        {
            await _process.Task.WaitAsync(limit).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
        }
    }

    /// <summary>Kills it (its whole process tree) at once.</summary>
    public async Task KillAsync()
    {
        await _kill.CancelAsync().ConfigureAwait(false);
        await WaitForExitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
    }

    /// <summary>Its peak working set and CPU time so far; null when it has exited or cannot be read.</summary>
    public RunnerUsage? SampleUsage()
    {
        if (HasExited)
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

    public string ExitText => ExitCode switch
    {
        null => "killed",
        > 128 and var code => $"exit code {code} (signal {code - 128})",
        var code => $"exit code {code}",
    };

    public string Tail()
    {
        var tail = _stderr.Last(8);
        lock (_causeLock)
        {
            if (_cause is not null && !tail.Any(line => _cause.StartsWith(line, StringComparison.Ordinal)))
            {
                tail.Insert(0, _cause + " | …");
            }
        }

        return tail.Count == 0 ? "" : "stderr: " + string.Join(" | ", tail);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync().ConfigureAwait(false);
        _kill.Dispose();
    }

    private void AddStderr(string line)
    {
        lock (_causeLock)
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
        }

        _stderr.Add(line);
    }
}
