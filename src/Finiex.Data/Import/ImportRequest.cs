namespace Finiex.Data.Import;

/// <summary>What to import into which symbol of a store.</summary>
public sealed record ImportRequest
{
    public required string Symbol { get; init; }
    public required IReadOnlyList<string> Paths { get; init; }
    public required ITickSourceReader Reader { get; init; }
    /// <summary>Drop crossed quotes (ask &lt; bid) instead of keeping them.</summary>
    public bool DropCrossed { get; init; }
    /// <summary>Drop price outliers (<see cref="PriceOutlierDetector"/>) instead of keeping them.</summary>
    public bool DropOutliers { get; init; }
    /// <summary>The import fails when invalid rows exceed this share of all rows read (SEMANTICS §1: 1%).</summary>
    public double MaxInvalidShare { get; init; } = 0.01;
    /// <summary>Replace existing ticks that overlap a new file's time span instead of refusing.</summary>
    public bool Replace { get; init; }
    /// <summary>How long to wait for another import of the same symbol to finish before giving up.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>Told when the import waits for another one (a line for the user).</summary>
    public Action<string>? Waiting { get; init; }
}
