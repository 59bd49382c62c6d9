using System.Runtime.CompilerServices;
using Finiex.Contracts.Packages;
using Finiex.Engine.Trading;
using Finiex.Sdk.Time;

namespace Finiex.Benchmarks.Baselines;

/// <summary>
/// The reference strategy (wilder RSI on one timeframe, envelope on another, aggressive_trend, market orders with
/// tick latency, commission, swap) hand-written as one loop over the tick arrays: no interfaces, no objects per
/// worker, every piece of state a local. It is what the engine's abstractions are measured against; it follows
/// SEMANTICS.md with the same arithmetic in the same order, so its trades equal the engine's bit for bit
/// (checked by <see cref="StraightLineResult"/> comparisons in the benchmark setup and in the engine tests).
/// </summary>
public static class StraightLineReference
{
    private const long MsPerDay = 86_400_000;

    /// <summary>Runs the reference package's strategy over the ticks. Throws for a package that is not the reference shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StraightLineResult Run(ProcessDataPackage package, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks)
    {
        var rsiSpec = package.Workers.Single(w => w.Type == "rsi");
        var bandSpec = package.Workers.Single(w => w.Type == "envelope");
        if (package.Decision.Type != "aggressive_trend" || rsiSpec.Choices.GetValueOrDefault("smoothing", "wilder") != "wilder"
            || package.Account.StopLossPoints is not null || package.Account.TakeProfitPoints is not null
            || package.Account.Currency != package.SymbolSpec.QuoteCurrency)
        {
            throw new ArgumentException("The straight-line loop covers only the reference strategy: wilder RSI, envelope, aggressive_trend, no SL/TP, account in the quote currency.", nameof(package));
        }

        // Parameters.
        var rsiPeriod = (int)rsiSpec.Numbers["period"];
        var rsiTimeframe = Timeframe.Parse(rsiSpec.Timeframe);
        var bandPeriod = (int)bandSpec.Numbers["period"];
        var bandTimeframe = Timeframe.Parse(bandSpec.Timeframe);
        var deviation = bandSpec.Numbers.GetValueOrDefault("deviation_pct", 0.1);
        var upperFactor = 1 + (deviation / 100);
        var lowerFactor = 1 - (deviation / 100);
        var numbers = package.Decision.Numbers;
        var rsiBuy = numbers.GetValueOrDefault("rsi_buy", 35);
        var rsiSell = numbers.GetValueOrDefault("rsi_sell", 65);
        var bandLow = numbers.GetValueOrDefault("band_low", 0.25);
        var bandHigh = numbers.GetValueOrDefault("band_high", 0.75);
        var minConfidence = numbers.GetValueOrDefault("min_confidence", 0.4);
        var lots = numbers.GetValueOrDefault("lot_size", 0.1);
        var minFreeMargin = numbers.GetValueOrDefault("min_free_margin", 0);
        var account = package.Account;
        var contract = package.SymbolSpec.ContractSize;
        var commissionPerLot = account.CommissionPerLot;
        var (latencyMin, latencyMax) = (account.LatencyMinTicks, account.LatencyMaxTicks);
        var latencyDraws = new SplitMix64(account.LatencySeed);

        // RSI state, seeded from its warmup closes.
        long rsiCloses = 0;
        double lastClose = 0, seedGain = 0, seedLoss = 0, avgGain = 0, avgLoss = 0;
        void CommitRsi(double close)
        {
            if (rsiCloses > 0)
            {
                var delta = close - lastClose;
                var gain = Math.Max(delta, 0);
                var loss = Math.Max(-delta, 0);
                var before = rsiCloses - 1;
                if (before < rsiPeriod)
                {
                    seedGain += gain;
                    seedLoss += loss;
                    if (before + 1 == rsiPeriod)
                    {
                        avgGain = seedGain / rsiPeriod;
                        avgLoss = seedLoss / rsiPeriod;
                    }
                }
                else
                {
                    avgGain = ((avgGain * (rsiPeriod - 1)) + gain) / rsiPeriod;
                    avgLoss = ((avgLoss * (rsiPeriod - 1)) + loss) / rsiPeriod;
                }
            }

            lastClose = close;
            rsiCloses++;
        }

        // Envelope state: the last n − 1 closes in a ring and their sum, oldest first.
        var ring = new double[Math.Max(bandPeriod - 1, 1)];
        int ringNext = 0;
        long bandCloses = 0;
        var partialSum = 0.0;
        void CommitBand(double close)
        {
            bandCloses++;
            if (bandPeriod == 1)
            {
                return;
            }

            ring[ringNext] = close;
            ringNext = (ringNext + 1) % ring.Length;
            var count = (int)Math.Min(bandCloses, ring.Length);
            var start = (ringNext - count + ring.Length) % ring.Length;
            partialSum = 0;
            for (var k = 0; k < count; k++)
            {
                partialSum += ring[(start + k) % ring.Length];
            }
        }

        foreach (var close in WarmupCloses(package, rsiSpec))
        {
            CommitRsi(close);
        }

        foreach (var close in WarmupCloses(package, bandSpec))
        {
            CommitBand(close);
        }

        // Bars: only the forming bucket's end and close matter to these two workers.
        long rsiBucketEnd = long.MinValue, bandBucketEnd = long.MinValue;
        double rsiForming = 0, bandForming = 0;

        // Account and position (side +1 long, −1 short, 0 none); pending order (0 none, ±1 open, 2 close).
        double balance = account.InitialBalance, equity = balance, peak = balance, maxDrawdown = 0;
        double openPrice = 0, openCommission = 0, positionSwap = 0;
        long openTime = 0, nextMidnight = 0, sent = 0, filled = 0, rejected = 0, cancelled = 0;
        int side = 0, openIndex = 0, pending = 0, pendingAt = 0;
        var trades = new List<StraightLineTrade>();

        void ChargeSwap(long time)
        {
            var rate = side == 1 ? package.SymbolSpec.SwapLong : package.SymbolSpec.SwapShort;
            while (nextMidnight <= time)
            {
                var endingWeekday = (int)DateTimeOffset.FromUnixTimeMilliseconds(nextMidnight - 1).DayOfWeek;
                var charge = rate * package.SymbolSpec.Point * contract * lots * (endingWeekday == package.SymbolSpec.SwapRollover3Days ? 3 : 1);
                balance += charge;
                positionSwap += charge;
                nextMidnight += MsPerDay;
            }
        }

        void Close(long time, double price, string reason)
        {
            if (account.ApplySwap && time >= nextMidnight)
            {
                ChargeSwap(time);
            }

            var pnl = (side == 1 ? price - openPrice : openPrice - price) * contract * lots;
            var closeCommission = lots * commissionPerLot;
            balance += pnl - closeCommission;
            trades.Add(new StraightLineTrade(side == 1 ? "long" : "short", openTime, openPrice, time, price, reason,
                pnl - openCommission - closeCommission + positionSwap));
            side = 0;
        }

        for (var i = 0; i < times.Length; i++)
        {
            var time = times[i];
            var bid = bids[i];
            var ask = asks[i];
            var mid = (bid + ask) / 2;

            // 1. Fills, swap, equity and drawdown.
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
                        Close(time, side == 1 ? bid : ask, "signal");
                    }
                }
                else
                {
                    filled++;
                    side = pending;
                    openPrice = side == 1 ? ask : bid;
                    openTime = time;
                    openIndex = i;
                    openCommission = lots * commissionPerLot;
                    balance -= openCommission;
                    positionSwap = 0;
                    nextMidnight = Timeframe.D1.BucketStart(time) + MsPerDay;
                }

