using System.Text.Json;

namespace Finiex.Cli.Tests;

[Collection("processes")]
public sealed class BenchCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "finiex-bench-test-" + Guid.NewGuid().ToString("N"));

    private static string Store => Finiex.Tests.Shared.RepoPaths.SampleStore;

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Tiny_load_writes_a_certificate_with_figures_for_each_mode_and_compares_with_itself()
    {
        var certificate = Path.Combine(_folder, "tiny.json");

        var result = CliRunner.Run("bench", "--load", "tiny", "--scenarios", "12", "--modes", "sequential,threads", "--parallel", "2",
            "--repeat", "2", "--store", Store, "--out", certificate);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(certificate));
        var root = json.RootElement;
        Assert.Equal("tiny", root.GetProperty("load").GetString());
        Assert.Equal(12, root.GetProperty("scenarios").GetInt32());
        Assert.True(root.GetProperty("machine").GetProperty("cores").GetInt32() >= 1);
        var modes = root.GetProperty("modes").EnumerateArray().ToList();
        // Each mode without fusion and with it.
        Assert.Equal(["sequential", "sequential", "threads", "threads"], modes.Select(m => m.GetProperty("mode").GetString()));
        Assert.Equal([1, 64, 1, 64], modes.Select(m => m.GetProperty("fuse_up_to").GetInt32()));
        Assert.All(modes, m =>
        {
            Assert.Equal(2, m.GetProperty("runs").GetInt32());
            Assert.Equal(0, m.GetProperty("failed").GetInt32());
            Assert.Equal(root.GetProperty("ticks_per_run").GetInt64(), m.GetProperty("ticks").GetInt64());
            Assert.True(m.GetProperty("ticks_per_second").GetDouble() > 0);
            Assert.Contains(m.GetProperty("profile").EnumerateArray(), o => o.GetProperty("name").GetString() == "worker rsi");
        });
        Assert.True(root.GetProperty("speedup_over_sequential").GetProperty("threads ×2").GetDouble() > 0);
        Assert.True(root.GetProperty("speedup_over_sequential").GetProperty("threads ×2 fused").GetDouble() > 0);
        Assert.Contains("scenario-ticks/s", result.Out, StringComparison.Ordinal);
        Assert.Contains("Fused over unfused, threads ×2", result.Out, StringComparison.Ordinal);

        var comparison = CliRunner.Run("bench", "--compare", certificate, certificate);
        Assert.True(comparison.ExitCode == 0, comparison.Out + comparison.Error);
        Assert.Contains("B / A", comparison.Out, StringComparison.Ordinal);
        Assert.Contains("1.00×", comparison.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Grid_load_imports_the_shared_fxcm_days_once_and_runs_on_them()
    {
        var result = CliRunner.Run("bench", "--load", "grid", "--scenarios", "2", "--modes", "sequential", "--data", CliRunner.TestData,
            "--bench-store", Path.Combine(_folder, "store"), "--out", Path.Combine(_folder, "grid.json"));

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_folder, "grid.json")));
        Assert.Equal(2 * 1_144_807, json.RootElement.GetProperty("ticks_per_run").GetInt64());
    }

    [Fact]
    public void Missing_data_and_unreadable_certificates_are_clear_errors()
    {
        var noData = CliRunner.Run("bench", "--load", "grid", "--data", Path.Combine(_folder, "nowhere"), "--bench-store", Path.Combine(_folder, "store"));
        Assert.Equal(2, noData.ExitCode);
        Assert.Contains("FXCM EURUSD LEAN files", noData.Error, StringComparison.Ordinal);

        var badCompare = CliRunner.Run("bench", "--compare", Path.Combine(_folder, "a.json"), Path.Combine(_folder, "b.json"));
        Assert.Equal(2, badCompare.ExitCode);
        Assert.Contains("cannot read the certificates", badCompare.Error, StringComparison.Ordinal);

        var badMode = CliRunner.Run("bench", "--load", "tiny", "--modes", "turbo", "--store", Store);
        Assert.Equal(2, badMode.ExitCode);
        Assert.Contains("'turbo'", badMode.Error, StringComparison.Ordinal);

        var noScenarios = CliRunner.Run("bench", "--load", "tiny", "--scenarios", "0", "--store", Store);
        Assert.Equal(2, noScenarios.ExitCode);
        Assert.Contains("--scenarios must be at least 1", noScenarios.Error, StringComparison.Ordinal);
    }
}
