namespace Finiex.Orchestration.Tests;

/// <summary>Process tests run one at a time: each asserts that no runner it started survives, which parallel tests would blur.</summary>
[CollectionDefinition("processes", DisableParallelization = true)]
public sealed class ProcessesCollection;
