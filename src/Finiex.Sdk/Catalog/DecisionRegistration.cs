
using Finiex.Sdk.Decisions;

namespace Finiex.Sdk.Catalog;

/// <summary>A decision logic type: its description (inputs, parameters) and how to build one.</summary>
public sealed record DecisionRegistration(DecisionTypeInfo Info, Func<DecisionBuildContext, DecisionLogic> Create);
