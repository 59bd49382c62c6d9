using System.Runtime.CompilerServices;
using Finiex.Contracts.Packages;

namespace Finiex.Engine.Trading;

/// <summary>
/// The broker's stop-out condition (SEMANTICS §6), one formula for the simulator's full step and its quiet-stretch
/// loop: percent, <c>equity · 100 / margin ≤ level</c>; money, <c>equity ≤ level</c>; only while margin is above 0.
/// </summary>
internal readonly struct StopOutRule(StopOutMode mode, double level)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Hits(double equity, double margin) => margin > 0 && mode switch
    {
        StopOutMode.Percent => equity * 100 / margin <= level,
        StopOutMode.Money => equity <= level,
        _ => false,
    };

    /// <summary>
    /// An equity above which <see cref="Hits"/> is false for this margin: the quiet loop compares against it and calls
    /// <see cref="Hits"/> only below, so the exact formula decides every tick that could stop out.
    /// </summary>
    public double SafeAbove(double margin) => mode switch
    {
        _ when margin <= 0 => double.NegativeInfinity,
        StopOutMode.Percent => Math.Abs(level * margin / 100) * (1 + 1e-9) + double.Epsilon,
        StopOutMode.Money => level,
        _ => double.NegativeInfinity,
    };
}