                pending = 0;
            }

            if (side != 0 && account.ApplySwap && time >= nextMidnight)
            {
                ChargeSwap(time);
            }

            equity = side == 0 ? balance : balance + ((side == 1 ? bid - openPrice : openPrice - ask) * contract * lots);
            if (equity > peak)
            {
                peak = equity;
            }
            else if (peak - equity > maxDrawdown)
            {
                maxDrawdown = peak - equity;
            }

            // 2–3. Bars: a tick at or after the bucket end closes the bar; its close goes to the worker.
            if (time >= rsiBucketEnd)
            {
                if (rsiBucketEnd != long.MinValue)
                {
                    CommitRsi(rsiForming);
                }

                rsiBucketEnd = rsiTimeframe.BucketStart(time) + rsiTimeframe.LengthMs;
            }

            if (time >= bandBucketEnd)
            {
                if (bandBucketEnd != long.MinValue)
                {
                    CommitBand(bandForming);
                }

                bandBucketEnd = bandTimeframe.BucketStart(time) + bandTimeframe.LengthMs;
            }

            rsiForming = mid;
            bandForming = mid;

            // 4. Workers and decision.
            if (rsiCloses < rsiPeriod || bandCloses < bandPeriod - 1 || pending != 0)
            {
                continue;
            }

            var delta = mid - lastClose;
            var gain = Math.Max(delta, 0);
            var loss = Math.Max(-delta, 0);
            double g, l;
            if (rsiCloses - 1 < rsiPeriod)
            {
                g = (seedGain + gain) / rsiPeriod;
                l = (seedLoss + loss) / rsiPeriod;
            }
            else
            {
                g = ((avgGain * (rsiPeriod - 1)) + gain) / rsiPeriod;
                l = ((avgLoss * (rsiPeriod - 1)) + loss) / rsiPeriod;
            }

            var rsi = l == 0 ? 100 : 100 - (100 / (1 + (g / l)));
            var middle = (partialSum + mid) / bandPeriod;
            var upper = middle * upperFactor;
            var lower = middle * lowerFactor;
            var position = upper == lower ? 0.5 : Math.Clamp((mid - lower) / (upper - lower), 0, 1);

            var signal = 0;
            var confidence = 0.4;
            if (rsi < rsiBuy || position < bandLow)
            {
                signal = 1;
                confidence += rsi < rsiBuy ? 0.3 * (rsiBuy - rsi) / rsiBuy : 0;
                confidence += position < bandLow ? 0.3 * (bandLow - position) / bandLow : 0;
            }
            else if (rsi > rsiSell || position > bandHigh)
            {
                signal = -1;
                confidence += rsi > rsiSell ? 0.3 * (rsi - rsiSell) / (100 - rsiSell) : 0;
                confidence += position > bandHigh ? 0.3 * (position - bandHigh) / (1 - bandHigh) : 0;
            }

            if (signal == 0 || Math.Min(confidence, 1) < minConfidence)
            {
                continue;
            }

            // 5. Orders: an entry when flat (margin checked), a close when the signal opposes the position.
            if (side == 0)
            {
                sent++;
                var required = lots * contract * mid / account.Leverage;
                if (equity < minFreeMargin || required > equity)
                {
                    rejected++;
                    continue;
                }

                pending = signal;
            }
            else if (side != signal)
            {
                sent++;
                pending = 2;
            }
            else
            {
                continue;
            }

            var latency = latencyMin;
            if (latencyMax > latencyMin)
            {
                latency += (int)(latencyDraws.Next() % (ulong)(latencyMax - latencyMin + 1));
            }

            pendingAt = i + latency;
        }

        if (pending != 0)
        {
            cancelled++;
        }

        if (side != 0 && times.Length > 0)
        {
            Close(times[^1], side == 1 ? bids[^1] : asks[^1], "end_of_data");
        }

        return new StraightLineResult(trades, balance, maxDrawdown, (sent, filled, rejected, cancelled));
    }

    private static IEnumerable<double> WarmupCloses(ProcessDataPackage package, WorkerSpec worker)
    {
        var bars = package.WarmupBars.SingleOrDefault(b => b.Timeframe == worker.Timeframe);
        return bars is null ? [] : bars.Close.Skip(Math.Max(0, bars.Count - worker.WarmupBars));
    }
}
