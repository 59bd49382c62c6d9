using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Finiex.Core.Symbols;

namespace Finiex.Data.Brokers;

/// <summary>
/// Loads MetaTrader 5 broker exports in both shapes seen in the wild: symbols with <c>profit_currency</c>
/// (full export) or <c>quote_currency</c> (newer trimmed export). A symbol with missing or impossible fields is
/// kept apart in <see cref="BrokerSpec.UnusableSymbols"/> with the reason, so one odd CFD does not sink the broker.
/// </summary>
public static class BrokerSpecLoader
{
    private static readonly ConcurrentDictionary<(string Path, DateTime Modified), BrokerSpec> Cache = new();

    /// <summary>Loads a file once per modification time (a batch names the same broker many times).</summary>
    public static BrokerSpec LoadCached(string path)
    {
        var full = Path.GetFullPath(path);
        var modified = File.Exists(full) ? File.GetLastWriteTimeUtc(full) : DateTime.MinValue;
        return Cache.GetOrAdd((full, modified), key => Load(key.Path));
    }

    /// <summary>Broker exports larger than this are refused unread (the largest real one, 956 symbols, is 0.8 MB).</summary>
    public const long MaxBytes = 64 * 1024 * 1024;

    public static BrokerSpec Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new BrokerSpecException($"{path}: broker file not found.");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(BoundedFile.ReadAllBytes(path, MaxBytes), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (InvalidDataException ex)
        {
            throw new BrokerSpecException($"{ex.Message}: a broker export is a few MB at most (the full 956-symbol export is 0.8 MB). Point account.broker at an MT5 broker export.", ex);
        }
        catch (JsonException ex)
        {
            throw new BrokerSpecException($"{path}:{(ex.LineNumber ?? 0) + 1}: not valid JSON ({ex.Message}).", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (!root.TryGetProperty("broker_info", out var info) || info.ValueKind != JsonValueKind.Object)
            {
                throw new BrokerSpecException($"{path}: $.broker_info is missing; is this a MetaTrader 5 broker export?");
            }

            if (!root.TryGetProperty("symbols", out var symbols) || symbols.ValueKind != JsonValueKind.Object)
            {
                throw new BrokerSpecException($"{path}: $.symbols is missing or not an object.");
            }

            var leverage = Number(info, "leverage");
            if (leverage is not { } lev || lev < 1 || lev != Math.Floor(lev))
            {
                throw new BrokerSpecException($"{path}: $.broker_info.leverage must be a whole number ≥ 1.");
            }

            var usable = ImmutableSortedDictionary.CreateBuilder<string, SymbolSpec>(StringComparer.Ordinal);
            var unusable = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var symbol in symbols.EnumerateObject())
            {
                var (spec, problem) = ReadSymbol(symbol.Name, symbol.Value);
                if (spec is not null)
                {
                    usable[symbol.Name] = spec;
                }
                else
                {
                    unusable[symbol.Name] = $"$.symbols.{symbol.Name}: {problem}";
                }
            }

            return new BrokerSpec
            {
                SourceFile = Path.GetFullPath(path),
                Company = Text(info, "company") ?? "",
                Server = Text(info, "server") ?? "",
                Leverage = (int)lev,
                MarginMode = Text(info, "margin_mode") ?? "",
                StopOutMode = Text(info, "stopout_mode") ?? "percent",
                StopOutLevel = Number(info, "stopout_level"),
                MarginCallLevel = Number(info, "margin_call_level") ?? 0,
                HedgingAllowed = info.TryGetProperty("hedging_allowed", out var hedging) && hedging.ValueKind == JsonValueKind.True,
                Symbols = usable.ToImmutable(),
                UnusableSymbols = unusable.ToImmutable(),
            };
        }
    }

    private static (SymbolSpec? Spec, string? Problem) ReadSymbol(string name, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return (null, "not an object");
        }

        var quote = Text(element, "quote_currency") ?? Text(element, "profit_currency");
        var baseCurrency = Text(element, "base_currency");
        var contract = Number(element, "contract_size");
        var digits = Number(element, "digits");
        var tickSize = Number(element, "tick_size");
        var volumeMin = Number(element, "volume_min");
        var volumeMax = Number(element, "volume_max");
        var volumeStep = Number(element, "volume_step");
        string? missing = (baseCurrency, quote, contract, digits, volumeMin, volumeMax, volumeStep) switch
        {
            (null, _, _, _, _, _, _) => "base_currency",
            (_, null, _, _, _, _, _) => "quote_currency (or profit_currency)",
            (_, _, null, _, _, _, _) => "contract_size",
            (_, _, _, null, _, _, _) => "digits",
            (_, _, _, _, null, _, _) => "volume_min",
            (_, _, _, _, _, null, _) => "volume_max",
            (_, _, _, _, _, _, null) => "volume_step",
            _ => null,
        };
        if (missing is not null)
        {
            return (null, $"{missing} is missing");
        }

        if (contract <= 0 || volumeStep <= 0 || volumeMin <= 0 || volumeMax < volumeMin || digits < 0 || digits > 10)
        {
            return (null, "contract_size, digits or volume limits are impossible (zero or negative)");
        }

        var point = Number(element, "point") ?? Math.Pow(10, -digits!.Value);
        return (new SymbolSpec
        {
            Name = name,
            Description = Text(element, "description") ?? "",
            BaseCurrency = baseCurrency!,
            QuoteCurrency = quote!,
            MarginCurrency = Text(element, "margin_currency") ?? baseCurrency!,
            ContractSize = contract!.Value,
            Digits = (int)digits!.Value,
            Point = point,
            TickSize = tickSize ?? point,
            VolumeMin = volumeMin!.Value,
            VolumeMax = volumeMax!.Value,
            VolumeStep = volumeStep!.Value,
            SwapMode = Text(element, "swap_mode") ?? "points",
            SwapLong = Number(element, "swap_long") ?? 0,
            SwapShort = Number(element, "swap_short") ?? 0,
            SwapRollover3Days = (int)(Number(element, "swap_rollover3days") ?? 3),
            StopsLevel = (int)(Number(element, "stops_level") ?? 0),
            TradeAllowed = !element.TryGetProperty("trade_allowed", out var allowed) || allowed.ValueKind != JsonValueKind.False,
        }, null);
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
