using Finiex.Data.Brokers;

namespace Finiex.Data.Tests.Brokers;

public sealed class BrokerSpecLoaderTests
{
    [Theory]
    [InlineData("vantage_mt5_demo.json")] // profit_currency, point
    [InlineData("mt5_broker_config.json")] // quote_currency, no point
    public void Both_export_shapes_load_with_the_same_eurusd(string file)
    {
        var broker = BrokerSpecLoader.Load(TestPaths.Shared("finiex", "brokers", file));

        Assert.Equal(500, broker.Leverage);
        Assert.Equal("percent", broker.StopOutMode);
        Assert.Equal(20, broker.StopOutLevel);
        var eurusd = broker.FindSymbol("EURUSD")!;
        Assert.Equal(("EUR", "USD"), (eurusd.BaseCurrency, eurusd.QuoteCurrency));
        Assert.Equal(100_000, eurusd.ContractSize);
        Assert.Equal(5, eurusd.Digits);
        Assert.Equal(0.00001, eurusd.Point);
        Assert.Equal((0.01, 100, 0.01), (eurusd.VolumeMin, eurusd.VolumeMax, eurusd.VolumeStep));
        Assert.Equal((-7.85, 3.8, 3), (eurusd.SwapLong, eurusd.SwapShort, eurusd.SwapRollover3Days));
        var usdjpy = broker.FindSymbol("USDJPY")!;
        Assert.Equal(("USD", "JPY", 0.001), (usdjpy.BaseCurrency, usdjpy.QuoteCurrency, usdjpy.Point));
    }

    [Fact]
    public void The_full_export_loads_hundreds_of_symbols()
    {
        var broker = BrokerSpecLoader.Load(TestPaths.Shared("finiex", "brokers", "vantage_mt5_demo.json"));
        Assert.True(broker.Symbols.Count + broker.UnusableSymbols.Count == 951);
        Assert.True(broker.Symbols.Count > 900);
    }

    [Fact]
    public void The_shipped_demo_broker_loads()
    {
        var broker = BrokerSpecLoader.Load(Path.Combine(TestPaths.RepoRoot, "configs", "brokers", "vantage_demo.json"));
        Assert.Contains("NZDUSD", broker.Symbols.Keys);
        Assert.Contains("XAUUSD", broker.Symbols.Keys);
    }

    [Fact]
    public void A_symbol_with_missing_fields_is_set_apart_with_the_reason()
    {
        using var temp = new TempDirectory();
        var path = temp.File("broker.json");
        File.WriteAllText(path, """
            {"broker_info": {"leverage": 100},
             "symbols": {
               "GOOD": {"base_currency": "EUR", "quote_currency": "USD", "contract_size": 100000, "digits": 5, "volume_min": 0.01, "volume_max": 10, "volume_step": 0.01},
               "BAD": {"base_currency": "EUR", "quote_currency": "USD", "digits": 5, "volume_min": 0.01, "volume_max": 10, "volume_step": 0.01}
             }}
            """);

        var broker = BrokerSpecLoader.Load(path);

        Assert.Equal(0.00001, broker.Symbols["GOOD"].Point, 12);
        Assert.Contains("contract_size", broker.UnusableSymbols["BAD"], StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_or_foreign_files_are_refused_with_their_path()
    {
        using var temp = new TempDirectory();
        var path = temp.File("broker.json");
        File.WriteAllText(path, "{\"something\": 1}");
        Assert.Contains("broker_info", Assert.Throws<BrokerSpecException>(() => BrokerSpecLoader.Load(path)).Message, StringComparison.Ordinal);
        File.WriteAllText(path, "{\n\"broker_info\": ");
        Assert.StartsWith(path + ":", Assert.Throws<BrokerSpecException>(() => BrokerSpecLoader.Load(path)).Message, StringComparison.Ordinal);
        Assert.Contains("not found", Assert.Throws<BrokerSpecException>(() => BrokerSpecLoader.Load(temp.File("none.json"))).Message, StringComparison.Ordinal);
    }
}
