using System.CommandLine;
using System.Text.Json;
using Finiex.Cli.Bench;
using Finiex.Cli.Rendering;
using Finiex.Core.Scenarios;
using Finiex.Data.Store;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Results;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary>
/// <c>finiex bench</c>: runs a fixed load (see <see cref="BenchLoad"/>) in the chosen modes with per-operation profiling,
/// prints the figures and saves them as a JSON certificate; <c>finiex bench --compare A.json B.json</c> prints the
/// ratios of two certificates.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliContext context)
    {
        var load = new Option<string>("--load") { Description = "grid (256 scenarios × ~1.1 M real ticks; needs ../shared/data) or tiny (1,000 half-hour scenarios on the store).", DefaultValueFactory = _ => "grid" };
        load.AcceptOnlyFromAmong([.. BenchLoad.All.Select(l => l.Name)]);
        var modes = new Option<string>("--modes") { Description = "Comma-separated execution modes to measure: sequential, threads, processes, slurm (runner processes as the --parallel tasks of a Slurm job).", DefaultValueFactory = _ => "sequential,processes" };
        var parallel = CommonOptions.Parallel("Slots for threads and processes (default: one per core).");
        var fusion = new Option<string>("--fusion")
        {
            Description = $"Measure each mode without fusion (off: every scenario alone) and/or with it (on: up to {FusedUnits.DefaultMaximum} scenarios over the same ticks in one pass); comma-separated.",
            DefaultValueFactory = _ => "off,on",
        };
        var scenarios = new Option<int?>("--scenarios") { Description = "Run only the first N scenarios of the load (for a quick look; certificates of different sizes do not compare)." };
        var repeat = new Option<int?>("--repeat") { Description = "Runs per mode, reported as medians (default: 1, or 5 when a run takes under a second)." };
        var data = new Option<string?>("--data") { Description = "The shared data folder with the LEAN files (default: $FINIEX_SHARED_DATA or shared/data beside a parent folder)." };
        var benchStore = new Option<string?>("--bench-store") { Description = "Where the grid's ticks are imported once (default: <temp>/finiex-bench-store-v2)." };
        var store = CommonOptions.Store();
        var output = new Option<string?>("--out") { Description = "Certificate file (default: bench/bench-<load>-<UTC time>.json)." };
        var compare = new Option<string[]>("--compare") { Description = "Compare two certificates: --compare A.json B.json (B relative to A).", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var command = new Command("bench", "Benchmark a fixed load with per-operation profiling and save a certificate, or compare two.")
        {
            load, modes, parallel, fusion, scenarios, repeat, data, benchStore, store, output, compare,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (parse.GetValue(compare) is { Length: 2 } pair)
            {
                return Compare(context, pair[0], pair[1]);
            }

            var chosen = BenchLoad.All.Single(l => l.Name == parse.GetValue(load));
            var modeList = new List<BenchTarget>();
            foreach (var name in parse.GetValue(modes)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (BenchTarget.Parse(name) is not { } target)
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] --modes: '{name}' is not sequential, threads, processes or slurm.");
                    return ExitCodes.InvalidInput;
                }

                modeList.Add(target);
            }

            var fuseList = new List<int>();
            foreach (var name in parse.GetValue(fusion)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (name is not ("off" or "on"))
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] --fusion: '{name}' is not off or on.");
                    return ExitCodes.InvalidInput;
                }

                fuseList.Add(name == "on" ? FusedUnits.DefaultMaximum : 1);
            }

            if (modeList.Any(target => target.Mode == ExecutionMode.Processes))
            {
                BatchOrchestrator.StartSerializerWarmup(); // as finiex run does: on another core while the load is prepared, not on the first request's path
            }

            void Say(string line) => context.ErrorConsole.MarkupLineInterpolated($"[grey]{line}[/]");
            TickStore tickStore;
            try
            {
                if (chosen.NeedsSharedData)
                {
                    var shared = BenchData.FindSharedData(parse.GetValue(data))
                                 ?? throw new FileNotFoundException("No shared data folder found: pass --data (the folder holding lean/forex/fxcm/...) or set FINIEX_SHARED_DATA.");
                    tickStore = BenchData.GridStore(shared, parse.GetValue(benchStore) ?? Path.Combine(Path.GetTempPath(), "finiex-bench-store-v2") /* bump when the grid import changes */, Say);
                }
                else
                {
                    tickStore = TickStore.Resolve(parse.GetValue(store));
                }
            }
            catch (Exception ex) when (ex is FileNotFoundException or IOException or Data.Import.ImportException)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return ExitCodes.InvalidInput;
            }

            var folder = Path.Combine(Path.GetTempPath(), $"finiex-bench-{Environment.ProcessId}");
            try
            {
                if (parse.GetValue(scenarios) is < 1)
                {
                    context.ErrorConsole.MarkupLine("[red]error:[/] --scenarios must be at least 1.");
                    return ExitCodes.InvalidInput;
                }

                var count = Math.Min(parse.GetValue(scenarios) ?? chosen.DefaultScenarios, chosen.DefaultScenarios);
                if (parse.GetValue(scenarios) > chosen.DefaultScenarios)
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[yellow]note:[/] the {chosen.Name} load has {chosen.DefaultScenarios:N0} scenarios; running all of them.");
                }

                var setPath = chosen.WriteSet(folder, count);
                var set = ScenarioSetValidation.Validate(setPath, tickStore.Root);
                if (!set.IsValid)
                {
                    context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] the {chosen.Name} load does not validate against {tickStore.Root}:");
                    ValidationReportRenderer.Render(context.ErrorConsole, set, problemsOnly: true);
                    return ExitCodes.InvalidInput;
                }

                Say($"Load '{chosen.Name}': {count} scenario(s). {chosen.Description}");
                var measurement = new BenchMeasurement(tickStore.Root, setPath);
                var figures = new List<BenchModeFigures>();
                foreach (var mode in modeList)
                {
                    foreach (var fuseUpTo in fuseList)
                    {
                        figures.Add(await measurement.MeasureAsync(mode, parse.GetValue(parallel) ?? Environment.ProcessorCount, fuseUpTo, parse.GetValue(repeat), Say, cancellationToken));
                    }
                }

                var sequential = figures.FirstOrDefault(f => f is { Mode: "sequential", FuseUpTo: 1 });
                var certificate = new BenchCertificate
                {
                    Date = DateTimeOffset.UtcNow,
                    Machine = BenchEnvironment.Machine(),
                    Commit = await BenchEnvironment.CommitAsync(),
                    Load = chosen.Name,
                    LoadDescription = chosen.Description,
                    Scenarios = count,
                    TicksPerRun = figures.Max(f => f.Ticks),
                    Modes = figures,
                    SpeedupOverSequential = sequential is null ? new Dictionary<string, double>()
                        : figures.Where(f => f != sequential).ToDictionary(f => f.Label(), f => sequential.WallMs / f.WallMs),
                };
                var path = parse.GetValue(output) ?? Path.Combine("bench", $"bench-{chosen.Name}-{certificate.Date:yyyyMMdd-HHmmss}.json");
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, JsonSerializer.Serialize(certificate, ResultsJson.Options));
                BenchRenderer.Render(context.Console, certificate);
                context.Console.MarkupLineInterpolated($"Certificate: {path}");
                return figures.Any(f => f.Failed > 0) ? ExitCodes.Failed : ExitCodes.Success;
            }
            finally
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        });
        return command;
    }

    private static int Compare(CliContext context, string first, string second)
    {
        try
        {
            var a = JsonSerializer.Deserialize<BenchCertificate>(File.ReadAllText(first), ResultsJson.Options) ?? throw new JsonException("empty file");
            var b = JsonSerializer.Deserialize<BenchCertificate>(File.ReadAllText(second), ResultsJson.Options) ?? throw new JsonException("empty file");
            BenchRenderer.RenderComparison(context.Console, a, b, first, second);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] cannot read the certificates: {ex.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
