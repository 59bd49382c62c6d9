using System.Text.Json;
using System.Text.RegularExpressions;

namespace Finiex.Server.Runs;

/// <summary>
/// Where a submitted set is read from: a name resolved inside the configs folder only (never a path outside it), or a
/// pasted definition kept as <c>configs/submitted/ID.json</c>, one level below configs like <c>scenario_sets/</c>, so its
/// relative paths (<c>"broker": "../brokers/x.json"</c>) mean what they mean in a shipped set, and a resume finds it.
/// </summary>
internal static partial class SetSource
{
    public const string SubmittedFolder = "submitted";

    /// <summary>The sets a user can start by name: every <c>.json</c> under the configs folder's <c>scenario_sets/</c>.</summary>
    public static IReadOnlyList<string> Available(string configsFolder)
    {
        var sets = Path.Combine(Path.GetFullPath(configsFolder), "scenario_sets");
        return Directory.Exists(sets)
            ? [.. Directory.EnumerateFiles(sets, "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(sets, f).Replace('\\', '/')[..^5]).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <exception cref="RunSubmissionException">Neither or both given, a name that is not a set under configs, or a definition that is not a JSON object.</exception>
    public static string Resolve(RunSubmission submission, string configsFolder, string runId)
    {
        var configs = Path.GetFullPath(configsFolder);
        if (submission.Definition is { } definition)
        {
            if (submission.Set is not null)
            {
                throw new RunSubmissionException("give either \"set\" (a set under configs/) or \"definition\" (the set as JSON), not both");
            }

            if (definition.ValueKind != JsonValueKind.Object)
            {
                throw new RunSubmissionException("\"definition\" must be the scenario set as a JSON object ({\"name\": ..., \"scenarios\": [...]})");
            }

            var file = Path.Combine(configs, SubmittedFolder, $"{runId}.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, definition.GetRawText());
            return file;
        }

        var name = submission.Set;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new RunSubmissionException("give the set to run: {\"set\": \"eurusd_example\"} (a set under configs/scenario_sets) or {\"definition\": {...}} (the set as JSON)");
        }

        if (!SetName().IsMatch(name) || name.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new RunSubmissionException($"'{name}' is not a set name: use letters, digits, '_', '-', '.' and '/' between folders, inside configs/ (GET /sets lists them)");
        }

        string[] candidates = [Path.Combine(configs, "scenario_sets", name + ".json"), Path.Combine(configs, "scenario_sets", name), Path.Combine(configs, name), Path.Combine(configs, name + ".json")];
        return candidates.Select(Path.GetFullPath).FirstOrDefault(c => c.StartsWith(configs + Path.DirectorySeparatorChar, StringComparison.Ordinal) && c.EndsWith(".json", StringComparison.Ordinal) && File.Exists(c))
               ?? throw new RunSubmissionException($"there is no set '{name}' under {configs} (GET /sets lists them)");
    }

    [GeneratedRegex("^[A-Za-z0-9_.\\-/]{1,200}$")]
    private static partial Regex SetName();
}
