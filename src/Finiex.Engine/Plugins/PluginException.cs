namespace Finiex.Engine.Plugins;

/// <summary>A plug-in assembly cannot be used: <see cref="Exception.Message"/> says why, <see cref="Hint"/> what to do.</summary>
public sealed class PluginException(string message, string hint, Exception? inner = null) : Exception(message, inner)
{
    public string Hint { get; } = hint;
}
