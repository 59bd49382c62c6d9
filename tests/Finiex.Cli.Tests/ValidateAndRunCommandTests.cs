using System.Text.Json;

namespace Finiex.Cli.Tests;

public sealed class ValidateAndRunCommandTests
{
    private static string Example => Path.Combine(CliRunner.RepoRoot, "configs", "scenario_sets", "eurusd_example.json");

    private static string Store => Path.Combine(CliRunner.RepoRoot, "data", "store");

    private static string Mistakes => Path.Combine(CliRunner.RepoRoot, "tests", "Finiex.Scenarios.Tests", "Fixtures", "mistakes.json");

    [Fact]
    public void The_example_set_validates_with_exit_code_0()
    {
        var result = CliRunner.Run("validate", Example, "--store", Store);
        Assert.True(result.ExitCode == 0, result.Out);
        Assert.Contains("valid", result.Out, StringComparison.Ordinal);
        Assert.Contains("7 scenario(s) ready", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_full_of_mistakes_lists_them_all_with_exit_code_2()
    {
        var result = CliRunner.Run("validate", Mistakes, "--store", Store, "--json");

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.False(json.RootElement.GetProperty("valid").GetBoolean());
        var paths = json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("path").GetString()).ToList();
        Assert.True(paths.Count >= 15, string.Join("\n", paths));
        Assert.Contains("$.defaults.strategy.workers.band.type", paths);
        Assert.Contains("$.scenarios[0].end", paths);
    }

    [Fact]
    public void Run_prepares_the_example_batch_and_says_the_engine_is_not_there_yet()
    {
        var result = CliRunner.Run("run", Example, "--store", Store);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("7 scenario(s) ready", result.Out, StringComparison.Ordinal);
        Assert.Contains("not implemented yet", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_refuses_a_set_with_nothing_runnable()
    {
        Assert.Equal(2, CliRunner.Run("run", Mistakes, "--store", Store).ExitCode);
    }
}
