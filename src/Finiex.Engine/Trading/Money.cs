using System.Runtime.CompilerServices;
using Finiex.Sdk.Time;

namespace Finiex.Engine.Trading;

/// <summary>
/// The money formulas of SEMANTICS §6–7, one each, for both simulators (the decision logics' one-position account and the
/// trading API's book) and their tick and block paths.
/// </summary>
internal static class Money
{
    /// <summary>Milliseconds in a day: from one 00:00 UTC to the next.</summary>
    public const long Day = 86_400_000;

    /// <summary>Price P&amp;L in the quote currency: long <c>(close − open)·contract·lots</c>, short <c>(open − close)·contract·lots</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PriceProfit(bool isLong, double openPrice, double closePrice, double contractSize, double lots) =>
        (isLong ? closePrice - openPrice : openPrice - closePrice) * contractSize * lots;

    /// <summary>A quote-currency amount in the account currency: ×1, or ÷ <paramref name="price"/> when the account is in the base currency.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToAccount(double quoteAmount, double price, bool accountIsBase) => accountIsBase ? quoteAmount / price : quoteAmount;

    /// <summary>Margin required: <c>lots · contract_size · rate(base → account) / leverage</c>, the rate being the tick's mid unless the account is the base currency.</summary>
    public static double Margin(double lots, double contractSize, double mid, int leverage, bool accountIsBase) =>
        lots * contractSize * (accountIsBase ? 1 : mid) / leverage;

    /// <summary>The first 00:00 UTC after <paramref name="time"/>: the first midnight a position opened then is charged for.</summary>
    public static long NextMidnight(long time) => Timeframe.D1.BucketStart(time) + Day;

    /// <summary>
    /// The swap of one midnight in quote currency: <c>swap · point · contract_size · lots</c>, three times for the crossing
    /// that ends the rollover weekday (§7).
    /// </summary>
    public static double SwapAt(long midnight, double swapPoints, double point, double contractSize, double lots, int rollover3Days)
    {
        var endingWeekday = (int)UtcTime.ToDateTimeOffset(midnight - 1).DayOfWeek;
        var times = endingWeekday == rollover3Days ? 3 : 1;
        return swapPoints * point * contractSize * lots * times;
    }
}
