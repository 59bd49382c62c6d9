namespace Finiex.Data.Coverage;

/// <summary>A silence from the tick at <see cref="FromMs"/> to the next tick at <see cref="ToMs"/>.</summary>
public sealed record Gap(long FromMs, long ToMs, GapCategory Category)
{
    public double Minutes => (ToMs - FromMs) / 60_000.0;
}
