using System.Text.Json;

namespace Finiex.Data.Import.Formats;

/// <summary>
/// MT5 TickCollector JSON (<c>{metadata{symbol, broker_utc_offset_hours, ...}, ticks[{time_msc, bid, ask, ...}]}</c>).
/// <c>time_msc</c> is in broker time; UTC = time_msc − broker_utc_offset_hours · 3 600 000.
/// </summary>
public sealed class FiniexJsonReader : ITickSourceReader
{
    public string Format => "finiex-json";

    public bool HasVolumes => false;

    /// <summary>The symbol named in the last file's metadata, so the importer can warn on a mismatch.</summary>
    public string? LastMetadataSymbol { get; private set; }

    public bool Accepts(string path) => path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public void Read(string path, ImportSink sink, CancellationToken cancellationToken)
    {
        var bytes = File.ReadAllBytes(path);
        try
        {
            ReadDocument(path, bytes, sink);
        }
        catch (JsonException ex)
        {
            throw new ImportException($"{path}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message}).", ex);
        }
    }

    private void ReadDocument(string path, byte[] bytes, ImportSink sink)
    {
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        double? offsetHours = null;
        var ticks = new List<(long Line, JsonElement Tick)>();
        var sawTicks = false;
        LastMetadataSymbol = null;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ImportException($"{path}: expected a JSON object with 'metadata' and 'ticks'.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "metadata" && reader.TokenType == JsonTokenType.StartObject)
            {
                using var metadata = JsonDocument.ParseValue(ref reader);
                if (metadata.RootElement.TryGetProperty("broker_utc_offset_hours", out var offset) && offset.ValueKind == JsonValueKind.Number)
                {
                    offsetHours = offset.GetDouble();
                }

                if (metadata.RootElement.TryGetProperty("symbol", out var symbol) && symbol.ValueKind == JsonValueKind.String)
                {
                    LastMetadataSymbol = symbol.GetString();
                }
            }
            else if (name == "ticks" && reader.TokenType == JsonTokenType.StartArray)
            {
                sawTicks = true;
                var lineCounter = new LineCounter(bytes);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var line = lineCounter.LineOf(reader.TokenStartIndex);
                    using var tick = JsonDocument.ParseValue(ref reader);
                    ticks.Add((line, tick.RootElement.Clone()));
                }
            }
            else
            {
                reader.Skip();
            }
        }

        if (!sawTicks)
        {
            throw new ImportException($"{path}: no 'ticks' array found; is this a TickCollector JSON file?");
        }

        if (offsetHours is null)
        {
            throw new ImportException($"{path}: metadata.broker_utc_offset_hours is missing; without it broker times cannot be turned into UTC.");
        }

        var offsetMs = (long)Math.Round(offsetHours.Value * 3_600_000);
        foreach (var (line, tick) in ticks)
        {
            if (tick.ValueKind != JsonValueKind.Object)
            {
                sink.AddInvalid(line, "tick is not a JSON object");
            }
            else if (!TryNumber(tick, "time_msc", out var timeMsc) || timeMsc != Math.Floor(timeMsc))
            {
                sink.AddInvalid(line, "missing or unparsable time_msc");
            }
            else if (!TryNumber(tick, "bid", out var bid))
            {
                sink.AddInvalid(line, "missing or unparsable bid");
            }
            else if (!TryNumber(tick, "ask", out var ask))
            {
                sink.AddInvalid(line, "missing or unparsable ask");
            }
            else
            {
                sink.AddTick(line, (long)timeMsc - offsetMs, bid, ask);
            }
        }
    }

    private static bool TryNumber(JsonElement element, string name, out double value)
    {
        value = 0;
        return element.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.Number && property.TryGetDouble(out value);
    }

    /// <summary>Turns byte offsets into 1-based line numbers, scanning forward only.</summary>
    private sealed class LineCounter(byte[] bytes)
    {
        private long _position;
        private long _line = 1;

        public long LineOf(long offset)
        {
            for (; _position < offset && _position < bytes.Length; _position++)
            {
                if (bytes[_position] == (byte)'\n')
                {
                    _line++;
                }
            }

            return _line;
        }
    }
}
