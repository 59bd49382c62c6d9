using System.Globalization;
using System.Text.Json;

namespace Finiex.Orchestration.Results;

/// <summary>One run folder under a results root (<c>&lt;out&gt;/&lt;set&gt;/&lt;time&gt;/</c>) as its summary.json describes it.</summary>
public sealed record RunEntry(string Set, string Folder, DateTimeOffset StartedAt, bool Complete, bool Running, int Scenarios, int Completed, double? BestNetProfit, long Bytes);

/// <summary>The runs under a results root, newest first; folders without a readable summary.json are not runs and are left alone.</summary>
public static class RunListing
{
    public static IReadOnlyList<RunEntry> Find(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }

        var runs = new List<RunEntry>();
        foreach (var setFolder in Directory.EnumerateDirectories(root))
        {
            foreach (var folder in Directory.EnumerateDirectories(setFolder))
            {
                if (Read(folder) is { } entry)
                {
                    runs.Add(entry);
                }
            }
        }

        return [.. runs.OrderByDescending(r => r.StartedAt).ThenBy(r => r.Folder, StringComparer.Ordinal)];
    }

    private static RunEntry? Read(string folder)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(folder, RecordedRun.SummaryFile));
            using var summary = JsonDocument.Parse(stream);
            var root = summary.RootElement;
            var totals = root.GetProperty("totals");
            double? best = totals.TryGetProperty("net_profit", out var spread) && spread.ValueKind == JsonValueKind.Object ? spread.GetProperty("best").GetDouble() : null;
            return new RunEntry(
                root.GetProperty("set").GetString() ?? Path.GetFileName(Path.GetDirectoryName(folder))!,
                folder,
                DateTimeOffset.Parse(root.GetProperty("started_at").GetString()!, CultureInfo.InvariantCulture),
                root.GetProperty("complete").GetBoolean(),
                RunLock.IsHeld(folder),
                totals.GetProperty("scenarios").GetInt32(),
                totals.GetProperty("completed").GetInt32(),
                best,
                new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
