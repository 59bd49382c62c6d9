namespace Finiex.Scenarios.Loading;

/// <summary>The keys a scenario set may use at each level (docs/scenario-sets.md, configs/schema/scenario-set.schema.json).</summary>
internal static class ConfigKeys
{
    public static readonly string[] Root = ["$schema", "name", "description", "plugins", "defaults", "scenarios"];
    public static readonly string[] Config = ["strategy", "account", "execution"];
    public static readonly string[] Scenario = ["name", "description", "symbol", "start", "end", "max_ticks", "enabled", "allow_short_warmup", "overrides", "grid"];
    public static readonly string[] Strategy = ["workers", "decision"];
    public static readonly string[] Worker = ["type", "timeframe", "params", "warmup_bars"];
    public static readonly string[] Decision = ["type", "inputs", "params"];
    public static readonly string[] Account = ["initial_balance", "currency", "broker", "commission_per_lot", "latency_ticks", "latency_seed", "apply_swap", "stop_loss_points", "take_profit_points"];
    public static readonly string[] Latency = ["min", "max"];
    public static readonly string[] Execution = ["mode", "parallelism", "update_interval", "export_portfolio_stats", "export_performance_stats", "export_current_bars"];
}
