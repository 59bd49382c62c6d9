using System.Diagnostics;
using System.Globalization;

namespace Finiex.Data.Store;

/// <summary>
/// The exclusive right to change one symbol of a store (import, remove): <c>&lt;root&gt;/.locks/&lt;SYMBOL&gt;.lock</c>, held
/// open without sharing (an advisory file lock the operating system drops when the holder dies). Readers need no lock:
/// writers replace files by rename, so a reader keeps the file it opened.
/// </summary>
public sealed class SymbolLock : IDisposable
{
    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _stream;

    private SymbolLock(FileStream stream, string path)
    {
        _stream = stream;
        FilePath = path;
    }

    public string FilePath { get; }

    /// <summary>Takes the symbol's lock, waiting up to <paramref name="wait"/> for another writer to finish.</summary>
    /// <param name="waiting">Told once, with a message naming the holder, when the lock is taken by another writer.</param>
    /// <exception cref="SymbolLockedException">Still held by another writer after the wait.</exception>
    public static SymbolLock Acquire(TickStore store, string symbol, TimeSpan wait, Action<string>? waiting = null)
    {
        var folder = Path.Combine(store.Root, ".locks");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, symbol + ".lock");
        var clock = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                // The holder's pid goes beside the lock (the locked file itself cannot be read by others while held).
                File.WriteAllText(path + ".pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
                return new SymbolLock(stream, path);
            }
            catch (IOException) when (clock.Elapsed < wait)
            {
                if (!told)
                {
                    told = true;
                    waiting?.Invoke($"waiting for another process changing {symbol} in {store.Root} to finish{Holder(path)}");
                }

                Thread.Sleep(RetryEvery);
            }
            catch (IOException ex)
            {
                throw new SymbolLockedException(
                    $"{symbol} in {store.Root} is being changed by another process{Holder(path)}; waited {wait.TotalSeconds:0} s. Try again when it has finished (lock file {path}).",
                    ex);
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string Holder(string path)
    {
        try
        {
            var pid = File.ReadAllText(path + ".pid").Trim();
            return pid.Length > 0 ? $" (pid {pid})" : "";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
