using System.Diagnostics;
using Finiex.Contracts.Packages;
using Finiex.Contracts.Results;
using Finiex.Engine.Catalog;
using Finiex.Engine.Logging;
using Finiex.Engine.Plugins;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>What <see cref="ScenarioRunner"/> builds for one scenario before its loop runs: kept until its result is made.</summary>
internal sealed class LaneSetup(ProcessDataPackage package, ScenarioChannels channels, ScenarioLog log) : IDisposable
{
    public ProcessDataPackage Package => package;

    public ScenarioChannels Channels => channels;

    public ScenarioLog Log => log;

    public List<TimedStep> Steps { get; } = [];

    public PluginScope? Plugins { get; set; }

    public StrategyCatalog Types => Plugins!.Catalog;

    public StrategyRegistration? Strategy { get; set; }

    public ParameterSet DecisionParameters { get; set; } = null!;

    public IReadOnlyList<BarNeed> BarNeeds { get; set; } = [];

    /// <summary>The loop's indices of this scenario's workers, in the package's order.</summary>
    public int[] Workers { get; set; } = [];

    /// <summary>The loop's indices of the series this scenario reads, shortest timeframe first.</summary>
    public int[] Series { get; set; } = [];

    public ScenarioLane? Lane { get; set; }

    /// <summary>The series it reads, in its own order (its context's, its trace's).</summary>
    public BarSeries[] Bars { get; set; } = [];

    public LiveExportBuilder? Exports { get; set; }

    public BarTraceRecorder? Trace { get; set; }

    /// <summary>Set while the scenario is prepared: the failure that ends it before its loop.</summary>
    public Exception? SetupError { get; set; }

    /// <summary>Its share of its loop's time (the loop's time split evenly among the scenarios it ran).</summary>
    public double LoopMs { get; set; }

    /// <summary>Startup time: its own steps plus its share of the shared ones.</summary>
    public double StartupMs => Steps.Sum(s => s.Milliseconds);

    public T Step<T>(string name, Func<T> action)
    {
        var clock = Stopwatch.StartNew();
        var value = action();
        Steps.Add(new TimedStep(name, clock.Elapsed.TotalMilliseconds));
        return value;
    }

    /// <summary>Records this scenario's share of a step done once for all the scenarios of its loop.</summary>
    public void SharedStep(string name, double milliseconds, int sharers) => Steps.Add(new TimedStep(name, milliseconds / Math.Max(1, sharers)));

    public Worker[] WorkersOf(IReadOnlyList<Worker> loopWorkers) => [.. Workers.Select(w => loopWorkers[w])];

    /// <summary>Unloads its plug-ins; called when its result is made and again, harmlessly, when the run ends.</summary>
    public void Dispose()
    {
        Plugins?.Dispose();
        Plugins = null;
    }
}
