using System.CommandLine;
using Finiex.Data.Store;

namespace Finiex.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Store() => new("--store")
    {
        Description = $"Tick store folder (default: ${TickStore.EnvironmentVariable} or {TickStore.DefaultRelativePath}).",
    };

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON on stdout." };
}
