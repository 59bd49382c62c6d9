using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Finiex.Cli.Bench;

/// <summary>
/// A fixed, documented benchmark load: a scenario set generated the same way every time, so certificates of two
/// versions measure the same work. <see cref="Grid"/> is the load (256 scenarios over 13 days of real FXCM
/// EURUSD, ~1.1 M ticks each); <see cref="Tiny"/> is 1,000 half-hour scenarios on the shipped sample store, for the
/// per-scenario overhead.
/// </summary>
public sealed record BenchLoad(string Name, string Description, bool NeedsSharedData)
{
    public static BenchLoad Grid { get; } = new("grid",
        "rsi(n) M5 + envelope(m, d) M30 + aggressive_trend, FXCM EURUSD 2014-05-01..2014-05-16 (13 trading days, ~1.1 M ticks each); "
        + "grid rsi n ∈ {10,12,14,16} × envelope m ∈ {16,20,24,28} × d ∈ {0.05,0.1,0.15,0.2} × latency seed ∈ {1..4}",
        NeedsSharedData: true);

    public static BenchLoad Tiny { get; } = new("tiny",
        "the reference strategy on 30-minute windows of the shipped FXCM EURUSD sample, starts 3 minutes apart from 2014-05-05T16:00Z",
        NeedsSharedData: false);

    public static IReadOnlyList<BenchLoad> All { get; } = [Grid, Tiny];

    public const int GridScenarios = 256;
    public const int TinyScenarios = 1000;

    public int DefaultScenarios => this == Grid ? GridScenarios : TinyScenarios;

    /// <summary>Writes the set (and the broker spec it names) into <paramref name="folder"/>; returns the set's path.</summary>
    public string WriteSet(string folder, int scenarios)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "broker.json"), BrokerJson());
        var set = new JsonObject
        {
            ["name"] = $"bench_{Name}",
            ["description"] = Description,
            ["defaults"] = new JsonObject
            {
                ["strategy"] = JsonNode.Parse("""
                    {
                      "workers": {
                        "rsi": { "type": "rsi", "timeframe": "M5", "params": { "period": 14, "smoothing": "wilder" } },
                        "band": { "type": "envelope", "timeframe": "M30", "params": { "period": 20, "deviation_pct": 0.1 } }
                      },
                      "decision": { "type": "aggressive_trend", "inputs": { "rsi": "rsi", "band": "band" } }
                    }
                    """),
                ["account"] = JsonNode.Parse("""
                    { "initial_balance": 10000, "currency": "USD", "broker": "broker.json", "latency_ticks": { "min": 1, "max": 3 } }
                    """),
            },
            ["scenarios"] = this == Grid ? GridScenarioList(scenarios) : TinyScenarioList(scenarios),
        };
        var path = Path.Combine(folder, $"bench_{Name}.json");
        File.WriteAllText(path, set.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static JsonArray GridScenarioList(int scenarios)
    {
        var list = new JsonArray();
        var index = 0;
        foreach (var rsi in new[] { 10, 12, 14, 16 })
        {
            foreach (var period in new[] { 16, 20, 24, 28 })
            {
                foreach (var deviation in new[] { 0.05, 0.1, 0.15, 0.2 })
                {
                    foreach (var seed in new[] { 1, 2, 3, 4 })
                    {
                        if (index++ >= scenarios)
                        {
                            return list;
                        }

                        list.Add(new JsonObject
                        {
                            ["name"] = string.Create(CultureInfo.InvariantCulture, $"g{index:000}_rsi{rsi}_env{period}_{deviation}_s{seed}"),
                            ["symbol"] = "EURUSD",
                            ["start"] = "2014-05-01T00:00:00Z",
                            ["end"] = "2014-05-17T00:00:00Z",
                            ["allow_short_warmup"] = true,
                            ["overrides"] = new JsonObject
                            {
                                ["strategy"] = new JsonObject
                                {
                                    ["workers"] = new JsonObject
                                    {
                                        ["rsi"] = new JsonObject { ["params"] = new JsonObject { ["period"] = rsi } },
                                        ["band"] = new JsonObject { ["params"] = new JsonObject { ["period"] = period, ["deviation_pct"] = deviation } },
                                    },
                                },
                                ["account"] = new JsonObject { ["latency_seed"] = seed },
                            },
                        });
                    }
                }
            }
        }

        return list;
    }

    private static JsonArray TinyScenarioList(int scenarios)
    {
        var list = new JsonArray();
        var first = new DateTimeOffset(2014, 5, 5, 16, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < scenarios; i++)
        {
            var start = first.AddMinutes(3 * i);
            list.Add(new JsonObject
            {
                ["name"] = string.Create(CultureInfo.InvariantCulture, $"t{i + 1:0000}"),
                ["symbol"] = "EURUSD",
                ["start"] = start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
                ["end"] = start.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            });
        }

        return list;
    }

    private static string BrokerJson()
    {
        using var stream = typeof(BenchLoad).Assembly.GetManifestResourceStream("bench-broker.json")
                           ?? throw new InvalidOperationException("The bench broker spec is not embedded in this build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
