using System.Diagnostics;
using System.Text.Json;
using Finiex.Tests.Shared;

namespace Finiex.Cluster.Tests;

/// <summary>A real <c>finiex run</c> process, its output as it comes, and what it wrote.</summary>
internal sealed class ClusterRun : IAsyncDisposable
{
    private readonly Process _process;

    private ClusterRun(Process process, string output)
    {
        _process = process;
        Output = output;
        process.ErrorDataReceived += (_, e) => Lines.Append(e.Data);
        process.OutputDataReceived += (_, e) => Lines.Append(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
    }

    public CapturedOutput Lines { get; } = new();

    public string Output { get; }

    public int ExitCode => _process.ExitCode;

    public int ProcessId => _process.Id;

    /// <summary>Starts <c>finiex run SET --store STORE --out (temp) --live lines</c> with <paramref name="arguments"/>.</summary>
    public static ClusterRun Start(string set, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var output = Path.Combine(Path.GetTempPath(), $"finiex-cluster-{Guid.NewGuid():N}");
        var start = FiniexProcess.StartInfo(Path.Combine(AppContext.BaseDirectory, "finiex.dll"),
            ["run", set, "--store", RepoPaths.SampleStore, "--out", output, "--live", "lines", "--log-level", "debug", .. arguments]);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new ClusterRun(Process.Start(start)!, output);
    }

    public async Task<int> WaitAsync(TimeSpan limit)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"finiex run did not end within {limit.TotalSeconds:0} s; its output:\n{Lines.Read()}");
        }

        _process.WaitForExit(); // drains the output events
        return _process.ExitCode;
    }

    /// <summary>summary.json of the run.</summary>
    public JsonDocument Summary() => JsonDocument.Parse(File.ReadAllText(Directory.GetFiles(Output, "summary.json", SearchOption.AllDirectories).Single()));

    /// <summary>
    /// What must be the same wherever the run ran: each scenario's name, status, statistics and report statistics from
    /// summary.json, and the bytes of every trades.csv.
    /// </summary>
    public string ResultsFingerprint()
    {
        using var summary = Summary();
        var parts = summary.RootElement.GetProperty("scenarios").EnumerateArray().Select(s =>
            $"{s.GetProperty("name")}|{s.GetProperty("status")}|{Property(s, "statistics")}|{Property(s, "report_statistics")}").ToList();
        var run = Path.GetDirectoryName(Directory.GetFiles(Output, "summary.json", SearchOption.AllDirectories).Single())!;
        parts.AddRange(Directory.GetFiles(run, "trades.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(file => $"{Path.GetRelativePath(run, file)}:{File.ReadAllText(file)}"));
        return string.Join('\n', parts);
    }

    public void Interrupt()
    {
        using var kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // finiex alone, as a user's kill would: its salloc notices (tail --pid) and releases the job, its runners notice the lost connection.
            _process.Kill(entireProcessTree: false);
            await _process.WaitForExitAsync();
        }

        if (SlurmCluster.JobIdIn(Lines.Read()) is { } job && SlurmCluster.Jobs().Contains(job))
        {
            SlurmCluster.Cancel(job); // a failed test must not hold the cluster's CPUs for the next one
        }

        _process.Dispose();
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }
    }

    private static string Property(JsonElement scenario, string name) => scenario.TryGetProperty(name, out var value) ? value.GetRawText() : "-";
}
