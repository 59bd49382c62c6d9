using System.Collections.Immutable;

namespace Finiex.Core.Symbols;

/// <summary>A broker's account rules and symbol specifications.</summary>
public sealed record BrokerSpec
{
    public required string SourceFile { get; init; }
    public string Company { get; init; } = "";
    public string Server { get; init; } = "";
    public required int Leverage { get; init; }
    public string MarginMode { get; init; } = "";
    /// <summary>"percent" or "money" as the export says (SEMANTICS §6).</summary>
    public string StopOutMode { get; init; } = "percent";
    /// <summary>Null when the export gives no stop-out level: the check is then off.</summary>
    public double? StopOutLevel { get; init; }
    public double MarginCallLevel { get; init; }
    public bool HedgingAllowed { get; init; }
    public required ImmutableSortedDictionary<string, SymbolSpec> Symbols { get; init; }
    /// <summary>Symbols of the export that could not be used, with the reason (missing or impossible fields).</summary>
    public ImmutableSortedDictionary<string, string> UnusableSymbols { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public SymbolSpec? FindSymbol(string name) => Symbols.GetValueOrDefault(name);
}
