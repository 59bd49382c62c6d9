using System.Text;

namespace Finiex.Orchestration.Results;

/// <summary>
/// Folder names for sets and scenarios whatever they are called: letters, digits and <c>._-=+,</c> kept, anything
/// else replaced by '_', and a name longer than <see cref="MaxLength"/> cut and tagged with a distinguishing suffix
/// (the full name stays inside the files).
/// </summary>
public static class SafeFolderName
{
    /// <summary>Far below every file system's 255-byte limit, leaving room for "&lt;name&gt;.log" and temp-file names.</summary>
    public const int MaxLength = 100;

    /// <param name="name">The set's or scenario's name.</param>
    /// <param name="tag">What tells apart two long names with the same beginning (a scenario's index).</param>
    public static string For(string name, int tag)
    {
        var safe = new StringBuilder(Math.Min(name.Length, MaxLength + 16));
        foreach (var c in name)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '=' or '+' or ',' ? c : '_');
        }

        if (safe.Length == 0 || safe[0] == '.')
        {
            safe.Insert(0, '_');
        }

        var changed = safe.Length != name.Length || !safe.ToString().Equals(name, StringComparison.Ordinal);
        if (safe.Length > MaxLength || changed)
        {
            var suffix = $"~{tag}";
            if (safe.Length > MaxLength - suffix.Length)
            {
                safe.Length = MaxLength - suffix.Length;
            }

            safe.Append(suffix);
        }

        return safe.ToString();
    }
}
