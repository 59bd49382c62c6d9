using System.Runtime.InteropServices;

namespace Finiex.Cli.Commands;

/// <summary>
/// Ctrl+C for a running batch: the first SIGINT (or SIGTERM, as a scheduler stopping the job sends) cancels it
/// gracefully, the second kills its runners. Registered while the object lives.
/// </summary>
internal sealed class BatchInterrupts : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly CancellationTokenSource _kill = new();
    private readonly PosixSignalRegistration _interrupt;
    private readonly PosixSignalRegistration _terminate;
    private readonly Action _onFirst;
    private int _presses;

    /// <param name="onFirst">Tells the user what the first press does (called on the signal's thread).</param>
    public BatchInterrupts(Action onFirst)
    {
        _onFirst = onFirst;
        _interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        _terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    }

    /// <summary>Canceled at the first press: running scenarios stop at their next checkpoint.</summary>
    public CancellationToken Cancel => _cancel.Token;

    /// <summary>Canceled at the second press: runners are killed.</summary>
    public CancellationToken Kill => _kill.Token;

    public void Dispose()
    {
        _interrupt.Dispose();
        _terminate.Dispose();
        _cancel.Dispose();
        _kill.Dispose();
    }

    private void OnSignal(PosixSignalContext signal)
    {
        signal.Cancel = true; // the process lives on to write the results
        if (Interlocked.Increment(ref _presses) == 1)
        {
            _onFirst();
            _cancel.Cancel();
        }
        else
        {
            _kill.Cancel();
        }
    }
}
