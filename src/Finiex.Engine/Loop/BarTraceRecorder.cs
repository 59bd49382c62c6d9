using Finiex.Contracts.Results;
using Finiex.Engine.Bars;
using Finiex.Sdk.Bars;
using Finiex.Sdk.Workers;

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
    // Every worker's values at the last tick of the previous block, for a bar that closes at a block's first tick.
    private readonly double[] _previousBlockEnd;

    public BarTraceRecorder(Worker[] workers, BarSeries[] series)
    {
        _workers = workers;
        _columns = [.. workers.SelectMany(w => w.OutputNames)];
        _scratch = new double[_columns.Length];
        _previousBlockEnd = new double[_columns.Length];
        _values = [.. series.Select(_ => new List<double>())];
        _firstBar = [.. series.Select(s => s.Count)];
    }

    /// <summary>For a bar that closes at the current tick: records every worker's current values (those at the tick before).</summary>
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

    /// <summary>
    /// For a block whose workers ran over the whole block: records, for each bar closed in it, every worker's values at
    /// the tick before the closing tick, from the workers' block columns.
    /// </summary>
    public void OnBlockCloses(int[][] closedAt, int[] closeCounts)
    {
        for (var s = 0; s < closeCounts.Length; s++)
        {
            for (var k = 0; k < closeCounts[s]; k++)
            {
                var lastTick = closedAt[s][k] - 1;
                if (lastTick < 0)
                {
                    _values[s].AddRange(_previousBlockEnd);
                    continue;
                }

                foreach (var worker in _workers)
                {
                    foreach (var column in worker.Block!.Columns)
                    {
                        _values[s].Add(column[lastTick]);
                    }
                }
            }
        }
    }

    /// <summary>Keeps every worker's current values: those at the block's last tick.</summary>
    public void OnBlockEnd()
    {
        var offset = 0;
        foreach (var worker in _workers)
        {
            worker.WriteOutputs(_previousBlockEnd.AsSpan(offset, worker.OutputNames.Count));
            offset += worker.OutputNames.Count;
        }
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
