namespace Finiex.Engine.Trading;

/// <summary>Why a position closed (SEMANTICS §6); the text is what trades.csv shows.</summary>
public static class CloseReason
{
    public const string Signal = "signal";
    public const string StopLoss = "stop_loss";
    public const string TakeProfit = "take_profit";
    public const string TrailingStop = "trailing_stop";
    public const string StopOut = "stop_out";
    public const string EndOfData = "end_of_data";
    public const string CloseRequest = "close_request";
}
