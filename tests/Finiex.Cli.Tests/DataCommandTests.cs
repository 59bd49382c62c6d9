using System.Text.Json;

namespace Finiex.Cli.Tests;

public sealed class DataCommandTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "finiex-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    private static string Fxcm(string day) => Path.Combine(CliRunner.TestData, "lean", "forex", "fxcm", "tick", "eurusd", $"{day}_quote.zip");

    [Fact]
    public void Import_then_list_shows_the_symbol_with_its_coverage_and_quality()
    {
        var import = CliRunner.Run("data", "import", "--format", "lean", "--symbol", "EURUSD", "--tz", "UTC-05", "--store", _store, Fxcm("20140509"), Fxcm("20140511"));
        Assert.True(import.ExitCode == 0, import.Out + import.Error);
        Assert.Contains("ticks added", import.Out, StringComparison.Ordinal);
        Assert.Contains("[2/2]", import.Error, StringComparison.Ordinal); // progress

        var list = CliRunner.Run("data", "list", "--store", _store, "--json");
        Assert.Equal(0, list.ExitCode);
        using var json = JsonDocument.Parse(list.Out);
        var symbol = Assert.Single(json.RootElement.GetProperty("symbols").EnumerateArray());
        Assert.Equal("EURUSD", symbol.GetProperty("symbol").GetString());
        Assert.Equal("ok", symbol.GetProperty("status").GetString());
        Assert.True(symbol.GetProperty("ticks").GetInt64() > 100_000);
        Assert.Equal(1, symbol.GetProperty("gaps").GetProperty("weekend").GetInt32());
        Assert.True(symbol.GetProperty("quality").GetProperty("crossed").GetInt64() > 0);

        var table = CliRunner.Run("data", "list", "--store", _store);
        Assert.Contains("EURUSD", table.Out, StringComparison.Ordinal);
        Assert.Contains("weekends", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Lean_without_a_time_zone_is_refused_with_advice()
    {
        var result = CliRunner.Run("data", "import", "--format", "lean", "--symbol", "EURUSD", "--store", _store, Fxcm("20140509"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--tz", result.Error, StringComparison.Ordinal);
        Assert.Contains("UTC-05", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_over_the_invalid_threshold_exits_non_zero_and_writes_nothing()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"finiex-bad-{Guid.NewGuid():N}.csv");
        File.WriteAllLines(csv, ["time,bid,ask", "1000,1.1,1.2", "x,1.1,1.2", "3000,1.1,1.2"]);
        try
        {
            var result = CliRunner.Run("data", "import", "--format", "csv", "--time-format", "epoch-ms", "--symbol", "BAD", "--store", _store, csv);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("import failed", result.Out, StringComparison.Ordinal);
            Assert.Contains($"{csv}:3: unparsable time", result.Out, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(_store, "BAD")));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public void Verify_reports_a_corrupted_file_by_path()
    {
        CliRunner.Run("data", "import", "--format", "lean", "--symbol", "EURUSD", "--tz", "UTC-05", "--store", _store, Fxcm("20140511"));
        Assert.Equal(0, CliRunner.Run("data", "verify", "--store", _store).ExitCode);
        var tickFile = Path.Combine(_store, "EURUSD", "ticks.fxt");
        var bytes = File.ReadAllBytes(tickFile);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(tickFile, bytes);

        var verify = CliRunner.Run("data", "verify", "--store", _store);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("damaged", verify.Out, StringComparison.Ordinal);
        Assert.Contains(tickFile, verify.Out.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_formats_and_missing_options_exit_with_code_2()
    {
        Assert.Equal(2, CliRunner.Run("data", "import", "--format", "parquet", "--symbol", "X", "a.zip").ExitCode);
        Assert.Equal(2, CliRunner.Run("data", "import", "--format", "lean", "a.zip").ExitCode);
        Assert.Equal(2, CliRunner.Run("bogus").ExitCode);
    }
}
