using Finiex.Contracts.Results;
using Finiex.Engine.Bars;
using Finiex.Engine.Workers;

namespace Finiex.Engine.Loop;

/// <summary>
/// For --trace: when a bar closes, records every worker's values at its close, i.e. as computed at the bar's last
/// tick, whose forming close was the bar's close. Allocates only per closed bar, and only when tracing.
/// </summary>
internal sealed class BarTraceRecorder
{
    private readonly Worker[] _workers;
    private readonly List<double>[] _values;
    private readonly int[] _firstBar;
    private readonly string[] _columns;
    private readonly double[] _scratch;

    public BarTraceRecorder(Worker[] workers, BarSeries[] series)
    {
        _workers = workers;
        _columns = [.. workers.SelectMany(w => w.OutputNames)];
        _scratch = new double[_columns.Length];
        _values = [.. series.Select(_ => new List<double>())];
        _firstBar = [.. series.Select(s => s.Count)];
    }

    public void OnBarClosed(int seriesIndex)
    {
        var offset = 0;
        foreach (var worker in _workers)
        {
            worker.WriteOutputs(_scratch.AsSpan(offset, worker.OutputNames.Count));
            offset += worker.OutputNames.Count;
        }

        _values[seriesIndex].AddRange(_scratch);
    }

    public IReadOnlyList<BarTrace> Build(BarSeries[] series) =>
        [.. series.Select((s, i) => new BarTrace
        {
            Timeframe = s.Timeframe.Name,
            Columns = _columns,
            Bars = s.ToColumns(_firstBar[i]),
            Values = [.. _values[i]],
        })];
}
