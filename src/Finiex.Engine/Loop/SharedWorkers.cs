using System.Globalization;
using Finiex.Contracts.Packages;
using Finiex.Sdk.Catalog;
using Finiex.Sdk.Time;
using Finiex.Sdk.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// The workers of one tick loop, each distinct worker once: two scenarios whose worker has the same registration (the
/// same type object: a plug-in's types are its scenario's own), name, timeframe, parameters and warmup closes get the
/// same instance, whose values every reader shares. A worker is fed its warmup closes when it is made (SEMANTICS §3).
/// </summary>
internal sealed class SharedWorkers
{
    private readonly SharingKey _keys = new();
    private readonly Dictionary<string, int> _byKey = new(StringComparer.Ordinal);
    private readonly List<Worker> _workers = [];

    public IReadOnlyList<Worker> Workers => _workers;

    /// <summary>The loop's index of the worker <paramref name="spec"/> describes, made by <paramref name="create"/> when it is new.</summary>
    public int Get(WorkerRegistration registration, WorkerSpec spec, BarColumns? warmup, Func<Worker> create)
    {
        var available = warmup?.Count ?? 0;
        var fed = Math.Min(spec.WarmupBars, available);
        var firstFed = fed == 0 ? 0 : warmup!.Starts[available - fed];
        var key = string.Create(CultureInfo.InvariantCulture,
            $"{_keys.Registration(registration)}|{spec.Name}|{spec.Timeframe}|{fed}|{firstFed}|{SharingKey.Parameters(spec.Numbers, spec.Choices)}");
        if (_byKey.TryGetValue(key, out var index))
        {
            return index;
        }

        var worker = create();
        for (var i = available - fed; i < available; i++)
        {
            worker.CommitClose(warmup!.Close[i]);
        }

        _workers.Add(worker);
        _byKey[key] = _workers.Count - 1;
        return _workers.Count - 1;
    }

    /// <summary>
    /// The workers' indices by the series whose closes they are committed: the first series of their timeframe (a
    /// timeframe can have several, of different warmup depths, whose new bars are the same).
    /// </summary>
    public int[][] BySeries(IReadOnlyList<Timeframe> seriesTimeframes)
    {
        var timeframes = seriesTimeframes.ToList();
        var bySeries = timeframes.Select(_ => new List<int>()).ToArray();
        for (var w = 0; w < _workers.Count; w++)
        {
            bySeries[timeframes.IndexOf(_workers[w].Timeframe)].Add(w);
        }

        return [.. bySeries.Select(workers => workers.ToArray())];
    }
}
