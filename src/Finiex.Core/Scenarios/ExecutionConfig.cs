namespace Finiex.Core.Scenarios;

/// <summary>How a batch runs. Parallelism 0 means one slot per core.</summary>
public sealed record ExecutionConfig(ExecutionMode Mode, int Parallelism, double UpdateIntervalSeconds, LiveExports Exports = LiveExports.None)
{
    public static ExecutionConfig Default { get; } = new(ExecutionMode.Auto, 0, 0.3);
}
