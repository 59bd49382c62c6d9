using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Rendering;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex validate SET.json</c>: every problem at once, with JSON paths and fix hints. Exit 0 valid, 2 not.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var set = new Argument<string>("set") { Description = "The scenario set JSON file." };
        var store = CommonOptions.Store();
        var json = CommonOptions.Json("the validation report");
        var plugins = CommonOptions.Plugins();
        var command = new Command("validate", "Check a scenario set: configuration, plug-ins, symbols, data windows, warmup, lot sizes, currencies.") { set, store, plugins, json };
        command.SetAction(parse =>
        {
            var report = ScenarioSetValidation.Validate(parse.GetValue(set)!, parse.GetValue(store), parse.GetValue(plugins));
            if (parse.GetValue(json))
            {
                context.Out.WriteLine(JsonSerializer.Serialize(ValidationReportRenderer.ToJson(report), CliJson.Options));
            }
            else
            {
                ValidationReportRenderer.Render(context.Console, report);
            }

            return report.IsValid ? ExitCodes.Success : ExitCodes.InvalidInput;
        });
        return command;
    }
}
