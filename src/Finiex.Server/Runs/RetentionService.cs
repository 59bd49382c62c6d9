using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Finiex.Server.Runs;

/// <summary>Prunes finished runs beyond the retention limits every <see cref="ServerSettings.RetentionInterval"/> (never a going one).</summary>
internal sealed partial class RetentionService(RunManager runs, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(runs.Settings.RetentionInterval);
        do
        {
            try
            {
                var pruned = await runs.PruneAsync(DateTimeOffset.UtcNow).ConfigureAwait(false);
                if (pruned.Count > 0)
                {
                    Pruned(logger, pruned.Count);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
            {
                PruneFailed(logger, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "retention: deleted {Count} finished run(s)")]
    private static partial void Pruned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "retention: could not prune: {Reason}")]
    private static partial void PruneFailed(ILogger logger, string reason);
}
