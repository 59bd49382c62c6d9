using Finiex.Orchestration.Events;
namespace Finiex.Cli.Rendering;

/// <summary>What the live view knows of a batch before it runs: its name, plan, slots, scenarios, total ticks (when validation counted them) and log filter.</summary>
internal sealed record LiveSetup(string SetName, string Plan, int Slots, int Scenarios, long? TotalTicks, LogLevelFilter LogLevel);
