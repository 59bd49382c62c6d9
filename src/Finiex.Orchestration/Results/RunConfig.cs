using System.Text.Json;
using Finiex.Core.Scenarios;

namespace Finiex.Orchestration.Results;

/// <summary>config.json of a run: the set it ran (path and SHA-256 of its bytes as validated) and every enabled scenario as bound.</summary>
public sealed record RunConfig(string Set, string SourceFile, string SetSha256, IReadOnlyList<ScenarioConfig?> Scenarios)
{
    /// <exception cref="ResultsFolderException">config.json is missing or unreadable.</exception>
    public static RunConfig Read(string runFolder)
    {
        var path = Path.Combine(runFolder, ResultsFolder.ConfigFile);
        try
        {
            using var stream = File.OpenRead(path);
            using var document = JsonDocument.Parse(stream);
            var root = document.RootElement;
            return new RunConfig(root.GetProperty("set").GetString()!, root.GetProperty("source_file").GetString()!,
                root.TryGetProperty("set_sha256", out var hash) ? hash.GetString() ?? "" : "", []);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new ResultsFolderException($"{path} cannot be read ({ex.Message}): this folder cannot be resumed; run the set anew with finiex run SET.", ex);
        }
    }
}
