namespace Finiex.Scenarios.Validation;

/// <summary>Where the values the data checks look at were written in the set file.</summary>
internal sealed record ScenarioPaths(
    string Scenario,
    string Symbol,
    string Start,
    string End,
    string Broker,
    string Currency,
    string LotSize,
    string DecisionType,
    IReadOnlyDictionary<string, string> Workers);
