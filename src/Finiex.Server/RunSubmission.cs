namespace Finiex.Server;

/// <summary>The body of <c>POST /api/runs</c>: a scenario set file on the server, and optionally how to run it.</summary>
public sealed record RunSubmission(string? Set, string? Mode = null, double? ScenarioTimeoutSeconds = null);
