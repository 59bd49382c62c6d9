namespace Finiex.Engine.Trading;

public enum TradeSide
{
    Long,
    Short,
}
