using System.Globalization;
using Finiex.Core.Strategy;
using Finiex.Sdk.Catalog;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>The types a catalog knows, as tables or as JSON: parameters with defaults and ranges, outputs, inputs, warmup.</summary>
internal static class CatalogRenderer
{
    public static object ToJson(IStrategyCatalog catalog) => new
    {
        Workers = catalog.WorkerTypes.OrderBy(t => t.TypeName, StringComparer.Ordinal).Select(t => new
        {
            Type = t.TypeName,
            Origin = catalog.OriginOf(t.TypeName),
            t.Description,
            t.Output,
            Parameters = t.Parameters.Select(Parameter),
            WarmupBarsAtDefaults = t.DefaultWarmupBars(ParameterSet.Defaults(t.Parameters)),
        }),
        Decisions = catalog.DecisionTypes.OrderBy(t => t.Style).ThenBy(t => t.TypeName, StringComparer.Ordinal).Select(t => new
        {
            Type = t.TypeName,
            Origin = catalog.OriginOf(t.TypeName),
            t.Description,
            t.Style,
            t.Hedges,
            Inputs = t.Inputs.Select(i => new { i.Name, i.Expects, i.Description }),
            Parameters = t.Parameters.Select(Parameter),
            BarsAtDefaults = t.Bars(ParameterSet.Defaults(t.Parameters)).Select(b => new { Timeframe = b.Timeframe.Name, b.WarmupBars }),
        }),
    };

    public static void Render(IAnsiConsole console, IStrategyCatalog catalog)
    {
        var workers = new Table().Title("Worker types").AddColumns("type", "output", "parameters (default)", "warmup at defaults", "from", "description");
        foreach (var t in catalog.WorkerTypes.OrderBy(t => t.TypeName, StringComparer.Ordinal))
        {
            workers.AddRow(Markup.Escape(t.TypeName), t.Output.ToString().ToLowerInvariant(), Markup.Escape(Parameters(t.Parameters)),
                t.DefaultWarmupBars(ParameterSet.Defaults(t.Parameters)).ToString(CultureInfo.InvariantCulture), Markup.Escape(catalog.OriginOf(t.TypeName)),
                Markup.Escape(t.Description));
        }

        var decisions = new Table().Title("Decision logics and strategies").AddColumns("type", "trades through", "inputs", "parameters (default)", "bars", "from", "description");
        foreach (var t in catalog.DecisionTypes.OrderBy(t => t.Style).ThenBy(t => t.TypeName, StringComparer.Ordinal))
        {
            var style = t.Style == TradingStyle.Signals ? "signals (§5)" : t.Hedges ? "trading API (§10), hedges" : "trading API (§10)";
            var inputs = t.Inputs.Length == 0 ? "-" : string.Join(", ", t.Inputs.Select(i => $"{i.Name}: {i.Expects.ToString().ToLowerInvariant()}"));
            var bars = t.Bars(ParameterSet.Defaults(t.Parameters)) is { Length: > 0 } needs ? string.Join(", ", needs.Select(b => $"{b.Timeframe} × {b.WarmupBars}")) : "-";
            decisions.AddRow(Markup.Escape(t.TypeName), style, Markup.Escape(inputs), Markup.Escape(Parameters(t.Parameters)), Markup.Escape(bars),
                Markup.Escape(catalog.OriginOf(t.TypeName)), Markup.Escape(t.Description));
        }

        console.Write(workers);
        console.Write(decisions);
        console.WriteLine("Parameters are set under params; ranges and descriptions: finiex catalog --json.");
    }

    private static object Parameter(ParameterSpec p) => new
    {
        p.Name,
        p.Kind,
        Default = p.Kind == ParameterKind.Choice ? (object?)p.DefaultChoice : p.DefaultNumber,
        p.Min,
        p.Max,
        MinExclusive = p.MinExclusive ? true : (bool?)null,
        Choices = p.Kind == ParameterKind.Choice ? p.Choices.ToArray() : null,
        Range = p.RangeText,
        p.Description,
    };

    private static string Parameters(IEnumerable<ParameterSpec> specs) =>
        string.Join(", ", specs.Select(p => $"{p.Name} ({(p.Kind == ParameterKind.Choice ? p.DefaultChoice : p.DefaultNumber?.ToString("G", CultureInfo.InvariantCulture))})"));
}
