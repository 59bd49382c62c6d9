namespace Finiex.Engine.Workers;

/// <summary>A worker that produces lower, middle and upper bands.</summary>
public interface IBandWorker : IWorker
{
    double Lower { get; }

    double Middle { get; }

    double Upper { get; }
}
