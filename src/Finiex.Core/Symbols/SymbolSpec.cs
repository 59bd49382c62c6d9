namespace Finiex.Core.Symbols;

/// <summary>A broker's trading specification of one symbol (from a MetaTrader 5 export).</summary>
public sealed record SymbolSpec
{
    public required string Name { get; init; }
    public string Description { get; init; } = "";
    public required string BaseCurrency { get; init; }
    /// <summary>The currency prices are quoted in (MT5 "profit currency").</summary>
    public required string QuoteCurrency { get; init; }
    public required string MarginCurrency { get; init; }
    public required double ContractSize { get; init; }
    public required int Digits { get; init; }
    public required double Point { get; init; }
    public required double TickSize { get; init; }
    public required double VolumeMin { get; init; }
    public required double VolumeMax { get; init; }
    public required double VolumeStep { get; init; }
    public string SwapMode { get; init; } = "points";
    public double SwapLong { get; init; }
    public double SwapShort { get; init; }
    /// <summary>Weekday (0 = Sunday .. 6 = Saturday) whose rollover is charged three times.</summary>
    public int SwapRollover3Days { get; init; } = 3;
    public bool TradeAllowed { get; init; } = true;
    /// <summary>The nearest a pending price, SL or TP may be placed to its reference, in points (SEMANTICS §10).</summary>
    public int StopsLevel { get; init; }

    /// <summary>True when <paramref name="lots"/> lies in [min, max] and is a whole multiple of the step.</summary>
    public bool IsOnVolumeGrid(double lots) => VolumeGrid.Contains(lots, VolumeMin, VolumeMax, VolumeStep);
}
