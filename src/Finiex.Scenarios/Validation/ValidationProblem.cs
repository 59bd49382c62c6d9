namespace Finiex.Scenarios.Validation;

/// <summary>One problem found in a scenario set: where (JSON path, or file:line for syntax), what, and how to fix it.</summary>
public sealed record ValidationProblem(ProblemSeverity Severity, string Path, string Message, string Hint)
{
    /// <summary>The scenarios the problem affects; empty when it concerns the set as a whole.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    public static ValidationProblem Error(string path, string message, string hint) => new(ProblemSeverity.Error, path, message, hint);

    public static ValidationProblem Warning(string path, string message, string hint) => new(ProblemSeverity.Warning, path, message, hint);

    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Path}: {Message}{(Hint.Length > 0 ? $" (hint: {Hint})" : "")}";
}
