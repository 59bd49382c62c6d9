using Finiex.Orchestration.Execution;

namespace Finiex.Orchestration.Service;

/// <summary>A finished job: the batch, where report.html went (null when it could not be written), and what could not be written.</summary>
public sealed record BatchCompletion(BatchResult Batch, string? ReportPath, string? SummaryError, IReadOnlyList<(string Scenario, string Error)> WriteErrors)
{
    public bool AllWritten => SummaryError is null && WriteErrors.Count == 0;
}
