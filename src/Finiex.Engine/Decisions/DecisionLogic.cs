namespace Finiex.Engine.Decisions;

/// <summary>
/// Turns the current worker values into a signal (SEMANTICS §5). Called at every tick after the workers have
/// updated; must not allocate. A BUY or SELL below the logic's min_confidence must come back as FLAT.
/// </summary>
public abstract class DecisionLogic
{
    public abstract string Name { get; }

    public abstract Decision Decide(double mid);
}
