using Finiex.Core.Strategy;
using Finiex.Engine.Workers;

namespace Finiex.Engine.Catalog;

/// <summary>A worker type: its description (parameters, warmup, output kind) and how to build one.</summary>
public sealed record WorkerRegistration(WorkerTypeInfo Info, Func<WorkerBuildContext, Worker> Create);
