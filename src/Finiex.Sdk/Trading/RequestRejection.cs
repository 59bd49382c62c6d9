namespace Finiex.Sdk.Trading;

/// <summary>Why a trading request fails its checks at submission (SEMANTICS §10); <see cref="None"/> when it passes.</summary>
public enum RequestRejection
{
    None,
    /// <summary>Lots outside [volume_min, volume_max] or not a multiple of volume_step (an open or a placement).</summary>
    VolumeOffGrid,
    /// <summary>A close that is not a positive multiple of volume_step, or more than the position's lots.</summary>
    CloseVolumeInvalid,
    /// <summary>The request names a position or order the strategy does not see.</summary>
    UnknownTarget,
    /// <summary>A pending price on the wrong side of its reference (a buy limit above the ask...).</summary>
    PriceOnWrongSide,
    /// <summary>A pending price nearer its reference than stops_level points.</summary>
    PriceTooClose,
    StopLossOnWrongSide,
    StopLossTooClose,
    TakeProfitOnWrongSide,
    TakeProfitTooClose,
    /// <summary>An SL, TP or trailing distance that is not positive or is below stops_level points.</summary>
    DistanceTooSmall,
    /// <summary>An opening market order whose margin does not fit the free margin (§6).</summary>
    NotEnoughMargin,
}
