using System.Globalization;
using Finiex.Protocol.Security;

namespace Finiex.Runner;

/// <summary>
/// The runner's command line: <c>(--pipe NAME | --connect HOST:PORT) --run-id RUN --runner-id ID --protocol N
/// [--parent-silence SECONDS]</c>; the run's secret comes from the environment (<see cref="RunSecret.Variable"/>).
/// </summary>
internal sealed record RunnerOptions(string? Pipe, string? Connect, string RunId, string RunnerId, int Protocol, TimeSpan ParentSilence)
{
    public static readonly TimeSpan DefaultParentSilence = TimeSpan.FromSeconds(20);

    public const string Usage = "usage: finiex-runner (--pipe NAME | --connect HOST:PORT) --run-id RUN --runner-id ID --protocol N [--parent-silence SECONDS] "
        + "with " + RunSecret.Variable + " in the environment (started by finiex, not by hand)";

    public static RunnerOptions? Parse(string[] args)
    {
        string? pipe = null, connect = null, runId = null, runnerId = null;
        int? protocol = null;
        var silence = DefaultParentSilence;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--pipe": pipe = args[i + 1]; break;
                case "--connect": connect = args[i + 1]; break;
                case "--run-id": runId = args[i + 1]; break;
                case "--runner-id": runnerId = args[i + 1]; break;
                case "--protocol": protocol = int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : null; break;
                case "--parent-silence":
                    silence = double.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var s) && s > 0 ? TimeSpan.FromSeconds(s) : silence;
                    break;
            }
        }

        return (pipe is null) == (connect is null) || runId is null || runnerId is null || protocol is null
            ? null
            : new RunnerOptions(pipe, connect, runId, runnerId, protocol.Value, silence);
    }
}
