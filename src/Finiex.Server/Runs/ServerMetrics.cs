namespace Finiex.Server.Runs;

/// <summary><c>GET /metrics</c>: runs by stage, the runner slots, the queue, and throughput over the last seconds.</summary>
public sealed record ServerMetrics(
    IReadOnlyDictionary<string, int> RunsByStage,
    int Slots,
    int SlotsBusy,
    int RunsGoing,
    int RunsQueued,
    int ScenariosWaiting,
    double TicksPerSecond,
    long TicksTotal,
    double EventsPerSecond,
    long EventsTotal,
    int WebSocketClients,
    long WebSocketResyncs,
    long WebSocketDropped);
