namespace Finiex.Orchestration.Execution;

/// <summary>How much work a batch is, as validation measured it: runnable scenarios and the ticks they will run through.</summary>
public sealed record BatchSize(int Scenarios, long Ticks)
{
    /// <summary>
    /// Below these the whole batch runs in-process in less time than runner processes take to start: each runner pays
    /// 0.3-0.5 s of CPU for its runtime, serialiser formatters and engine compilation (measured on the example set:
    /// 7 scenarios, 0.6 M ticks, 0.25 s in threads against 1.0-1.1 s in processes on 2 cores).
    /// </summary>
    public const long SmallBatchTicks = 5_000_000;

    public const int SmallBatchScenarios = 64;

    public bool IsSmall => Ticks <= SmallBatchTicks && Scenarios <= SmallBatchScenarios;
}
