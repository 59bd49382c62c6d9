namespace Finiex.Engine.Workers;

/// <summary>A worker whose value is an oscillator in [0, 100], such as RSI.</summary>
public interface IOscillatorWorker : IWorker
{
    double Value { get; }
}
