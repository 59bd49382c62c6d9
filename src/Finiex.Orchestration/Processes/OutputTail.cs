namespace Finiex.Orchestration.Processes;

/// <summary>The last lines a child process (a runner, srun, salloc) wrote, kept for the message that explains its end.</summary>
internal sealed class OutputTail(int capacity)
{
    private readonly Queue<string> _lines = new();

    public void Add(string line)
    {
        lock (_lines)
        {
            _lines.Enqueue(line);
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines (all when null), oldest first.</summary>
    public List<string> Last(int? count = null)
    {
        lock (_lines)
        {
            return [.. _lines.TakeLast(count ?? _lines.Count)];
        }
    }
}
