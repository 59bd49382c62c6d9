namespace Finiex.Orchestration.Results;

/// <summary>
/// Held by the finiex that writes a run folder, for as long as it writes it: an exclusive lock on <c>.running</c> in
/// the folder (released by the system when that process ends, even by kill -9). Retention never prunes a folder whose
/// lock is held, and a second finiex cannot resume a run that is still going.
/// </summary>
public sealed class RunLock : IDisposable
{
    public const string FileName = ".running";
    private readonly FileStream _file;

    private RunLock(FileStream file) => _file = file;

    /// <exception cref="ResultsFolderException">Another process holds the folder.</exception>
    public static RunLock Acquire(string runFolder)
    {
        try
        {
            var file = new FileStream(Path.Combine(runFolder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            return new RunLock(file);
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new ResultsFolderException($"{runFolder} is being written by another finiex right now; wait for it to end (finiex results list shows it as running).", ex);
        }
    }

    /// <summary>Whether a live process holds the folder's lock.</summary>
    public static bool IsHeld(string runFolder)
    {
        var path = Path.Combine(runFolder, FileName);
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    public void Dispose() => _file.Dispose();
}
