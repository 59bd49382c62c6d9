using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Finiex.Core.Ticks;
using Finiex.Data.Store;
using Finiex.Data.Ticks;

namespace Finiex.Data.Import;

/// <summary>
/// Reads source files, checks their quality (SEMANTICS §1), and merges them into a symbol of the store.
/// A file already imported (same content hash) is skipped, so re-importing never duplicates ticks.
/// New ticks that overlap existing ticks from other files are refused unless <see cref="ImportRequest.Replace"/>.
/// Nothing is written when the import fails. Imports of one symbol take turns (<see cref="SymbolLock"/>).
/// </summary>
public sealed class TickImporter(TickStore store)
{
    public ImportResult Import(ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        ValidateSymbol(request.Symbol);
        var files = ExpandPaths(request.Paths, request.Reader);
        // One writer per symbol: a second import waits, so neither loses the other's ticks.
        using var symbolLock = SymbolLock.Acquire(store, request.Symbol, request.LockWait, request.Waiting);
        var damage = store.Contains(request.Symbol) ? store.Damage(request.Symbol)?.Problem : null;
        if (damage is not null && !request.Replace)
        {
            throw new ImportException(
                $"{request.Symbol} in {store.Root} is damaged: {damage}. Import its source files again with --replace to rebuild it from them "
                + $"(finiex data import --store {store.Root} --symbol {request.Symbol} --replace ...), or remove it first: finiex data remove {request.Symbol} --store {store.Root}");
        }

        // A damaged symbol imported with --replace is rebuilt from the files given alone.
        var manifest = store.Contains(request.Symbol) && damage is null ? store.ReadManifest(request.Symbol) : null;
        string[] rebuilt = damage is null ? [] : [$"{request.Symbol} was damaged ({damage}); it was rebuilt from the files given, and ticks of other files it held are gone"];
        var knownHashes = manifest?.Sources.Select(s => s.Sha256).ToHashSet(StringComparer.Ordinal) ?? [];

        var (outcomes, fresh, ticksSoFar) = ReadFiles(files, knownHashes, request, progress, clock, cancellationToken);

        var quality = ImportQuality.Sum(fresh.Select(f => f.Record.Quality));
        ImportResult Result(bool ok, string? failure = null) => new()
        {
            Symbol = request.Symbol,
            Succeeded = ok,
            FailureReason = failure,
            Files = outcomes,
            Quality = quality,
            Elapsed = clock.Elapsed,
        };

        var totalRows = quality.RowsRead - quality.Skipped;
        if (totalRows > 0 && (double)quality.InvalidTotal / totalRows > request.MaxInvalidShare)
        {
            return Result(false,
                $"{quality.InvalidTotal:N0} of {totalRows:N0} rows are invalid ({100.0 * quality.InvalidTotal / totalRows:0.##}%), over the "
                + $"{request.MaxInvalidShare * 100:0.##}% threshold; nothing was written. Check the format and --tz, or raise --max-invalid-pct.");
        }

        if (fresh.Count == 0)
        {
            return Result(true) with
            {
                TicksInStore = manifest?.TickCount ?? 0,
                Manifest = manifest,
                Warnings = files.Count > 0 ? ["every file was imported before; the store is unchanged"] : [],
            };
        }

        var existing = manifest is null ? new TickColumns(request.Reader.HasVolumes) : store.LoadAll(request.Symbol);
        var sources = manifest?.Sources.ToList() ?? [];
        var replaced = RemoveOverlaps(request, existing, sources, fresh);

        var incoming = new TickColumns(existing.HasVolumes || request.Reader.HasVolumes, (int)Math.Min(int.MaxValue, ticksSoFar + 16));
        foreach (var (_, ticks) in fresh)
        {
            incoming.AddRange(ticks, 0, ticks.Count);
        }

        incoming.SortByTimeStable();
        var merged = TickColumns.MergeSorted(existing, incoming);
        sources.AddRange(fresh.Select(f => f.Record));
        cancellationToken.ThrowIfCancellationRequested();
        var written = store.Commit(request.Symbol, merged, [.. sources.OrderBy(s => s.FirstMs).ThenBy(s => s.Path, StringComparer.Ordinal)]);
        return Result(true) with
        {
            Warnings = rebuilt,
            TicksAdded = incoming.Count,
            TicksReplaced = replaced,
            TicksInStore = merged.Count,
            Manifest = written,
        };
    }

