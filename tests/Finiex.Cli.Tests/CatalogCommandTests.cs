using System.Text.Json;

namespace Finiex.Cli.Tests;

/// <summary><c>finiex catalog</c>: every type a scenario set can name, with what validation knows of it.</summary>
public sealed class CatalogCommandTests
{
    [Fact]
    public void The_catalog_lists_workers_decision_logics_and_strategies_with_their_parameters()
    {
        var (code, output, _) = CliRunner.Run("catalog", "--json");

        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(["bollinger", "envelope", "rsi", "sma"], json.GetProperty("workers").EnumerateArray().Select(w => w.GetProperty("type").GetString()));
        var rsi = json.GetProperty("workers").EnumerateArray().Single(w => w.GetProperty("type").GetString() == "rsi");
        Assert.Equal(42, rsi.GetProperty("warmup_bars_at_defaults").GetInt32()); // 3 · 14, wilder
        Assert.Equal("oscillator", rsi.GetProperty("output").GetString());

        var decisions = json.GetProperty("decisions").EnumerateArray().ToDictionary(d => d.GetProperty("type").GetString()!);
        Assert.Equal(["aggressive_trend", "simple_consensus", "channel_breakout"], decisions.Keys);
        var channel = decisions["channel_breakout"];
        Assert.Equal(("trading_api", true), (channel.GetProperty("style").GetString(), channel.GetProperty("hedges").GetBoolean()));
        Assert.Equal("M15", channel.GetProperty("bars_at_defaults")[0].GetProperty("timeframe").GetString());
        Assert.Equal(20, channel.GetProperty("bars_at_defaults")[0].GetProperty("warmup_bars").GetInt32());
        var mode = channel.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "mode");
        Assert.Equal(["breakout", "fade"], mode.GetProperty("choices").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("breakout", mode.GetProperty("default").GetString());
        Assert.Equal(["rsi", "band"], decisions["aggressive_trend"].GetProperty("inputs").EnumerateArray().Select(i => i.GetProperty("name").GetString()));
    }

    [Fact]
    public void The_table_shows_how_each_decision_trades()
    {
        var (code, output, _) = CliRunner.Run("catalog");

        Assert.Equal(0, code);
        Assert.Contains("channel_breakout", output, StringComparison.Ordinal);
        Assert.Contains("trading API (§10), hedges", output, StringComparison.Ordinal);
        Assert.Contains("signals (§5)", output, StringComparison.Ordinal);
        Assert.Contains("M15 × 20", output, StringComparison.Ordinal);
    }
}
