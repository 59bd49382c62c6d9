namespace Finiex.Contracts.Packages;

/// <summary>How the broker's stop-out level is read (SEMANTICS §6); <see cref="Off"/> when the broker gives no level.</summary>
public enum StopOutMode
{
    Off = 0,
    /// <summary>Stop out when equity · 100 / margin ≤ level (a margin level in percent).</summary>
    Percent = 1,
    /// <summary>Stop out when equity ≤ level (an amount of account currency).</summary>
    Money = 2,
}
