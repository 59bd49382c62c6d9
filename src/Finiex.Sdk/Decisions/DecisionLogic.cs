using Finiex.Sdk.Catalog;

namespace Finiex.Sdk.Decisions;

/// <summary>
/// Turns the current worker values into a signal (SEMANTICS §5). Called at every tick after the workers have
/// updated; must not allocate. A BUY or SELL below the logic's min_confidence must come back as FLAT.
/// </summary>
public abstract class DecisionLogic
{
    /// <summary>
    /// How the engine acts on a decision logic's signals (SEMANTICS §5, last paragraph): <c>lot_size</c> per market order and
    /// the <c>min_free_margin</c> needed to open. Put them among your logic's parameters so scenario sets can set them.
    /// </summary>
    public static IReadOnlyList<ParameterSpec> TradingParameters { get; } =
    [
        ParameterSpec.Number("lot_size", 0.1, 0, 1_000_000, "lots per market order", minExclusive: true),
        ParameterSpec.Number("min_free_margin", 0, 0, double.MaxValue, "free margin needed to open, in account currency"),
    ];

    public abstract string Name { get; }

    public abstract Decision Decide(double mid);

    /// <summary>
    /// True when the logic decides whole blocks with <see cref="DecideBlock"/>, reading its workers' value columns; the
    /// tick loop then computes each worker over the block first. Otherwise it runs the workers and <see cref="Decide"/>
    /// tick by tick, so a logic written against the workers' current values sees each tick's.
    /// </summary>
    public virtual bool DecidesBlocks => false;

    /// <summary>The decision at every tick of the block, from the workers' <see cref="Workers.Worker.Block"/> columns.</summary>
    public virtual void DecideBlock(ReadOnlySpan<double> mids, Span<Decision> decisions) =>
        throw new NotSupportedException($"{Name} decides tick by tick.");
}