    /// <summary>
    /// Hashes every file, skips those imported before (or named twice), and reads the rest on all cores; the results
    /// come back in file order, so the store does not depend on which file finished first. The first failing file in
    /// that order (among those read before the failure stopped the others) is the one reported.
    /// </summary>
    private static (List<ImportedFile> Outcomes, List<(SourceRecord Record, TickColumns Ticks)> Fresh, long Ticks) ReadFiles(
        IReadOnlyList<string> files, HashSet<string> knownHashes, ImportRequest request, IProgress<ImportProgress>? progress, Stopwatch clock,
        CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var hashes = new string[files.Count];
        Parallel.For(0, files.Count, parallel, i => hashes[i] = Sha256(files[i]));
        var fresh = Enumerable.Range(0, files.Count).Where(i => knownHashes.Add(hashes[i])).ToList();

        var read = new (SourceRecord Record, TickColumns Ticks)?[files.Count];
        var failures = new Exception?[files.Count];
        var filesDone = files.Count - fresh.Count;
        long ticksSoFar = 0;
        var reporting = new object();
        Parallel.ForEach(fresh, parallel, (i, loop) =>
        {
            try
            {
                var result = ReadFile(files[i], hashes[i], request, cancellationToken);
                read[i] = result;
                lock (reporting)
                {
                    ticksSoFar += result.Ticks.Count;
                    progress?.Report(new ImportProgress(++filesDone, files.Count, files[i], ticksSoFar, clock.Elapsed));
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                failures[i] = ex;
                loop.Stop();
            }
        });
        if (failures.FirstOrDefault(f => f is not null) is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }

        var outcomes = new List<ImportedFile>(files.Count);
        var kept = new List<(SourceRecord Record, TickColumns Ticks)>();
        for (var i = 0; i < files.Count; i++)
        {
            if (read[i] is not { } file)
            {
                outcomes.Add(new ImportedFile(files[i], AlreadyImported: true, new ImportQuality()));
                continue;
            }

            outcomes.Add(new ImportedFile(files[i], AlreadyImported: false, file.Record.Quality));
            if (file.Ticks.Count > 0 || file.Record.Quality.RowsRead > 0)
            {
                kept.Add(file);
            }
        }

        return (outcomes, kept, ticksSoFar);
    }

    /// <summary>The files a list of paths names: files as given, folders searched recursively for the format's files.</summary>
    public static IReadOnlyList<string> ExpandPaths(IReadOnlyList<string> paths, ITickSourceReader reader)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(Path.GetFullPath(path));
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Where(reader.Accepts).ToList();
                if (found.Count == 0)
                {
                    throw new ImportException($"{path}: the folder holds no {reader.Format} files.");
                }

                files.AddRange(found.Select(Path.GetFullPath));
            }
            else
            {
                throw new ImportException($"{path}: no such file or folder.");
            }
        }

        return [.. files.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static (SourceRecord Record, TickColumns Ticks) ReadFile(string file, string hash, ImportRequest request, CancellationToken cancellationToken)
    {
        var sink = new ImportSink(file, request.Reader.HasVolumes, request.Reader.LocationUnit, request.DropOutliers);
        request.Reader.Read(file, sink, cancellationToken);
        var ticks = sink.Ticks;
        var moved = ticks.SortByTimeStable();
        var duplicates = CountDuplicates(ticks);
        var dropped = request.DropCrossed ? ticks.RemoveWhere((_, bid, ask) => ask < bid) : 0;
        var quality = sink.Quality() with
        {
            OutOfOrderMoved = moved,
            Duplicates = duplicates,
            CrossedDropped = dropped,
            TicksStored = ticks.Count,
        };
        var record = new SourceRecord
        {
            Path = Path.GetRelativePath(Environment.CurrentDirectory, file),
            Format = request.Reader.Format,
            Length = new FileInfo(file).Length,
            Sha256 = hash,
            ImportedAt = DateTimeOffset.UtcNow,
            FirstMs = ticks.Count > 0 ? ticks.Times[0] : 0,
            LastMs = ticks.Count > 0 ? ticks.Times[^1] : 0,
            Quality = quality,
        };
        return (record, ticks);
    }

    /// <summary>Exact duplicate rows (same time, bid and ask) are counted and kept (SEMANTICS §1).</summary>
    private static long CountDuplicates(TickColumns ticks)
    {
        long duplicates = 0;
        var times = ticks.Times;
        var bids = ticks.Bids;
        var asks = ticks.Asks;
        for (var i = 1; i < times.Length; i++)
        {
            // Rows with equal times are adjacent after the stable sort; compare against all earlier rows of that time.
            for (var j = i - 1; j >= 0 && times[j] == times[i]; j--)
            {
                if (bids[j].Equals(bids[i]) && asks[j].Equals(asks[i]))
                {
                    duplicates++;
                    break;
                }
            }
        }

        return duplicates;
    }

    private static long RemoveOverlaps(ImportRequest request, TickColumns existing, List<SourceRecord> sources,
        List<(SourceRecord Record, TickColumns Ticks)> fresh)
    {
        long removed = 0;
        foreach (var (record, ticks) in fresh)
        {
            if (ticks.Count == 0)
            {
                continue;
            }

            var (first, last) = (record.FirstMs, record.LastMs);
            var overlapping = CountInRange(existing.Times, first, last);
            if (overlapping == 0)
            {
                continue;
            }

            if (!request.Replace)
            {
                throw new ImportException(
                    $"{record.Path}: its ticks ({Format(first)} .. {Format(last)}) overlap {overlapping:N0} ticks already stored for "
                    + $"{request.Symbol} from other files. Mixing feeds in one symbol would corrupt it: import under another --symbol, "
                    + "or pass --replace to replace the stored ticks in that span.");
            }

            removed += existing.RemoveWhere((time, _, _) => time >= first && time <= last);
            sources.RemoveAll(s => s.FirstMs >= first && s.LastMs <= last);
        }

        return removed;
    }

    private static long CountInRange(ReadOnlySpan<long> times, long first, long last)
    {
        var start = TickTimes.LowerBound(times, first);
        var end = TickTimes.LowerBound(times, last + 1);
        return end - start;
    }

    private static string Sha256(string file)
    {
        using var stream = File.OpenRead(file);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string Format(long ms) => Finiex.Sdk.Time.UtcTime.Format(ms);

    private static void ValidateSymbol(string symbol)
    {
        if (string.IsNullOrWhiteSpace(symbol) || symbol.Length > 16 || symbol.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            throw new ImportException(string.Create(CultureInfo.InvariantCulture,
                $"--symbol '{symbol}' is not a valid symbol name: use 1-16 letters, digits, '.', '_' or '-' (e.g. EURUSD)."));
        }
    }
}
