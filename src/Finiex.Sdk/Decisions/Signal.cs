namespace Finiex.Sdk.Decisions;

public enum Signal
{
    Flat,
    Buy,
    Sell,
}
