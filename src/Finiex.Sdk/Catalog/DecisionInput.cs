namespace Finiex.Sdk.Catalog;

/// <summary>A named worker input a decision logic reads, with the kind of worker it expects.</summary>
public sealed record DecisionInput(string Name, WorkerOutput Expects, string Description);
