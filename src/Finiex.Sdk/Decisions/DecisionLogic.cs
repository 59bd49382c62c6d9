namespace Finiex.Sdk.Decisions;

/// <summary>
/// Turns the current worker values into a signal (SEMANTICS §5). Called at every tick after the workers have
/// updated; must not allocate. A BUY or SELL below the logic's min_confidence must come back as FLAT.
/// </summary>
public abstract class DecisionLogic
{
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
