namespace Finiex.Data.Import;

/// <summary>Reads one source file of a tick format into an <see cref="ImportSink"/>.</summary>
public interface ITickSourceReader
{
    /// <summary>The format name used on the command line.</summary>
    string Format { get; }

    /// <summary>Whether a file found while expanding a folder belongs to this format.</summary>
    bool Accepts(string path);

    /// <summary>Whether the rows carry bid/ask volumes.</summary>
    bool HasVolumes { get; }

    /// <summary>The unit of locations in messages: "line" or "record".</summary>
    string LocationUnit => "line";

    void Read(string path, ImportSink sink, CancellationToken cancellationToken);
}
