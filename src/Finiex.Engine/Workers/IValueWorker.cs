namespace Finiex.Engine.Workers;

/// <summary>A worker with one price-like value, such as a moving average.</summary>
public interface IValueWorker : IWorker
{
    double Value { get; }
}
