using System.Globalization;
using System.Net;
using Finiex.Orchestration.Processes.Transport;
using Finiex.Protocol;
using Finiex.Protocol.Security;

namespace Finiex.Orchestration.Processes.Slurm;

/// <summary>Puts the Slurm pieces together: a TCP listener runners dial back to, a job whose steps they are, and the tick-shipping rule.</summary>
internal static class SlurmRunners
{
    /// <param name="info">Where the job's id, placement and shipping decision are reported.</param>
    /// <param name="refused">Where refused connections are reported.</param>
    public static RunnerFactory Create(RunnerLaunch launch, SlurmOptions options, string storeRoot, string jobName, Action<string> info, Action<string> refused)
    {
        var secret = RunSecret.Create();
        var runId = RunnerFactory.NewRunId();
        var (bind, advertised) = ParseListen(options.Listen);
#pragma warning disable CA2000 // the factory owns its transport and launcher
        var listener = new TcpRunnerListener(bind, advertised, secret, runId, refused);
        var launcher = new SlurmLauncher(options, jobName, info);
#pragma warning restore CA2000
        info($"Runners dial back to {listener.Address} (run {runId})");
        return new RunnerFactory(launch with { StartTimeout = options.StartTimeout }, listener, launcher, secret, runId, () =>
        {
            var why = options.ShipTicks ? "--ship-ticks" : StoreVisibility.WhyNotVisible(storeRoot, launcher.Nodes);
            info(why is null
                ? $"Runners read the tick store at {storeRoot} (visible from {string.Join(", ", launcher.Nodes)})"
                : $"Ticks are shipped in the run requests ({why})");
            return why is null ? null : new TickShipment();
        });
    }

    /// <summary><c>HOST[:PORT]</c>: binds HOST when it is an address (else every interface) and advertises HOST (default: this host's name).</summary>
    internal static (IPEndPoint Bind, string Advertised) ParseListen(string? listen)
    {
        if (listen is not { Length: > 0 })
        {
            return (new IPEndPoint(IPAddress.Any, 0), Environment.MachineName);
        }

        HostPort parsed;
        try
        {
            parsed = HostPort.Parse(listen);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"--listen {ex.Message}", nameof(listen), ex);
        }

        var (host, number) = (parsed.Host, parsed.Port);
        return (new IPEndPoint(IPAddress.TryParse(host, out var address) ? address : IPAddress.Any, number), host);
    }
}
