using System.Globalization;
using Finiex.Cli.Bench;
using Spectre.Console;

namespace Finiex.Cli.Rendering;

/// <summary>The tables of <c>finiex bench</c>: figures per mode, the profile, and the ratios of two certificates.</summary>
internal static class BenchRenderer
{
    private static readonly (string Name, Func<BenchModeFigures, double> Value, string Format, bool HigherIsBetter)[] Rows =
    [
        ("wall (s, median)", f => f.WallMs / 1000, "0.00", false),
        ("scenario-ticks/s", f => f.TicksPerSecond, "N0", true),
        ("scenarios/s", f => f.ScenariosPerSecond, "0.0", true),
        ("tick loop (ns per scenario-tick)", f => f.LoopNsPerTick, "0.0", false),
        ("efficiency vs loops/N + pool start", f => f.Efficiency, "P0", true),
        ("preparation (ms)", f => f.PreparationMs, "0", false),
        ("runner start (ms, slowest)", f => f.RunnerStartsMs.Count == 0 ? 0 : f.RunnerStartsMs.Max(), "0", false),
        ("dispatch per scenario (ms, median)", f => f.DispatchMs, "0.00", false),
        ("overhead per scenario (ms)", f => f.OverheadPerScenarioMs, "0.00", false),
        ("tick handoff (% of loop, median)", f => f.HandoffShare * 100, "0.00", false),
        ("peak runner memory (MB)", f => OnNodes(f) ? double.NaN : f.PeakRunnerMemoryMB, "0", false),
        ("parent peak memory (MB)", f => f.ParentPeakMemoryMB, "0", false),
        ("CPU utilisation", f => OnNodes(f) ? double.NaN : f.CpuUtilisation, "P0", true),
        ("parent CPU (s)", f => f.ParentCpuMs / 1000, "0.00", false),
        ("runner CPU (s)", f => OnNodes(f) ? double.NaN : f.RunnerCpuMs / 1000, "0.00", false),
    ];

    /// <summary>Runners placed by Slurm run under srun, maybe on other hosts: their CPU and memory are not sampled here ("-").</summary>
    private static bool OnNodes(BenchModeFigures figures) => figures.Mode == "slurm";

    private static string Text(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, CultureInfo.InvariantCulture);

