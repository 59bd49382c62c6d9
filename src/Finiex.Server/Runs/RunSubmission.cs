using System.Text.Json;

namespace Finiex.Server.Runs;

/// <summary>
/// The body of <c>POST /runs</c>: either <see cref="Set"/>, the name of a set under the configs folder
/// (<c>eurusd_example</c>, or <c>scenario_sets/eurusd_example.json</c>), or <see cref="Definition"/>, a set pasted as JSON;
/// optionally how to run it.
/// </summary>
public sealed record RunSubmission(string? Set = null, JsonElement? Definition = null, string? Mode = null, double? ScenarioTimeoutSeconds = null);
