using Finiex.Contracts.Results;
using Finiex.Sdk.Trading;

namespace Finiex.Engine.Trading;

/// <summary>What the runner and the live view read of a scenario's account, whichever simulator keeps it.</summary>
public interface ISimulatedAccount
{
    double Balance { get; }

    double Equity { get; }

    long TicksProcessed { get; }

    IReadOnlyList<TradeRecord> Trades { get; }

    /// <summary>The net open position for the live view: side, lots and lot-weighted open price; null when flat.</summary>
    (TradeSide Side, double Lots, double OpenPrice)? NetPosition { get; }

    /// <summary>True while an order is pending or in flight.</summary>
    bool HasPendingOrder { get; }

    ScenarioStatistics Statistics();

    /// <summary>End of data: open positions close at the last tick, pending orders are cancelled.</summary>
    void Finish();
}
