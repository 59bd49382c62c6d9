using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Finiex.Contracts.Results;
using Finiex.Orchestration.Results;
using Finiex.Tests.Shared;

namespace Finiex.Engine.Tests.Golden;

/// <summary>
/// Checked-in expected results (LEAN's ExpectedStatistics idea): per scenario the statistics of SEMANTICS §8 and a
/// SHA-256 of its trades.csv. A difference fails the test; set FINIEX_UPDATE_GOLDEN=1 to rewrite the file, and
/// commit the change with the reason the results moved.
/// </summary>
internal static class GoldenFile
{
    public static void Check(string name, IEnumerable<ProcessResult> results)
    {
        var actual = new JsonObject();
        foreach (var result in results)
        {
            actual[result.ScenarioName] = new JsonObject
            {
                ["statistics"] = JsonSerializer.SerializeToNode(result.Statistics, ResultsJson.Options),
                ["trades_csv_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ResultFiles.TradesCsv(result.Trades)))),
            };
        }

        var path = Path.Combine(RepoPaths.Root, "tests", "Finiex.Engine.Tests", "Golden", "expected", name + ".json");
        var text = actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("FINIEX_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            return;
        }

        Assert.True(File.Exists(path), $"No golden file {path}: run the tests once with FINIEX_UPDATE_GOLDEN=1 and commit it.");
        var expected = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        foreach (var (scenario, value) in expected)
        {
            Assert.True(actual.ContainsKey(scenario), $"scenario {scenario} is missing from the results");
            Assert.Equal(value!.ToJsonString(), actual[scenario]!.ToJsonString());
        }

        Assert.Equal(expected.Count, actual.Count);
    }
}