    public static void Render(IAnsiConsole console, BenchCertificate certificate)
    {
        console.MarkupLineInterpolated($"[bold]finiex bench[/] {certificate.Load}: {certificate.Scenarios} scenarios, {certificate.TicksPerRun:N0} ticks per run");
        console.MarkupLineInterpolated($"[grey]{certificate.Machine.Cpu}, {certificate.Machine.Cores} cores, {certificate.Machine.MemoryGiB} GiB, {certificate.Machine.DotNet}, commit {certificate.Commit}[/]");
        var table = new Table().Border(TableBorder.Rounded).AddColumn("figure");
        foreach (var mode in certificate.Modes)
        {
            table.AddColumn(new TableColumn($"{mode.Label()} ({mode.Runs} run{(mode.Runs == 1 ? "" : "s")})").RightAligned());
        }

        foreach (var (name, value, format, _) in Rows)
        {
            table.AddRow([name, .. certificate.Modes.Select(m => Text(value(m), format))]);
        }

        table.AddRow(["failed scenarios", .. certificate.Modes.Select(m => m.Failed.ToString(CultureInfo.InvariantCulture))]);
        console.Write(table);
        foreach (var (mode, speedup) in certificate.SpeedupOverSequential)
        {
            console.MarkupLineInterpolated($"Speedup of {mode} over sequential: [bold]{speedup:0.00}×[/]");
        }

        foreach (var fused in certificate.Modes.Where(m => m.FuseUpTo > 1))
        {
            if (certificate.Modes.FirstOrDefault(m => m.Mode == fused.Mode && m.Parallelism == fused.Parallelism && m.FuseUpTo == 1) is { } alone)
            {
                console.MarkupLineInterpolated($"Fused over unfused, {fused.Mode} ×{fused.Parallelism}: [bold]{fused.TicksPerSecond / alone.TicksPerSecond:0.00}×[/] the scenario-ticks/s");
            }
        }

        // The cost of a scenario-tick by operation, next to each other for every measured mode (a fused sweep's shared steps split among its scenarios).
        var profile = new Table().Border(TableBorder.Rounded).Title("Per-operation profile (ns per scenario-tick, all scenarios)").AddColumn("operation");
        foreach (var mode in certificate.Modes)
        {
            profile.AddColumn(new TableColumn(mode.Label()).RightAligned());
        }

        var operations = certificate.Modes.SelectMany(m => m.Profile).GroupBy(o => o.Name).OrderByDescending(g => g.Max(o => o.NsPerTick)).Select(g => g.Key);
        foreach (var operation in operations)
        {
            profile.AddRow([operation, .. certificate.Modes.Select(m => m.Profile.FirstOrDefault(o => o.Name == operation)?.NsPerTick.ToString("0.00", CultureInfo.InvariantCulture) ?? "-")]);
        }

        profile.AddRow(["total", .. certificate.Modes.Select(m => m.Profile.Sum(o => o.NsPerTick).ToString("0.00", CultureInfo.InvariantCulture))]);
        console.Write(profile);
        var last = certificate.Modes[^1];
        var steps = new Table().Border(TableBorder.Rounded).Title($"Startup per scenario ({last.Label()}, median ms)").AddColumn("step").AddColumn(new TableColumn("ms").RightAligned());
        foreach (var (step, ms) in last.StartupStepsMs)
        {
            steps.AddRow(step, ms.ToString("0.000", CultureInfo.InvariantCulture));
        }

        console.Write(steps);
    }

    public static void RenderComparison(IAnsiConsole console, BenchCertificate a, BenchCertificate b, string aName, string bName)
    {
        console.MarkupLineInterpolated($"A: {aName} ({a.Load}, {a.Scenarios} scenarios, commit {a.Commit}, {a.Date:yyyy-MM-dd HH:mm})");
        console.MarkupLineInterpolated($"B: {bName} ({b.Load}, {b.Scenarios} scenarios, commit {b.Commit}, {b.Date:yyyy-MM-dd HH:mm})");
        if (a.Load != b.Load || a.Scenarios != b.Scenarios || a.TicksPerRun != b.TicksPerRun)
        {
            console.MarkupLine("[yellow]warning:[/] the certificates ran different loads; ratios compare unlike work.");
        }

        if (a.Machine != b.Machine)
        {
            console.MarkupLine("[yellow]warning:[/] the certificates come from different machines.");
        }

        foreach (var modeB in b.Modes)
        {
            var modeA = a.Modes.FirstOrDefault(m => m.Label() == modeB.Label());
            if (modeA is null)
            {
                console.MarkupLineInterpolated($"{modeB.Label()}: not in A");
                continue;
            }

            var table = new Table().Border(TableBorder.Rounded).Title(modeB.Label())
                .AddColumn("figure").AddColumn(new TableColumn("A").RightAligned()).AddColumn(new TableColumn("B").RightAligned())
                .AddColumn(new TableColumn("B / A").RightAligned());
            foreach (var (name, value, format, higherIsBetter) in Rows)
            {
                var (va, vb) = (value(modeA), value(modeB));
                var ratio = va == 0 ? double.NaN : vb / va;
                var better = double.IsNaN(ratio) || Math.Abs(ratio - 1) < 0.03 ? "" : (ratio > 1) == higherIsBetter ? "green" : "red";
                var text = double.IsNaN(ratio) ? "-" : ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×";
                table.AddRow(new Text(name), new Text(Text(va, format)), new Text(Text(vb, format)),
                    better.Length == 0 ? new Text(text) : new Markup($"[{better}]{text}[/]"));
            }

            console.Write(table);
        }
    }
}
