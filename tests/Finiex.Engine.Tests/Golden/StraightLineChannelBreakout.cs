namespace Finiex.Engine.Tests.Golden;

/// <summary>
/// A second, deliberately plain implementation of SEMANTICS §6–10 for the built-in <c>channel_breakout</c>: the account as
/// lists of small mutable records scanned from the start at every tick, bars as one list of (high, low), requests as a list
/// searched for what is due. It shares no code with the engine (its own SplitMix64, bucket arithmetic, margin, swap and
/// trailing formulas); the engine must agree with it trade for trade and bit for bit. Account in the quote currency only.
/// </summary>
internal sealed class StraightLineChannelBreakout
{
    private const long Day = 86_400_000;

    public required long[] Times { get; init; }
    public required double[] Bids { get; init; }
    public required double[] Asks { get; init; }
    /// <summary>The last bars before the start, oldest first: (high, low) of mids.</summary>
    public required List<(double High, double Low)> WarmupBars { get; init; }
    public required long TimeframeMs { get; init; }
    public required int Lookback { get; init; }
    public required bool Fade { get; init; }
    public required double Lots { get; init; }
    public required double OffsetPoints { get; init; }
    public required double StopLossPoints { get; init; }
    public required double TakeProfitPoints { get; init; }
    public required double TrailingPoints { get; init; }
    public required int ExpiryBars { get; init; }
    public required double Balance0 { get; init; }
    public required double ContractSize { get; init; }
    public required double Point { get; init; }
    public required int Leverage { get; init; }
    public required double Commission { get; init; }
    public required int LatencyMin { get; init; }
    public required int LatencyMax { get; init; }
    public required ulong Seed { get; init; }
    public required bool Swap { get; init; }
    public required double SwapLong { get; init; }
    public required double SwapShort { get; init; }
    public required int Rollover3Days { get; init; }
    public required int StopsLevel { get; init; }
    public required bool StopOutPercent { get; init; }
    public required double StopOutLevel { get; init; }

    public List<(string Side, double Lots, long OpenTime, double OpenPrice, long CloseTime, double ClosePrice, string Reason, double Commission, double Swap, double Pnl)> Trades { get; } = [];

    public (long Sent, long Filled, long Rejected, long Cancelled, long Dropped, long RequestsRejected) Counts { get; private set; }

    public double FinalBalance { get; private set; }

    public double FinalEquity { get; private set; }

    public double MaxDrawdown { get; private set; }

    public double Swaps { get; private set; }

    public double Commissions { get; private set; }

    public long StopOuts { get; private set; }

    /// <summary>Triggered pending orders whose margin did not fit at the fill.</summary>
    public long RejectedAtFill { get; private set; }

    public long Expired { get; private set; }

    private sealed class Position
    {
        public long Id;
        public int Dir; // +1 long, −1 short
        public double Lots;
        public long OpenTime;
        public int OpenTick;
        public double OpenPrice;
        public double Sl = double.NaN;
        public double Tp = double.NaN;
        public double Trail;
        public bool Trailed;
        public double OpenCommission;
        public double Swap;
        public double Margin;
        public long ChargedDay;
        public double Floating;
    }

    private sealed class Order
    {
        public long Id;
        public int Dir;
        public bool IsLimit;
        public double Price;
        public double Lots;
        public long Expiry;
        public int PlacedTick;
    }

    private sealed record Request(int Due, int Seq, string Kind, long Target, int Dir, bool IsLimit, double Price, long Expiry);

