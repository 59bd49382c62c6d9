using System.Globalization;
using System.Text;

namespace Finiex.Data.Import.Formats;

/// <summary>
/// MetaTrader 5 tick export: a header <c>&lt;DATE&gt; &lt;TIME&gt; &lt;BID&gt; &lt;ASK&gt; &lt;LAST&gt; &lt;VOLUME&gt; &lt;FLAGS&gt;</c>,
/// tab-separated rows in broker time (<c>2025.10.14  17:56:26.346</c>), often UTF-16. An empty bid or ask means
/// "unchanged" and is carried forward; a row with neither is a last-price row and carries no quote.
/// </summary>
public sealed class Mt5CsvReader(DataTimeZone zone) : ITickSourceReader
{
    public string Format => "mt5-csv";

    public bool HasVolumes => false;

    public bool Accepts(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".txt", StringComparison.OrdinalIgnoreCase);

    public void Read(string path, ImportSink sink, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var header = reader.ReadLine();
        if (header is null)
        {
            return;
        }

        var delimiter = header.Contains('\t') ? '\t' : ',';
        var columns = header.Split(delimiter).Select(c => c.Trim().Trim('<', '>').ToUpperInvariant()).ToList();
        int Column(string name) => columns.IndexOf(name) is var index and >= 0
            ? index
            : throw new ImportException($"{path}:1: the header has no <{name}> column; an MT5 tick export starts with <DATE> <TIME> <BID> <ASK> <LAST> <VOLUME> <FLAGS>.");
        var dateColumn = Column("DATE");
        var timeColumn = Column("TIME");
        var bidColumn = Column("BID");
        var askColumn = Column("ASK");

        double bid = double.NaN, ask = double.NaN;
        long line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if ((line & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(delimiter);
            if (fields.Length <= Math.Max(Math.Max(dateColumn, timeColumn), Math.Max(bidColumn, askColumn)))
            {
                sink.AddInvalid(line, "too few fields");
                continue;
            }

            if (!TryParseLocal(fields[dateColumn].Trim(), fields[timeColumn].Trim(), out var localMs))
            {
                sink.AddInvalid(line, "unparsable date or time");
                continue;
            }

            var bidText = fields[bidColumn].Trim();
            var askText = fields[askColumn].Trim();
            if (bidText.Length == 0 && askText.Length == 0)
            {
                sink.Skip();
                continue;
            }

            if (bidText.Length > 0 && !double.TryParse(bidText, NumberStyles.Float, CultureInfo.InvariantCulture, out bid))
            {
                bid = double.NaN;
                sink.AddInvalid(line, "unparsable bid");
                continue;
            }

            if (askText.Length > 0 && !double.TryParse(askText, NumberStyles.Float, CultureInfo.InvariantCulture, out ask))
            {
                ask = double.NaN;
                sink.AddInvalid(line, "unparsable ask");
                continue;
            }

            if (double.IsNaN(bid) || double.IsNaN(ask))
            {
                sink.AddInvalid(line, "empty bid or ask with no earlier value to carry forward");
                continue;
            }

            sink.AddTick(line, zone.ToUtc(localMs), bid, ask);
        }
    }

    private static bool TryParseLocal(string date, string time, out long localMs)
    {
        localMs = 0;
        string[] formats = ["yyyy.MM.dd HH:mm:ss.fff", "yyyy.MM.dd HH:mm:ss", "yyyy.MM.dd HH:mm"];
        if (!DateTime.TryParseExact($"{date} {time}", formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return false;
        }

        localMs = (value.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMillisecond;
        return true;
    }
}
