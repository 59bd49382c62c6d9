namespace Finiex.Data.Coverage;

/// <summary>How long a silence between two consecutive ticks lasted (documented in docs/tick-store.md).</summary>
public enum GapCategory
{
    /// <summary>10 s ≤ gap &lt; 1 min.</summary>
    Seamless,
    /// <summary>1 min ≤ gap &lt; 30 min.</summary>
    Short,
    /// <summary>30 min ≤ gap &lt; 4 h.</summary>
    Moderate,
    /// <summary>4 h or more, not over a weekend.</summary>
    Large,
    /// <summary>Any gap that overlaps a Saturday (UTC): the market's weekend close.</summary>
    Weekend,
}
