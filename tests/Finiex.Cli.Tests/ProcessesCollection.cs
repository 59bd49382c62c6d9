namespace Finiex.Cli.Tests;

/// <summary>Tests that start runner processes run one at a time, so each can assert that none of its runners survives.</summary>
[CollectionDefinition("processes", DisableParallelization = true)]
public sealed class ProcessesCollection;
