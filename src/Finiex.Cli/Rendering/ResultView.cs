using Finiex.Orchestration.Sweeps;

namespace Finiex.Cli.Rendering;

/// <summary>How a finished batch is shown: the sweep score and its trade filter, and whether the profiling tables are printed.</summary>
internal sealed record ResultView(SweepScore Score, int MinTrades, bool ShowProfile);
