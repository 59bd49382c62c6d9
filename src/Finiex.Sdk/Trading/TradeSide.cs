namespace Finiex.Sdk.Trading;

public enum TradeSide
{
    Long,
    Short,
}
