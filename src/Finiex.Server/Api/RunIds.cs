using System.Text.RegularExpressions;

namespace Finiex.Server.Api;

/// <summary>What a run id looks like (<c>&lt;set&gt;--&lt;yyyy-MM-dd_HH.mm.ss&gt;--&lt;6 hex&gt;</c>): anything else is refused before it reaches the registry or a path.</summary>
internal static partial class RunIds
{
    public static bool IsValid(string id) => id.Length <= 200 && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_.\\-=+,]+--[0-9]{4}-[0-9]{2}-[0-9]{2}_[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}--[0-9a-f]{6}$")]
    private static partial Regex Pattern();
}
