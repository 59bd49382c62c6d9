
using Finiex.Sdk.Workers;

namespace Finiex.Sdk.Catalog;

/// <summary>A worker type: its description (parameters, warmup, output kind) and how to build one.</summary>
public sealed record WorkerRegistration(WorkerTypeInfo Info, Func<WorkerBuildContext, Worker> Create);
