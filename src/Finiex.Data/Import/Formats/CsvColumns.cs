namespace Finiex.Data.Import.Formats;

/// <summary>
/// How a generic CSV file is laid out: column names (matched case-insensitively against the header),
/// the delimiter, and the time format: <c>iso</c>, <c>epoch-ms</c>, <c>epoch-s</c>, <c>epoch-us</c>, or a .NET
/// date pattern such as <c>yyyyMMdd HHmmssfff</c>.
/// </summary>
public sealed record CsvColumns
{
    public string Time { get; init; } = "time";
    public string Bid { get; init; } = "bid";
    public string Ask { get; init; } = "ask";
    public string? BidVolume { get; init; }
    public string? AskVolume { get; init; }
    public string TimeFormat { get; init; } = "iso";
    public char Delimiter { get; init; } = ',';
}
