using System.CommandLine;
using System.Globalization;
using Finiex.Cli.Rendering;
using Finiex.Data.Import;
using Finiex.Data.Import.Formats;
using Finiex.Data.Store;
using Spectre.Console;

namespace Finiex.Cli.Commands;

/// <summary><c>finiex data import --format F --symbol S [--tz Z] PATH...</c></summary>
internal static class DataImportCommand
{
    private static readonly string[] Formats = ["lean", "dukascopy", "finiex-json", "mt5-csv", "csv"];

    public static Command Create(CliContext context)
    {
        var format = new Option<string>("--format") { Description = "Source format: " + string.Join(", ", Formats) + ".", Required = true };
        format.AcceptOnlyFromAmong(Formats);
        var symbol = new Option<string>("--symbol") { Description = "Symbol name in the store, e.g. EURUSD.", Required = true };
        var tz = new Option<string?>("--tz") { Description = "Zone of the source's local times: UTC, UTC-05, +02:00 or an IANA zone. Required for lean and mt5-csv." };
        var store = CommonOptions.Store();
        var dropCrossed = new Option<bool>("--drop-crossed") { Description = "Drop crossed quotes (ask < bid) instead of keeping them." };
        var dropOutliers = new Option<bool>("--drop-outliers") { Description = "Drop price outliers (a mid beyond 2x or below 1/2 of the recent median) instead of keeping them." };
        var maxInvalid = new Option<double>("--max-invalid-pct") { Description = "Fail when more than this percentage of rows is invalid.", DefaultValueFactory = _ => 1.0 };
        var replace = new Option<bool>("--replace") { Description = "Replace stored ticks that overlap a new file's time span." };
        var point = new Option<double?>("--point") { Description = "dukascopy: price units per integer step (default 0.001 for *JPY, else 0.00001)." };
        var timeColumn = new Option<string>("--time-column") { Description = "csv: time column name.", DefaultValueFactory = _ => "time" };
        var bidColumn = new Option<string>("--bid-column") { Description = "csv: bid column name.", DefaultValueFactory = _ => "bid" };
        var askColumn = new Option<string>("--ask-column") { Description = "csv: ask column name.", DefaultValueFactory = _ => "ask" };
        var bidVolumeColumn = new Option<string?>("--bid-volume-column") { Description = "csv: bid volume column name (optional)." };
        var askVolumeColumn = new Option<string?>("--ask-volume-column") { Description = "csv: ask volume column name (optional)." };
        var timeFormat = new Option<string>("--time-format")
        {
            Description = "csv: iso, epoch-ms, epoch-s, epoch-us or a .NET pattern such as 'yyyyMMdd HHmmssfff'.",
            DefaultValueFactory = _ => "iso",
        };
        var delimiter = new Option<char>("--delimiter") { Description = "csv: field delimiter.", DefaultValueFactory = _ => ',' };
        var paths = new Argument<string[]>("paths") { Description = "Files or folders to import.", Arity = ArgumentArity.OneOrMore };

        var command = new Command("import", "Import tick files into the store (re-importing the same files adds nothing).")
        {
            format, symbol, tz, store, dropCrossed, dropOutliers, maxInvalid, replace, point,
            timeColumn, bidColumn, askColumn, bidVolumeColumn, askVolumeColumn, timeFormat, delimiter, paths,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            try
            {
                var formatName = parse.GetValue(format)!;
                var symbolName = parse.GetValue(symbol)!;
                var zoneText = parse.GetValue(tz);
                if (zoneText is null && formatName is "lean" or "mt5-csv")
                {
                    throw new ImportException(formatName == "lean"
                        ? "LEAN tick files carry no time zone: pass --tz (FXCM data is UTC-05, Oanda data is UTC)."
                        : "MT5 exports are in the broker's server time: pass --tz (often +02:00 or Europe/Helsinki; UTC if the server runs on UTC).");
                }

                var zone = zoneText is null ? DataTimeZone.Utc : DataTimeZone.Parse(zoneText);
                ITickSourceReader reader = formatName switch
                {
                    "lean" => new LeanZipReader(zone),
                    "dukascopy" => new DukascopyBi5Reader(parse.GetValue(point) ?? DukascopyBi5Reader.DefaultPoint(symbolName)),
                    "finiex-json" => new FiniexJsonReader(),
                    "mt5-csv" => new Mt5CsvReader(zone),
                    _ => new GenericCsvReader(new CsvColumns
                    {
                        Time = parse.GetValue(timeColumn)!,
                        Bid = parse.GetValue(bidColumn)!,
                        Ask = parse.GetValue(askColumn)!,
                        BidVolume = parse.GetValue(bidVolumeColumn),
                        AskVolume = parse.GetValue(askVolumeColumn),
                        TimeFormat = parse.GetValue(timeFormat)!,
                        Delimiter = parse.GetValue(delimiter),
                    }, zone),
                };
                var maxInvalidPct = parse.GetValue(maxInvalid);
                if (maxInvalidPct is < 0 or > 100)
                {
                    throw new ImportException("--max-invalid-pct must lie between 0 and 100.");
                }

                var tickStore = TickStore.Resolve(parse.GetValue(store));
                var request = new ImportRequest
                {
                    Symbol = symbolName,
                    Paths = parse.GetValue(paths)!,
                    Reader = reader,
                    DropCrossed = parse.GetValue(dropCrossed),
                    DropOutliers = parse.GetValue(dropOutliers),
                    MaxInvalidShare = maxInvalidPct / 100,
                    Replace = parse.GetValue(replace),
                    Waiting = message => context.ErrorConsole.MarkupLineInterpolated($"[yellow]note:[/] {message}"),
                };
                context.ErrorConsole.MarkupLineInterpolated($"Importing [bold]{symbolName}[/] ({formatName}, times in {zone}) into {tickStore.Root}");
                var progress = new Progress(context);
                var result = new TickImporter(tickStore).Import(request, progress, cancellationToken);
                ImportReportRenderer.Render(context.Console, result);
                return Task.FromResult(result.Succeeded ? ExitCodes.Success : ExitCodes.Failed);
            }
            catch (Exception ex) when (ex is ImportException or FormatException or StoreCorruptException or IOException or UnauthorizedAccessException)
            {
                context.ErrorConsole.MarkupLineInterpolated($"[red]error:[/] {ex.Message}");
                return Task.FromResult(ex is StoreCorruptException or IOException ? ExitCodes.Failed : ExitCodes.InvalidInput);
            }
        });
        return command;
    }

    /// <summary>One line per file: a large import shows where it is and how fast it goes.</summary>
    private sealed class Progress(CliContext context) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            var rate = value.Elapsed.TotalSeconds > 0 ? value.TicksSoFar / value.Elapsed.TotalSeconds : 0;
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  [{value.FilesDone}/{value.FilesTotal}] {Path.GetFileName(value.File)}  {value.TicksSoFar:N0} ticks  {rate:N0} ticks/s"));
        }
    }
}
