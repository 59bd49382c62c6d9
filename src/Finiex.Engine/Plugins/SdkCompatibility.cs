using Finiex.Sdk.Catalog;

namespace Finiex.Engine.Plugins;

/// <summary>
/// Which plug-ins this Finiex can load: built against the same Finiex.Sdk major version, and a minor version no newer
/// than this one's (a newer minor may use types this SDK lacks; a different major changed what existing types mean).
/// </summary>
public static class SdkCompatibility
{
    public static Version Current { get; } = typeof(IPlugin).Assembly.GetName().Version!;

    public static bool Accepts(Version builtAgainst) => builtAgainst.Major == Current.Major && builtAgainst.Minor <= Current.Minor;

    public static string Describe(Version version) => $"{version.Major}.{version.Minor}";
}
