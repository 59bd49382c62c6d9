namespace Finiex.Orchestration.Sweeps;

/// <summary>What a parameter sweep's variants are ranked by (<c>--score</c>); all higher-is-better but <see cref="MaxDrawdown"/>.</summary>
public enum SweepScore
{
    NetProfit,
    ProfitFactor,
    Sharpe,
    RecoveryFactor,
    ExpectedPayoff,
    MaxDrawdown,
}
