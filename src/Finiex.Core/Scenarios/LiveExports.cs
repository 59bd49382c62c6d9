namespace Finiex.Core.Scenarios;

/// <summary>
/// The optional, costlier parts of a live update, each switched on in the set's <c>execution</c> block. They are
/// computed only when an update is due (every <c>update_interval</c>), never per tick.
/// </summary>
[Flags]
public enum LiveExports
{
    None = 0,
    /// <summary><c>export_portfolio_stats</c>: the statistics so far and the open position.</summary>
    PortfolioStats = 1,
    /// <summary><c>export_performance_stats</c>: ticks per second, the per-operation profile so far and each worker's values.</summary>
    PerformanceStats = 2,
    /// <summary><c>export_current_bars</c>: the forming bar of each timeframe.</summary>
    CurrentBars = 4,
}
