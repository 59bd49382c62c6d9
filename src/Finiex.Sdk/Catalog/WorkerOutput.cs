namespace Finiex.Sdk.Catalog;

/// <summary>What a worker produces, so a decision logic can check it was given the right kind of input.</summary>
public enum WorkerOutput
{
    /// <summary>An oscillator in [0, 100] such as RSI.</summary>
    Oscillator,
    /// <summary>Upper, middle and lower bands (and the band position of the price).</summary>
    Band,
    /// <summary>A single price-like value such as a moving average.</summary>
    Value,
}
