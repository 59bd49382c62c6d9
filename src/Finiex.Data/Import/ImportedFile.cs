using Finiex.Data.Store;

namespace Finiex.Data.Import;

/// <summary>The outcome of one source file: read (with its quality) or skipped because it was imported before.</summary>
public sealed record ImportedFile(string Path, bool AlreadyImported, ImportQuality Quality);
