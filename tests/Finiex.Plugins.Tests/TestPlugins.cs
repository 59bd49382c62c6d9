using Finiex.Tests.Shared;

namespace Finiex.Plugins.Tests;

/// <summary>The plug-ins and scenario sets the tests build: small strategies whose trades show which code ran.</summary>
internal static class TestPlugins
{
    /// <summary>
    /// A strategy that opens one position at the window's first tick, with SL and TP 100 points away, in the class
    /// <c>Shared.Echo.Strategy</c> (the same full name in every plug-in built from it). Its lots are
    /// <c>lot_size × Builds</c>, where <c>Builds</c> is a static counter of strategies built: it stays 1 unless statics leak.
    /// </summary>
    public static string EchoStrategy(string typeName, string side = "Long", string extra = "", string onTick = "") => $$"""
        using Finiex.Sdk.Catalog;
        using Finiex.Sdk.Trading;

        namespace Shared.Echo;

        public static class Counter
        {
            public static int Builds;
        }

        public sealed class Strategy(double lots) : TradingStrategy
        {
            public override string Name => "{{typeName}}";

            public override void OnTick(TradingContext context)
            {
                {{onTick}}
                if (context.TickIndex == 0)
                {
                    context.OpenMarket(TradeSide.{{side}}, lots, StopLevel.Points(100), StopLevel.Points(100));
                }
            }
        }

        public sealed class Plugin : IPlugin
        {
            public void Register(ITypeRegistry types)
            {
                types.Add(new StrategyRegistration(
                    new DecisionTypeInfo
                    {
                        TypeName = "{{typeName}}",
                        Description = "Opens one {{side}} position at the first tick.",
                        Inputs = [],
                        Style = TradingStyle.TradingApi,
                        Parameters = [ParameterSpec.Number("lot_size", 0.1, 0, 100, "lots per build", minExclusive: true)],
                    },
                    context =>
                    {
                        Counter.Builds++;
                        return new Strategy(context.Parameters.Number("lot_size") * Counter.Builds);
                    }));
                {{extra}}
            }
        }
        """;

    /// <summary>A scenario set in <paramref name="folder"/> naming <paramref name="plugins"/> (relative paths kept as given), one scenario per decision type.</summary>
    public static string Set(string folder, IEnumerable<string> plugins, IEnumerable<string> decisionTypes, int maxTicks = 20_000)
    {
        var broker = Path.Combine(RepoPaths.Root, "configs", "brokers", "vantage_demo.json").Replace("\\", "\\\\", StringComparison.Ordinal);
        var scenarios = decisionTypes.Select((type, i) => $$"""
            { "name": "s{{i}}_{{type}}", "symbol": "EURUSD", "start": "2014-05-06T00:00:00Z", "max_ticks": {{maxTicks}},
              "overrides": { "strategy": { "decision": { "type": "{{type}}" } } } }
            """);
        var path = Path.Combine(folder, "set.json");
        File.WriteAllText(path, $$"""
            {
              "name": "plugins",
              "plugins": [{{string.Join(", ", plugins.Select(p => $"\"{p.Replace("\\", "\\\\", StringComparison.Ordinal)}\""))}}],
              "defaults": {
                "strategy": { "decision": { "type": "none", "params": { "lot_size": 0.1 } } },
                "account": { "initial_balance": 10000, "currency": "USD", "broker": "{{broker}}", "latency_ticks": { "min": 1, "max": 3 } }
              },
              "scenarios": [ {{string.Join(",\n", scenarios)}} ]
            }
            """);
        return path;
    }
}
