using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Rendering;
using Finiex.Core.Strategy;
using Finiex.Engine.Catalog;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex catalog [--plugin PATH]... [--json]</c>: every worker type, decision logic and strategy known, with its parameters and origin.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json("the catalog");
        var plugins = CommonOptions.Plugins();
        var command = new Command("catalog", "List every worker type, decision logic and strategy, built in and from the plug-ins given: parameters, defaults, ranges, outputs, inputs and warmup.")
        {
            plugins, json,
        };
        command.SetAction(parse =>
        {
            var load = StrategyCatalog.CreateDefault().WithPlugins([.. (parse.GetValue(plugins) ?? []).Select(PluginSource.FromCommandLine)]);
            foreach (var problem in load.Problems)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error[/] {problem.Origin}: {problem.Message}\n  [grey]→ {problem.Hint}[/]");
            }

            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(CatalogRenderer.ToJson(load.Catalog), CliJson.Options));
            }
            else
            {
                CatalogRenderer.Render(context.Console, load.Catalog);
            }

            return load.Problems.IsEmpty ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }
}
