namespace Finiex.Engine.Decisions;

/// <summary>
/// Turns the current worker values into a signal (SEMANTICS §5). Called at every tick after the workers have
/// updated; must not allocate. A BUY or SELL below the logic's min_confidence must come back as FLAT.
/// </summary>
public interface IDecisionLogic
{
    string Name { get; }

    Decision Decide(double mid);
}
