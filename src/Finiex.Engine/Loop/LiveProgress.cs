using Finiex.Contracts.Live;

namespace Finiex.Engine.Loop;

/// <summary>A throttled snapshot of a running scenario (step 6), with the optional exports when the package asks for them.</summary>
public readonly record struct LiveProgress(
    int ScenarioIndex,
    string ScenarioName,
    string Symbol,
    ScenarioStatus Status,
    long TicksProcessed,
    long TicksTotal,
    double Balance,
    double Equity,
    int Trades,
    LiveExport? Export = null)
{
    public double Percent => TicksTotal == 0 ? 100 : 100.0 * TicksProcessed / TicksTotal;
}
