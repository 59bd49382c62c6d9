using Finiex.Scenarios.Validation;
using Finiex.Sdk.Time;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>Prints a validation report: the scenarios with their status, then every problem with path and hint.</summary>
internal static class ValidationReportRenderer
{
    public static void Render(IAnsiConsole console, ScenarioSetReport report, bool problemsOnly = false)
    {
        if (report.Scenarios.Length > 0 && !problemsOnly)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"Scenario set {report.Name} ({Path.GetFileName(report.SourceFile)})");
            table.AddColumn(new TableColumn("#").RightAligned()).AddColumn("scenario").AddColumn("symbol").AddColumn("window (UTC)")
                .AddColumn("workers").AddColumn("decision").AddColumn("status");
            foreach (var scenario in report.Scenarios)
            {
                var config = scenario.Config;
                var status = !scenario.Enabled ? "[grey]disabled[/]"
                    : scenario.IsValid ? (scenario.Problems.Count > 0 ? "[yellow]ok (warnings)[/]" : "[green]ok[/]")
                    : $"[red]invalid ({scenario.Problems.Count(p => p.Severity == ProblemSeverity.Error)})[/]";
                table.AddRow(
                    new Text($"{scenario.Index}"),
                    new Text(scenario.Name),
                    new Text(config?.Symbol ?? "?"),
                    new Text(config is null ? "?" : $"{UtcTime.Format(config.StartMs)} .. {(config.EndMs is { } end ? UtcTime.Format(end) : "")}{(config.MaxTicks is { } max ? $" (max {max:N0} ticks)" : "")}"),
                    new Text(config is null ? "?" : string.Join(", ", config.Strategy.Workers.Select(w => $"{w.Name}:{w.Type} {w.Timeframe}"))),
                    new Text(config?.Strategy.Decision.Type ?? "?"),
                    new Markup(status));
            }

            console.Write(table);
        }

        var problems = report.AllProblems();
        foreach (var problem in problems)
        {
            var level = problem.Severity == ProblemSeverity.Error ? "[red]error[/]" : "[yellow]warning[/]";
            var scope = problem.Scenarios.Count switch
            {
                0 => "",
                1 => $" [grey](scenario {Markup.Escape(problem.Scenarios[0])})[/]",
                var n => $" [grey]({n} scenarios)[/]",
            };
            console.MarkupLine($"{level} [bold]{Markup.Escape(problem.Path)}[/]: {Markup.Escape(problem.Message)}{scope}");
            if (problem.Hint.Length > 0)
            {
                console.MarkupLine($"      [grey]hint:[/] {Markup.Escape(problem.Hint)}");
            }
        }

        if (problemsOnly)
        {
            return;
        }

        var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
        var warnings = problems.Count - errors;
        var valid = report.Scenarios.Count(s => s.Enabled && s.IsValid);
        var invalid = report.Scenarios.Count(s => s.Enabled && !s.IsValid);
        var disabled = report.Scenarios.Count(s => !s.Enabled);
        console.MarkupLine(report.IsValid
            ? $"[green]valid[/]: {valid} scenario(s) ready, {disabled} disabled, {warnings} warning(s)."
            : $"[red]invalid[/]: {errors} error(s), {warnings} warning(s); {valid} scenario(s) ready, {invalid} invalid, {disabled} disabled.");
    }

    public static object ToJson(ScenarioSetReport report) => new
    {
        file = report.SourceFile,
        name = report.Name,
        valid = report.IsValid,
        scenarios = report.Scenarios.Select(s => new
        {
            index = s.Index,
            name = s.Name,
            enabled = s.Enabled,
            valid = s.IsValid,
            symbol = s.Config?.Symbol,
            start = s.Config is null ? null : UtcTime.Format(s.Config.StartMs),
            end = s.Config?.EndMs is { } end ? UtcTime.Format(end) : null,
            grid = s.Config?.GridValues.ToDictionary(v => v.Key, v => v.Value),
        }),
        problems = report.AllProblems().Select(p => new
        {
            severity = p.Severity,
            path = p.Path,
            message = p.Message,
            hint = p.Hint,
            scenarios = p.Scenarios,
        }),
    };
}
