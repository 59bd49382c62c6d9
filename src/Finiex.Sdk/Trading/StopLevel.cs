using System.Runtime.CompilerServices;

namespace Finiex.Sdk.Trading;

/// <summary>
/// An SL or TP as a strategy gives it (SEMANTICS §10): none, a price, or a distance in points measured from the fill price.
/// </summary>
public readonly record struct StopLevel
{
    private StopLevel(StopLevelKind kind, double value) => (Kind, Value) = (kind, value);

    public StopLevelKind Kind { get; }

    public double Value { get; }

    public bool IsSet => Kind != StopLevelKind.None;

    public static StopLevel None => default;

    public static StopLevel AtPrice(double price) => new(StopLevelKind.Price, price);

    public static StopLevel Points(double points) => new(StopLevelKind.Points, points);

    /// <summary>The stop loss price of a <paramref name="side"/> trade filled at <paramref name="fillPrice"/>; NaN when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double StopLossPrice(TradeSide side, double fillPrice, double point) => Kind switch
    {
        StopLevelKind.Price => Value,
        StopLevelKind.Points => side == TradeSide.Long ? fillPrice - (Value * point) : fillPrice + (Value * point),
        _ => double.NaN,
    };

    /// <summary>The take profit price of a <paramref name="side"/> trade filled at <paramref name="fillPrice"/>; NaN when none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double TakeProfitPrice(TradeSide side, double fillPrice, double point) => Kind switch
    {
        StopLevelKind.Price => Value,
        StopLevelKind.Points => side == TradeSide.Long ? fillPrice + (Value * point) : fillPrice - (Value * point),
        _ => double.NaN,
    };

    public override string ToString() => Kind switch
    {
        StopLevelKind.Price => $"@{Value}",
        StopLevelKind.Points => $"{Value} points",
        _ => "none",
    };
}

public enum StopLevelKind
{
    None,
    Price,
    Points,
}
