namespace Finiex.Orchestration.Service;

/// <summary>Where a batch job is: <c>pending → validating → preparing_data → running → writing_results → completed | failed | canceled</c>.</summary>
public enum BatchStage
{
    Pending,
    Validating,
    PreparingData,
    Running,
    WritingResults,
    Completed,
    Failed,
    Canceled,
}