    public void Run()
    {
        var bars = new List<(double High, double Low)>(WarmupBars);
        var positions = new List<Position>();
        var orders = new List<Order>();
        var inFlight = new List<Request>();
        var asked = new HashSet<long>();
        var rng = Seed;
        var seq = 0;
        long nextPosition = 1, nextOrder = 1;
        long sent = 0, filled = 0, rejected = 0, cancelled = 0, dropped = 0;
        double balance = Balance0, equity = Balance0, peak = Balance0;
        long bucket = long.MinValue;
        double formHigh = 0, formLow = 0;

        int Latency() => ReferenceLatency.Draw(ref rng, LatencyMin, LatencyMax);

        double Floating(Position p, double bid, double ask) =>
            p.Dir == 1 ? (bid - p.OpenPrice) * ContractSize * p.Lots : (p.OpenPrice - ask) * ContractSize * p.Lots;

        void CloseLots(Position p, double lots, double price, string reason, long time)
        {
            double commissionShare = p.OpenCommission, swapShare = p.Swap;
            if (lots < p.Lots)
            {
                var fraction = lots / p.Lots;
                commissionShare = p.OpenCommission * fraction;
                swapShare = p.Swap * fraction;
                var marginShare = p.Margin * fraction;
                p.OpenCommission -= commissionShare;
                p.Swap -= swapShare;
                p.Margin -= marginShare;
                p.Lots -= lots;
            }
            else
            {
                lots = p.Lots;
                positions.Remove(p);
            }

            var profit = p.Dir == 1 ? (price - p.OpenPrice) * ContractSize * lots : (p.OpenPrice - price) * ContractSize * lots;
            var closing = lots * Commission;
            Commissions += closing;
            balance += profit - closing;
            Trades.Add((p.Dir == 1 ? "long" : "short", lots, p.OpenTime, p.OpenPrice, time, price, reason, commissionShare + closing, swapShare,
                profit - commissionShare - closing + swapShare));
        }

        void Open(int dir, double lots, double price, double margin, int tick, long time)
        {
            var commission = lots * Commission;
            Commissions += commission;
            balance -= commission;
            positions.Add(new Position
            {
                Id = nextPosition++,
                Dir = dir,
                Lots = lots,
                OpenTime = time,
                OpenTick = tick,
                OpenPrice = price,
                Sl = StopLossPoints > 0 ? price - (dir * StopLossPoints * Point) : double.NaN,
                Tp = TakeProfitPoints > 0 ? price + (dir * TakeProfitPoints * Point) : double.NaN,
                Trail = TrailingPoints,
                OpenCommission = commission,
                Margin = margin,
                ChargedDay = FloorDiv(time, Day),
            });
        }

        // A pending price at least stops_level points (and strictly) on its side of the reference, in points to 1e-7.
        bool PriceOk(double price, double reference, bool below)
        {
            var points = (below ? reference - price : price - reference) / Point;
            return points > 1e-7 && points >= StopsLevel - 1e-7;
        }

        bool OnGrid(double lots) => lots >= 0.01 - 1e-9 && Math.Abs((lots / 0.01) - Math.Round(lots / 0.01)) < 1e-6;

        bool DistanceOk(double points) => points <= 0 || points >= StopsLevel - 1e-7;

        void Place(int tick, int dir, bool isLimit, double price, long expiry, double bid, double ask)
        {
            var reference = dir == 1 ? ask : bid;
            var below = dir == 1 == isLimit; // buy limit and sell stop sit below
            if (!OnGrid(Lots) || !PriceOk(price, reference, below) || !DistanceOk(StopLossPoints) || !DistanceOk(TakeProfitPoints) || !DistanceOk(TrailingPoints))
            {
                rejected++;
                return;
            }

            sent++;
            inFlight.Add(new Request(tick + Latency(), seq++, "place", 0, dir, isLimit, price, expiry));
        }

        void CancelAll(int tick)
        {
            foreach (var o in orders)
            {
                if (asked.Add(o.Id))
                {
                    inFlight.Add(new Request(tick + Latency(), seq++, "cancel", o.Id, 0, false, 0, 0));
                }
            }
        }

        void MarkEquity(double bid, double ask)
        {
            equity = balance;
            foreach (var p in positions)
            {
                p.Floating = Floating(p, bid, ask);
                equity += p.Floating;
            }

            if (equity > peak)
            {
                peak = equity;
            }

            MaxDrawdown = Math.Max(MaxDrawdown, peak - equity);
        }

        bool StopOutHits()
        {
            var margin = 0.0;
            foreach (var p in positions)
            {
                margin += p.Margin;
            }

            return positions.Count > 0 && margin > 0 && (StopOutPercent ? equity * 100 / margin <= StopOutLevel : equity <= StopOutLevel);
        }

        for (var i = 0; i < Times.Length; i++)
        {
            var (time, bid, ask) = (Times[i], Bids[i], Asks[i]);
            var mid = (bid + ask) / 2;

            // 1a. Swaps, midnight by midnight.
            if (Swap)
            {
                var today = FloorDiv(time, Day);
                for (var d = positions.Count == 0 ? today : positions.Min(p => p.ChargedDay) + 1; d <= today; d++)
                {
                    foreach (var p in positions.Where(p => p.ChargedDay < d))
                    {
                        var weekdayEnding = (int)DateTimeOffset.FromUnixTimeMilliseconds((d * Day) - 1).DayOfWeek;
                        var charge = (p.Dir == 1 ? SwapLong : SwapShort) * Point * ContractSize * p.Lots * (weekdayEnding == Rollover3Days ? 3 : 1);
                        balance += charge;
                        Swaps += charge;
                        p.Swap += charge;
                        p.ChargedDay = d;
                    }
                }
            }

            // 1b. Requests due, in submission order.
            foreach (var r in inFlight.Where(r => r.Due <= i).OrderBy(r => r.Seq).ToList())
            {
                inFlight.Remove(r);
                if (r.Kind == "place")
                {
                    orders.Add(new Order { Id = nextOrder++, Dir = r.Dir, IsLimit = r.IsLimit, Price = r.Price, Lots = Lots, Expiry = r.Expiry, PlacedTick = i });
                }
                else if (orders.Find(o => o.Id == r.Target) is { } target)
                {
                    orders.Remove(target);
                    cancelled++;
                }
                else
                {
                    dropped++;
                }
            }

            // 1c. Pending orders placed before this tick, in placement order.
            foreach (var o in orders.Where(o => o.PlacedTick < i).ToList())
            {
                if (o.Expiry <= time)
                {
                    orders.Remove(o);
                    cancelled++;
                    Expired++;
                    continue;
                }

                var triggered = o.Dir == 1 ? (o.IsLimit ? ask <= o.Price : ask >= o.Price) : (o.IsLimit ? bid >= o.Price : bid <= o.Price);
                if (!triggered)
                {
                    continue;
                }

                orders.Remove(o);
                var need = o.Lots * ContractSize * mid / Leverage;
                var free = balance;
                foreach (var p in positions)
                {
                    free += Floating(p, bid, ask);
                }

                foreach (var p in positions)
                {
                    free -= p.Margin;
                }

                if (need > free)
                {
                    rejected++;
                    RejectedAtFill++;
                    continue;
                }

                filled++;
                Open(o.Dir, o.Lots, o.Dir == 1 ? ask : bid, need, i, time);
            }

            // 1d. SL/TP of positions filled before this tick; 1e. trailing.
            foreach (var p in positions.Where(p => p.OpenTick < i).ToList())
            {
                var price = p.Dir == 1 ? bid : ask;
                var slHit = p.Dir == 1 ? price <= p.Sl : price >= p.Sl;
                var tpHit = p.Dir == 1 ? price >= p.Tp : price <= p.Tp;
                if (slHit)
                {
                    CloseLots(p, p.Lots, price, p.Trailed ? "trailing_stop" : "stop_loss", time);
                }
                else if (tpHit)
                {
                    CloseLots(p, p.Lots, price, "take_profit", time);
                }
            }

            foreach (var p in positions.Where(p => p.OpenTick < i && p.Trail > 0))
            {
                var candidate = p.Dir == 1 ? bid - (p.Trail * Point) : ask + (p.Trail * Point);
                if (double.IsNaN(p.Sl) || (p.Dir == 1 ? candidate > p.Sl : candidate < p.Sl))
                {
                    p.Sl = candidate;
                    p.Trailed = true;
                }
            }

            // 1f. Equity, drawdown, stop-out.
            MarkEquity(bid, ask);
            while (StopOutHits())
            {
                var worst = positions[0];
                foreach (var p in positions.Skip(1))
                {
                    if (p.Floating < worst.Floating)
                    {
                        worst = p;
                    }
                }

                CloseLots(worst, worst.Lots, worst.Dir == 1 ? bid : ask, "stop_out", time);
                StopOuts++;
                MarkEquity(bid, ask);
            }

            // 2. Bars of the strategy's timeframe (of mids).
            var b = FloorDiv(time, TimeframeMs);
            var closedNow = false;
            if (b != bucket)
            {
                if (bucket != long.MinValue)
                {
                    bars.Add((formHigh, formLow));
                    closedNow = true;
                }

                bucket = b;
                formHigh = formLow = mid;
            }
            else
            {
                formHigh = Math.Max(formHigh, mid);
                formLow = Math.Min(formLow, mid);
            }

            // 4–5. The strategy.
            if (orders.Count == 0)
            {
                asked.Clear();
            }

            if (positions.Count > 0 && orders.Count > 0)
            {
                CancelAll(i);
            }

            if (positions.Count == 0 && closedNow && bars.Count >= Lookback)
            {
                CancelAll(i);
                var last = bars.Skip(bars.Count - Lookback).ToList();
                var (high, low) = (last.Max(x => x.High), last.Min(x => x.Low));
                var expiry = (b * TimeframeMs) + (ExpiryBars * TimeframeMs);
                var offset = OffsetPoints * Point;
                if (Fade)
                {
                    Place(i, 1, isLimit: true, low - offset, expiry, bid, ask);
                    Place(i, -1, isLimit: true, high + offset, expiry, bid, ask);
                }
                else
                {
                    Place(i, 1, isLimit: false, high + offset, expiry, bid, ask);
                    Place(i, -1, isLimit: false, low - offset, expiry, bid, ask);
                }
            }
        }

        FinalEquity = equity;
        cancelled += orders.Count + inFlight.Count(r => r.Kind == "place");
        var n = Times.Length - 1;
        while (positions.Count > 0)
        {
            var p = positions[0];
            CloseLots(p, p.Lots, p.Dir == 1 ? Bids[n] : Asks[n], "end_of_data", Times[n]);
        }

        Counts = (sent, filled, rejected, cancelled, dropped, 0);
        FinalBalance = balance;
    }

    private static long FloorDiv(long value, long divisor) => (long)Math.Floor(value / (double)divisor);
}
