using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Rendering;
using Finiex.Engine.Catalog;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex catalog [--json]</c>: every worker type, decision logic and strategy known, with its parameters.</summary>
internal static class CatalogCommand
{
    public static Command Create(CliContext context)
    {
        var json = CommonOptions.Json("the catalog");
        var command = new Command("catalog", "List every worker type, decision logic and strategy: parameters, defaults, ranges, outputs, inputs and warmup.") { json };
        command.SetAction(parse =>
        {
            var catalog = StrategyCatalog.CreateDefault();
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(CatalogRenderer.ToJson(catalog), CliJson.Options));
            }
            else
            {
                CatalogRenderer.Render(context.Console, catalog);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
