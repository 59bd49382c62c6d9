namespace Finiex.Engine.Loop;

/// <summary>Where one scenario's live progress and log lines go, and what cancels that scenario alone.</summary>
public sealed record ScenarioChannels(IProgressSink? Progress, Serilog.ILogger? Log, CancellationToken Cancel = default);
