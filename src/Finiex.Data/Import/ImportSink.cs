using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Finiex.Core.Ticks;
using Finiex.Data.Store;
using Finiex.Data.Ticks;

namespace Finiex.Data.Import;

/// <summary>
/// Collects the rows of one source file: valid ticks into columns, invalid rows counted by reason
/// with the first few kept as "file:line: reason" samples.
/// </summary>
public sealed class ImportSink
{
    public const int SamplesKept = 5;

    private readonly Dictionary<string, long> _invalid = new(StringComparer.Ordinal);
    private readonly List<string> _samples = [];
    private readonly List<string> _outlierSamples = [];
    private readonly string _locationUnit;
    private readonly PriceOutlierDetector _outliers = new();
    private readonly bool _dropOutliers;

    public ImportSink(string file, bool hasVolumes, string locationUnit = "line", bool dropOutliers = false)
    {
        File = file;
        _locationUnit = locationUnit;
        _dropOutliers = dropOutliers;
        Ticks = new TickColumns(hasVolumes, 4096);
    }

    public string File { get; }

    public TickColumns Ticks { get; }

    public long RowsRead { get; private set; }

    public long Crossed { get; private set; }

    public long Skipped { get; private set; }

    public long InvalidCount { get; private set; }

    /// <summary>Valid quotes far from their neighbours (<see cref="PriceOutlierDetector"/>): kept unless asked to drop them.</summary>
    public long Outliers { get; private set; }

    /// <summary>Adds a row whose fields parsed; checks the prices (SEMANTICS §1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddTick(long location, long time, double bid, double ask, double bidVolume = 0, double askVolume = 0)
    {
        if (!Tick.IsValidPrice(bid))
        {
            AddInvalid(location, "bid not a finite positive price");
            return;
        }

        if (!Tick.IsValidPrice(ask))
        {
            AddInvalid(location, "ask not a finite positive price");
            return;
        }

        RowsRead++;
        if (_outliers.IsOutlier((bid + ask) / 2))
        {
            Outliers++;
            if (_outlierSamples.Count < SamplesKept)
            {
                _outlierSamples.Add($"{Location(location)}: bid {bid:R}, ask {ask:R} is beyond {PriceOutlierDetector.Factor:0}x of the recent median");
            }

            if (_dropOutliers)
            {
                return;
            }
        }

        if (ask < bid)
        {
            Crossed++;
        }

        Ticks.Add(time, bid, ask, bidVolume, askVolume);
    }

    public void AddInvalid(long location, string reason)
    {
        RowsRead++;
        InvalidCount++;
        _invalid[reason] = _invalid.GetValueOrDefault(reason) + 1;
        if (_samples.Count < SamplesKept)
        {
            _samples.Add($"{Location(location)}: {reason}");
        }
    }

    private string Location(long location) => location > 0 ? $"{File}:{(_locationUnit == "line" ? "" : _locationUnit + " ")}{location}" : File;

    /// <summary>A row that carries no quote (not an error), such as an MT5 last-price-only row.</summary>
    public void Skip()
    {
        RowsRead++;
        Skipped++;
    }

    internal ImportQuality Quality() => new()
    {
        RowsRead = RowsRead,
        Invalid = _invalid.ToImmutableSortedDictionary(StringComparer.Ordinal),
        InvalidSamples = [.. _samples],
        Crossed = Crossed,
        Skipped = Skipped,
        Outliers = Outliers,
        OutliersDropped = _dropOutliers ? Outliers : 0,
        OutlierSamples = [.. _outlierSamples],
    };
}
