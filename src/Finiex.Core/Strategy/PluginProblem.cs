namespace Finiex.Core.Strategy;

/// <summary>Why a plug-in could not be used: <paramref name="Origin"/> is where it was named (a JSON path or <c>--plugin</c>).</summary>
public sealed record PluginProblem(string Origin, string Message, string Hint);
