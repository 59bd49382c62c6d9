namespace Finiex.Engine.Decisions;

public enum Signal
{
    Flat,
    Buy,
    Sell,
}
