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

public static class BatchStages
{
    /// <summary>What a person sees for the stage (the dashboard, the API's <c>stage_label</c>).</summary>
    public static string Label(this BatchStage stage) => stage switch
    {
        BatchStage.Pending => "Waiting for a free place…",
        BatchStage.Validating => "Validating the scenario set…",
        BatchStage.PreparingData => "Preparing data and the results folder…",
        BatchStage.Running => "Running scenarios…",
        BatchStage.WritingResults => "Writing the summary and the report…",
        BatchStage.Completed => "Completed",
        BatchStage.Failed => "Failed",
        BatchStage.Canceled => "Canceled",
        _ => stage.ToString(),
    };

    public static bool IsFinal(this BatchStage stage) => stage is BatchStage.Completed or BatchStage.Failed or BatchStage.Canceled;
}
