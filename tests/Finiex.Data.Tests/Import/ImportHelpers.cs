using Finiex.Data.Import;
using Finiex.Data.Store;

namespace Finiex.Data.Tests.Import;

internal static class ImportHelpers
{
    public static ImportResult ImportInto(TickStore store, ITickSourceReader reader, string symbol, params string[] paths) =>
        new TickImporter(store).Import(new ImportRequest { Symbol = symbol, Paths = paths, Reader = reader });

    public static (long[] Times, double[] Bids, double[] Asks) ReadAll(TickStore store, string symbol)
    {
        using var file = store.OpenTicks(symbol);
        return (file.Times(0, file.Count).ToArray(), file.Bids(0, file.Count).ToArray(), file.Asks(0, file.Count).ToArray());
    }

    /// <summary>The rows of a LEAN zip's CSV, parsed independently of the importer.</summary>
    public static List<(double Ms, double Bid, double Ask)> LeanRows(string zip)
    {
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries[0].Open());
        var rows = new List<(double, double, double)>();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var f = line.Split(',');
            rows.Add((double.Parse(f[0], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture),
                double.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
