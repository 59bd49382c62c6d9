using System.Diagnostics;
using System.Text;

namespace Finiex.Tests.Shared;

/// <summary>The lines a child process writes, collected as they come, and waits on them with a generous cap.</summary>
internal sealed class CapturedOutput
{
    private readonly StringBuilder _text = new();

    public void Append(string? line)
    {
        if (line is not null)
        {
            lock (_text)
            {
                _text.AppendLine(line);
            }
        }
    }

    public string Read()
    {
        lock (_text)
        {
            return _text.ToString();
        }
    }

    public bool Contains(string part) => Read().Contains(part, StringComparison.Ordinal);

    /// <summary>Waits until <paramref name="condition"/> holds; fails with what was captured if it does not within <paramref name="limit"/>.</summary>
    public async Task WaitForAsync(Func<bool> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit, $"timed out after {limit.TotalSeconds:0} s; output so far:\n{Read()}");
            await Task.Delay(50);
        }
    }
}
