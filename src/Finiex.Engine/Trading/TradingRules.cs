using Finiex.Contracts.Packages;

namespace Finiex.Engine.Trading;

/// <summary>The constants the simulator trades by, resolved once from the package.</summary>
public sealed record TradingRules
{
    public required double InitialBalance { get; init; }
    public required double ContractSize { get; init; }
    public required double Point { get; init; }
    public required int Leverage { get; init; }
    public required double CommissionPerLot { get; init; }
    public required int LatencyMin { get; init; }
    public required int LatencyMax { get; init; }
    public required ulong LatencySeed { get; init; }
    public required bool ApplySwap { get; init; }
    public required double SwapLong { get; init; }
    public required double SwapShort { get; init; }
    public required int SwapRollover3Days { get; init; }
    public double? StopLossPoints { get; init; }
    public double? TakeProfitPoints { get; init; }
    /// <summary>True when the account is in the symbol's base currency (USDJPY in a USD account): quote amounts are divided by the price.</summary>
    public required bool AccountIsBase { get; init; }
    public StopOutMode StopOutMode { get; init; }
    public double StopOutLevel { get; init; }
    /// <summary>The volume grid, point and stops level trading-API requests are checked against (SEMANTICS §10).</summary>
    public RequestLimits Limits { get; init; }

    public static TradingRules From(AccountSpec account, SymbolContract symbol)
    {
        var isQuote = account.Currency == symbol.QuoteCurrency;
        var isBase = account.Currency == symbol.BaseCurrency;
        if (!isQuote && !isBase)
        {
            throw new NotSupportedException(
                $"Account currency {account.Currency} is neither the base ({symbol.BaseCurrency}) nor the quote ({symbol.QuoteCurrency}) currency of {symbol.Name}; conversion through a third symbol is not supported yet.");
        }

        return new TradingRules
        {
            InitialBalance = account.InitialBalance,
            ContractSize = symbol.ContractSize,
            Point = symbol.Point,
            Leverage = account.Leverage,
            CommissionPerLot = account.CommissionPerLot,
            LatencyMin = account.LatencyMinTicks,
            LatencyMax = account.LatencyMaxTicks,
            LatencySeed = account.LatencySeed,
            ApplySwap = account.ApplySwap,
            SwapLong = symbol.SwapLong,
            SwapShort = symbol.SwapShort,
            SwapRollover3Days = symbol.SwapRollover3Days,
            StopLossPoints = account.StopLossPoints,
            TakeProfitPoints = account.TakeProfitPoints,
            AccountIsBase = isBase && !isQuote,
            StopOutMode = account.StopOutMode,
            StopOutLevel = account.StopOutLevel,
            Limits = new RequestLimits(symbol.VolumeMin, symbol.VolumeMax, symbol.VolumeStep, symbol.Point, symbol.StopsLevel),
        };
    }
}
