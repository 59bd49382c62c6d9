using System.CommandLine;
using Finiex.Data.Store;
using Finiex.Orchestration.Execution;
using Finiex.Orchestration.Sweeps;

namespace Finiex.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Store() => new("--store")
    {
        Description = $"Tick store folder (default: ${TickStore.EnvironmentVariable} or {TickStore.DefaultRelativePath}).",
    };

    /// <summary>Slots running at once: 1 to <see cref="MaxParallel"/>.</summary>
    public static Option<int?> Parallel(string description)
    {
        var option = new Option<int?>("--parallel") { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n and (< 1 or > MaxParallel))
            {
                result.AddError($"--parallel must be between 1 and {MaxParallel} (got {n}); leave it out for one slot per core ({Environment.ProcessorCount} here).");
            }
        });
        return option;
    }

    public const int MaxParallel = 256;

    /// <summary><c>--plugin PATH</c>, repeatable: plug-in assemblies besides those the set names.</summary>
    public static Option<string[]> Plugins() => new("--plugin")
    {
        Description = "A plug-in assembly (.dll built against Finiex.Sdk) whose types the set may use, besides the set's own \"plugins\"; repeat for several.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>A scenario timeout in seconds: positive and at most a week.</summary>
    public static Option<double?> ScenarioTimeout()
    {
        var option = new Option<double?>("--scenario-timeout") { Description = "Stop a scenario that runs longer than this many seconds (status timed_out); the batch goes on." };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } seconds && !(seconds > 0 && seconds <= MaxTimeoutSeconds))
            {
                result.AddError($"--scenario-timeout must be a number of seconds above 0 and at most {MaxTimeoutSeconds:0} (a week), got {seconds}; leave it out for no limit.");
            }
        });
        return option;
    }

    private const double MaxTimeoutSeconds = 7 * 24 * 3600;

    /// <summary><c>--fuse N</c>: how many scenarios over the same ticks and window a slot runs as one fused sweep.</summary>
    public static Option<int> FuseUpTo()
    {
        var option = new Option<int>("--fuse")
        {
            Description = $"Run up to N scenarios over the same symbol, window and ticks together in one slot, sharing the tick pass, bars, workers and decisions (default {FusedUnits.DefaultMaximum}; 1 runs each alone). Results are identical either way.",
            DefaultValueFactory = _ => FusedUnits.DefaultMaximum,
        };
        option.Validators.Add(result =>
        {
            var n = result.GetValueOrDefault<int>();
            if (n is < 1 or > 4096)
            {
                result.AddError($"--fuse must be between 1 and 4096, got {n}.");
            }
        });
        return option;
    }

    /// <summary>What a sweep's variants are ranked by: <c>--score net_profit|profit_factor|sharpe|recovery_factor|expected_payoff|max_drawdown</c>.</summary>
    public static Option<SweepScore> Score()
    {
        var option = new Option<SweepScore>("--score")
        {
            Description = "Rank a sweep's variants by net_profit (default), profit_factor, sharpe, recovery_factor, expected_payoff or max_drawdown (lowest first).",
            DefaultValueFactory = _ => SweepScore.NetProfit,
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                if (Enum.TryParse<SweepScore>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var score) && !int.TryParse(text, out _))
                {
                    return score;
                }

                result.AddError($"--score '{text}' is not a score: use net_profit, profit_factor, sharpe, recovery_factor, expected_payoff or max_drawdown.");
                return default;
            },
        };
        return option;
    }

    /// <summary>Variants with fewer trades are left out of a sweep's ranking.</summary>
    public static Option<int> MinTrades()
    {
        var option = new Option<int>("--min-trades")
        {
            Description = $"Leave sweep variants with fewer trades out of the ranking (default {SweepRanking.DefaultMinTrades}).",
            DefaultValueFactory = _ => SweepRanking.DefaultMinTrades,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--min-trades must be 0 or more.");
            }
        });
        return option;
    }

    public static Option<bool> Json(string what) => new("--json") { Description = $"Print {what} as JSON on stdout." };
}
