namespace Finiex.Data;

/// <summary>
/// Reads a whole input file that has a sane size limit: what is larger (or endless, such as /dev/zero) is refused after
/// reading one byte past the limit, never loaded.
/// </summary>
public static class BoundedFile
{
    /// <exception cref="InvalidDataException">The file holds more than <paramref name="maxBytes"/> bytes.</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > maxBytes)
            {
                throw new InvalidDataException($"{path} is larger than {maxBytes / (1024 * 1024)} MB");
            }
        }

        return buffer.ToArray();
    }
}
