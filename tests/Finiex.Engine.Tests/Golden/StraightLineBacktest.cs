using Finiex.Engine.Tests.Workers;

namespace Finiex.Engine.Tests.Golden;

/// <summary>
/// A second, deliberately naive implementation of SEMANTICS §2–9 for one rsi worker, one band worker and either
/// decision logic: bars kept as plain lists, every worker value recomputed from the whole close sequence at every
/// tick, the account as a handful of locals. It shares no code with the engine; the engine must agree with it
/// trade for trade and bit for bit.
/// </summary>
internal sealed class StraightLineBacktest
{
    public required long[] Times { get; init; }
    public required double[] Bids { get; init; }
    public required double[] Asks { get; init; }
    public required long RsiTimeframeMs { get; init; }
    public required int RsiPeriod { get; init; }
    public required bool RsiWilder { get; init; }
    public required List<double> RsiWarmupCloses { get; init; }
    public required long BandTimeframeMs { get; init; }
    public required string BandType { get; init; }
    public required int BandPeriod { get; init; }
    public required double BandParameter { get; init; }
    public required List<double> BandWarmupCloses { get; init; }
    public required string Decision { get; init; }
    public required double[] Thresholds { get; init; } // buy/low rsi, sell/high rsi, band low, band high, min confidence
    public double Lots { get; init; } = 0.1;
    public double Balance0 { get; init; } = 10_000;
    public double ContractSize { get; init; } = 100_000;
    public double Point { get; init; } = 0.00001;
    public int Leverage { get; init; } = 500;
    public double Commission { get; init; }
    public int LatencyMin { get; init; } = 1;
    public int LatencyMax { get; init; } = 1;
    public ulong Seed { get; init; } = 42;
    public bool Swap { get; init; }
    public double SwapLong { get; init; }
    public double SwapShort { get; init; }
    public double? StopLoss { get; init; }
    public double? TakeProfit { get; init; }

    public List<(string Side, long OpenTime, double OpenPrice, long CloseTime, double ClosePrice, string Reason, double Commission, double Swap, double Pnl)> Trades { get; } = [];

    public (long Sent, long Filled, long Rejected, long Cancelled) Orders { get; private set; }

    public double FinalBalance { get; private set; }

    public double MaxDrawdown { get; private set; }

    /// <summary>Per UTC day with ticks (its 00:00 in ms): the equity marked at its last tick.</summary>
    public SortedDictionary<long, double> DayEquity { get; } = [];

    public (double Min, double Max) EquityRange { get; private set; } = (double.MaxValue, double.MinValue);

