using System.Text.Json;
using System.Threading.Channels;
using Finiex.Orchestration.Results;

namespace Finiex.Server.Runs;

/// <summary>
/// A run's log: the latest lines in a bounded ring for queries, every line in a JSON-lines file for the download and for
/// a server that restarts. <see cref="Append"/> never waits on the disk (a writer task drains a queue to the file), so it
/// can be called from the publishing thread of the run's events.
/// </summary>
public sealed class RunLog : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly RunLogLine?[] _ring;
    private readonly Channel<RunLogLine>? _toDisk;
    private readonly Task _writer = Task.CompletedTask;
    private long _count;

    private RunLog(string file, int capacity, bool writable)
    {
        File = file;
        _ring = new RunLogLine?[Math.Max(1, capacity)];
        if (writable)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            _toDisk = Channel.CreateUnbounded<RunLogLine>(new UnboundedChannelOptions { SingleReader = true });
            _writer = Task.Run(WriteAsync);
        }
    }

    public string File { get; }

    /// <summary>A new log written to <paramref name="file"/>.</summary>
    public static RunLog Create(string file, int capacity) => new(file, capacity, writable: true);

    /// <summary>The latest lines of a log written earlier (a finished run's, after a restart); empty when there is no file.</summary>
    public static RunLog Load(string file, int capacity)
    {
        var log = new RunLog(file, capacity, writable: false);
        foreach (var line in ReadAll(file))
        {
            log.Keep(line);
        }

        return log;
    }

    public void Append(RunLogLine line)
    {
        Keep(line);
        _toDisk?.Writer.TryWrite(line);
    }

    public LogPage Query(LogQuery query)
    {
        lock (_gate)
        {
            var kept = (int)Math.Min(_count, _ring.Length);
            var matches = new List<RunLogLine>(Math.Min(query.Limit, 256));
            var hasMore = false;
            for (var i = 0; i < kept; i++)
            {
                var line = _ring[(_count - kept + i) % _ring.Length]!;
                if (!query.Matches(line))
                {
                    continue;
                }

                if (matches.Count == query.Limit)
                {
                    hasMore = true;
                    break;
                }

                matches.Add(line);
            }

            var oldest = kept == 0 ? 0 : _ring[(_count - kept) % _ring.Length]!.Sequence;
            return new LogPage(matches, matches.Count > 0 ? matches[^1].Sequence : query.AfterSequence, hasMore, oldest);
        }
    }

    /// <summary>Every line of the file, oldest first (a line torn by a crash is skipped).</summary>
    public static IEnumerable<RunLogLine> ReadAll(string file)
    {
        if (!System.IO.File.Exists(file))
        {
            yield break;
        }

        using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (reader.ReadLine() is { } text)
        {
            RunLogLine? line;
            try
            {
                line = JsonSerializer.Deserialize<RunLogLine>(text, ResultsJson.Options);
            }
            catch (JsonException)
            {
                continue;
            }

            if (line is not null)
            {
                yield return line;
            }
        }
    }

    /// <summary>Writes what is queued and closes the file.</summary>
    public async ValueTask DisposeAsync()
    {
        _toDisk?.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    private void Keep(RunLogLine line)
    {
        lock (_gate)
        {
            _ring[_count % _ring.Length] = line;
            _count++;
        }
    }

    /// <summary>Why lines stopped reaching the file (the disk is full...); they are still in the ring.</summary>
    public string? WriteError { get; private set; }

    private async Task WriteAsync()
    {
        try
        {
            await WriteLinesAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            WriteError = $"{File}: {ex.Message}";
            while (await _toDisk!.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (_toDisk.Reader.TryRead(out _))
                {
                }
            }
        }
    }

    private async Task WriteLinesAsync()
    {
        await using var stream = new FileStream(File, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        await using var writer = new StreamWriter(stream);
        while (await _toDisk!.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_toDisk.Reader.TryRead(out var line))
            {
                await writer.WriteLineAsync(JsonSerializer.Serialize(line, ResultsJson.Compact)).ConfigureAwait(false);
            }

            await writer.FlushAsync().ConfigureAwait(false);
        }
    }
}
