using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Tests.Shared;

namespace Finiex.Benchmarks.Suites;

/// <summary>
/// Import parsing per tick, per format, on real files from ../shared/data: a LEAN quote zip (FXCM EURUSD, one day),
/// a generic CSV (the same day written as ISO-time CSV), a Dukascopy bi5 hour and a Finiex JSON export. Each
/// benchmark parses one file into an <see cref="ImportSink"/> (validation included, no store write).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 2, iterationCount: 10)]
public class ImportBenchmarks
{
    private string _lean = null!;
    private string _csv = null!;
    private string _dukascopy = null!;
    private string _json = null!;

    [Params("lean", "csv", "dukascopy", "finiex-json")]
    public string Format { get; set; } = "lean";

    [GlobalSetup]
    public void Setup()
    {
        var shared = RepoPaths.TestData;
        _lean = Path.Combine(shared, "lean", "forex", "fxcm", "tick", "eurusd", "20140506_quote.zip");
        _dukascopy = Directory.EnumerateFiles(Path.Combine(shared, "dukascopy", "EURUSD"), "*h_ticks.bi5", SearchOption.AllDirectories)
            .OrderByDescending(f => new FileInfo(f).Length).First();
        _json = Directory.EnumerateFiles(Path.Combine(shared, "finiex", "ticks"), "EURUSD_*_ticks.json").Order().First();
        _csv = Path.Combine(Path.GetTempPath(), $"finiex-bench-{Environment.ProcessId}.csv");
        var (times, bids, asks, _) = BenchmarkData.ReferenceTicksArrays();
        var text = new StringBuilder("time,bid,ask\n");
        for (var i = 0; i < times.Length; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{DateTimeOffset.FromUnixTimeMilliseconds(times[i]).UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ},{bids[i]:R},{asks[i]:R}\n");
        }

        File.WriteAllText(_csv, text.ToString());
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_csv);

    /// <summary>Returns the ticks parsed: BenchmarkDotNet reports per file; divide by it for per-tick figures.</summary>
    [Benchmark(Description = "parse one file")]
    public long Parse()
    {
        var (reader, path) = Format switch
        {
            "lean" => ((ITickSourceReader)new LeanZipReader(DataTimeZone.Utc), _lean),
            "csv" => (new GenericCsvReader(new CsvColumns(), DataTimeZone.Utc), _csv),
            "dukascopy" => (new DukascopyBi5Reader(0.00001), _dukascopy),
            _ => (new FiniexJsonReader(), _json),
        };
        var sink = new ImportSink(path, reader.HasVolumes);
        reader.Read(path, sink, CancellationToken.None);
        return sink.RowsRead;
    }
}