    public void Run()
    {
        var rsiCloses = new List<double>(RsiWarmupCloses);
        var bandCloses = new List<double>(BandWarmupCloses);
        long rsiBucket = long.MinValue, bandBucket = long.MinValue;
        double rsiForming = 0, bandForming = 0;
        var rng = Seed;
        double balance = Balance0, peak = Balance0;
        long sent = 0, filled = 0, rejected = 0, cancelled = 0;
        // Position: side +1 long, −1 short, 0 none.
        var side = 0;
        double openPrice = 0, openCommission = 0, positionSwap = 0, sl = double.NaN, tp = double.NaN;
        long openTime = 0;
        var openIndex = -1;
        long lastSwapDay = 0;
        // Pending order: 0 none, 1 open long, −1 open short, 2 close.
        var pending = 0;
        var pendingAt = -1;

        void Close(long time, double price, string reason, double mid)
        {
            ChargeSwap(time, mid);
            var quote = side == 1 ? (price - openPrice) * ContractSize * Lots : (openPrice - price) * ContractSize * Lots;
            var closeCommission = Lots * Commission;
            balance += quote - closeCommission;
            Trades.Add((side == 1 ? "long" : "short", openTime, openPrice, time, price, reason, openCommission + closeCommission, positionSwap,
                quote - openCommission - closeCommission + positionSwap));
            side = 0;
        }

        void ChargeSwap(long time, double mid)
        {
            if (!Swap || side == 0)
            {
                return;
            }

            var day = (long)Math.Floor(time / 86_400_000.0);
            for (var d = lastSwapDay + 1; d <= day; d++)
            {
                var endingWeekday = (int)DateTimeOffset.FromUnixTimeMilliseconds((d * 86_400_000) - 1).DayOfWeek;
                var charge = (side == 1 ? SwapLong : SwapShort) * Point * ContractSize * Lots * (endingWeekday == 3 ? 3 : 1);
                balance += charge;
                positionSwap += charge;
            }

            lastSwapDay = Math.Max(lastSwapDay, day);
        }

        int Latency() => ReferenceLatency.Draw(ref rng, LatencyMin, LatencyMax);

        for (var i = 0; i < Times.Length; i++)
        {
            var (time, bid, ask) = (Times[i], Bids[i], Asks[i]);
            var mid = (bid + ask) / 2;

            // 1. Trade simulator.
            if (pending != 0 && pendingAt == i)
            {
                if (pending == 2)
                {
                    if (side == 0)
                    {
                        cancelled++;
                    }
                    else
                    {
                        filled++;
                        Close(time, side == 1 ? bid : ask, "signal", mid);
                    }
                }
                else
                {
                    filled++;
                    side = pending;
                    openPrice = side == 1 ? ask : bid;
                    openTime = time;
                    openIndex = i;
                    openCommission = Lots * Commission;
                    balance -= openCommission;
                    positionSwap = 0;
                    lastSwapDay = (long)Math.Floor(time / 86_400_000.0);
                    sl = StopLoss is { } s ? openPrice - (side * s * Point) : double.NaN;
                    tp = TakeProfit is { } t ? openPrice + (side * t * Point) : double.NaN;
                }

                pending = 0;
            }

            if (side != 0 && openIndex < i)
            {
                if (side == 1 && bid <= sl) Close(time, bid, "stop_loss", mid);
                else if (side == 1 && bid >= tp) Close(time, bid, "take_profit", mid);
                else if (side == -1 && ask >= sl) Close(time, ask, "stop_loss", mid);
                else if (side == -1 && ask <= tp) Close(time, ask, "take_profit", mid);
            }

            ChargeSwap(time, mid);
            var equity = side == 0 ? balance : balance + (side == 1 ? (bid - openPrice) * ContractSize * Lots : (openPrice - ask) * ContractSize * Lots);
            peak = Math.Max(peak, equity);
            MaxDrawdown = Math.Max(MaxDrawdown, peak - equity);
            DayEquity[time - (((time % 86_400_000) + 86_400_000) % 86_400_000)] = equity;
            EquityRange = (Math.Min(EquityRange.Min, equity), Math.Max(EquityRange.Max, equity));

            // 2–3. Bars: a tick of a later bucket closes the forming bar.
            var rb = (long)Math.Floor(time / (double)RsiTimeframeMs);
            if (rb != rsiBucket)
            {
                if (rsiBucket != long.MinValue) rsiCloses.Add(rsiForming);
                rsiBucket = rb;
            }

            rsiForming = mid;
            var bb = (long)Math.Floor(time / (double)BandTimeframeMs);
            if (bb != bandBucket)
            {
                if (bandBucket != long.MinValue) bandCloses.Add(bandForming);
                bandBucket = bb;
            }

            bandForming = mid;

            // 4. Workers and decision, from scratch.
            var rsiSequence = new List<double>(rsiCloses) { rsiForming };
            var bandSequence = new List<double>(bandCloses) { bandForming };
            var rsi = RsiWilder ? Reference.WilderRsi(rsiSequence, RsiPeriod) : Reference.SimpleRsi(rsiSequence, RsiPeriod);
            var (lower, _, upper) = BandType == "bollinger"
                ? Reference.Bollinger(bandSequence, BandPeriod, BandParameter)
                : Reference.Envelope(bandSequence, BandPeriod, BandParameter);
            var signal = 0;
            if (!double.IsNaN(rsi) && !double.IsNaN(lower))
            {
                var pos = upper == lower ? 0.5 : Math.Clamp((mid - lower) / (upper - lower), 0, 1);
                signal = Decision == "aggressive_trend" ? Aggressive(rsi, pos) : Consensus(rsi, pos);
            }

            // 5. Act.
            if (signal != 0 && pending == 0)
            {
                if (side == 0)
                {
                    sent++;
                    var required = Lots * ContractSize * mid / Leverage;
                    if (required > balance)
                    {
                        rejected++;
                    }
                    else
                    {
                        pending = signal;
                        pendingAt = i + Latency();
                    }
                }
                else if (signal != side)
                {
                    sent++;
                    pending = 2;
                    pendingAt = i + Latency();
                }
            }
        }

        if (pending != 0)
        {
            cancelled++;
        }

        if (side != 0)
        {
            var last = Times.Length - 1;
            Close(Times[last], side == 1 ? Bids[last] : Asks[last], "end_of_data", (Bids[last] + Asks[last]) / 2);
        }

        Orders = (sent, filled, rejected, cancelled);
        FinalBalance = balance;
    }

    private int Aggressive(double rsi, double pos)
    {
        var (buy, sell, low, high, min) = (Thresholds[0], Thresholds[1], Thresholds[2], Thresholds[3], Thresholds[4]);
        if (rsi < buy || pos < low)
        {
            var c = 0.4 + (rsi < buy ? 0.3 * (buy - rsi) / buy : 0);
            c += pos < low ? 0.3 * (low - pos) / low : 0;
            return Math.Min(c, 1) < min ? 0 : 1;
        }

        if (rsi > sell || pos > high)
        {
            var c = 0.4 + (rsi > sell ? 0.3 * (rsi - sell) / (100 - sell) : 0);
            c += pos > high ? 0.3 * (pos - high) / (1 - high) : 0;
            return Math.Min(c, 1) < min ? 0 : -1;
        }

        return 0;
    }

    private int Consensus(double rsi, double pos)
    {
        var (lowRsi, highRsi, low, high, min) = (Thresholds[0], Thresholds[1], Thresholds[2], Thresholds[3], Thresholds[4]);
        if (rsi <= lowRsi && pos <= low)
        {
            return Math.Clamp(0.5 + (0.5 * (((lowRsi - rsi) / lowRsi) + ((low - pos) / low)) / 2), 0.5, 1) < min ? 0 : 1;
        }

        if (rsi >= highRsi && pos >= high)
        {
            return Math.Clamp(0.5 + (0.5 * (((rsi - highRsi) / (100 - highRsi)) + ((pos - high) / (1 - high))) / 2), 0.5, 1) < min ? 0 : -1;
        }

        return 0;
    }
}
