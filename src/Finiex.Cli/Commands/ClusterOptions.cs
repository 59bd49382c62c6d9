using System.CommandLine;
using Finiex.Orchestration.Processes.Slurm;

namespace Finiex.Cli.Commands;

/// <summary>
/// <c>finiex run</c>'s options for running on a cluster: <c>--cluster slurm</c> and what the Slurm job asks for
/// (<c>--ntasks</c>, <c>--partition</c>, <c>--time</c>, <c>--slurm-arg</c>), where runners dial back (<c>--listen</c>) and
/// <c>--ship-ticks</c>. The Slurm options without <c>--cluster slurm</c> are refused, as is another <c>--mode</c>.
/// </summary>
internal sealed class ClusterOptions
{
    private readonly Option<string?> _cluster = new("--cluster")
    {
        Description = "Run the runners on a cluster instead of this machine: slurm (an allocation of --ntasks tasks, one runner per task as a job step).",
    };

    private readonly Option<int?> _tasks = new("--ntasks") { Description = "Slurm tasks (runners, slots) to allocate (default: --parallel, else this machine's core count)." };
    private readonly Option<string?> _partition = new("--partition") { Description = "Slurm partition of the job (default: the cluster's default)." };
    private readonly Option<string?> _time = new("--time") { Description = "The Slurm job's time limit (salloc --time: minutes, HH:MM:SS, D-HH...); scenarios still running then fail with that reason." };
    private readonly Option<string[]> _slurmArguments = new("--slurm-arg")
    {
        Description = "One more salloc argument, as it is (repeatable): --slurm-arg=--account=desk --slurm-arg=--mem-per-cpu=2G.",
        AllowMultipleArgumentsPerToken = false,
    };

    private readonly Option<string?> _listen = new("--listen") { Description = "HOST[:PORT] the runners dial back to: this machine as the compute nodes reach it (default: its host name, a free port)." };
    private readonly Option<bool> _shipTicks = new("--ship-ticks") { Description = "Send each tick range to the runners in the run requests (packed, compressed) instead of letting them read the store; automatic when the store is not on a shared filesystem." };

    public ClusterOptions()
    {
        _cluster.AcceptOnlyFromAmong("slurm");
        _tasks.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } n and (< 1 or > CommonOptions.MaxParallel * 64))
            {
                result.AddError($"--ntasks must be from 1 to {CommonOptions.MaxParallel * 64}, not {n}.");
            }
        });
    }

    public IEnumerable<Option> All => [_cluster, _tasks, _partition, _time, _slurmArguments, _listen, _shipTicks];

    /// <summary>Refuses Slurm options without <c>--cluster slurm</c>, and a <c>--mode</c> other than processes with it.</summary>
    public void Validate(Command command, Option<string?> mode)
    {
        command.Validators.Add(result =>
        {
            // Tokens, not values: a command validator runs even when an option's own value was refused, and must not throw then.
            var onCluster = result.GetResult(_cluster) is { Tokens.Count: > 0 };
            Option[] slurmOnly = [_tasks, _partition, _time, _slurmArguments, _listen, _shipTicks];
            if (!onCluster && slurmOnly.FirstOrDefault(option => result.GetResult(option) is { Implicit: false }) is { } stray)
            {
                result.AddError($"{stray.Name} needs --cluster slurm: finiex run SET.json --cluster slurm {stray.Name} ...");
            }

            if (onCluster && result.GetResult(mode) is { Tokens: [{ Value: var chosen }, ..] } && chosen != "processes")
            {
                result.AddError($"--mode {chosen} runs on this machine; --cluster slurm runs runner processes on the cluster: drop one of them.");
            }

            if (onCluster && SlurmCommands.Missing() is { Count: > 0 } missing)
            {
                result.AddError($"--cluster slurm needs the Slurm client commands, and these are not on PATH: {string.Join(", ", missing)}. Install them (Debian: apt-get install slurm-client munge) on a machine that can submit jobs, or run without --cluster.");
            }
        });
    }

    /// <summary>The Slurm settings asked for, or null to run here.</summary>
    public SlurmOptions? Read(ParseResult parse, int? parallel) => parse.GetValue(_cluster) is null ? null : new SlurmOptions
    {
        Tasks = parse.GetValue(_tasks) ?? parallel ?? Environment.ProcessorCount,
        Partition = parse.GetValue(_partition),
        Time = parse.GetValue(_time),
        ExtraArguments = parse.GetValue(_slurmArguments) ?? [],
        Listen = parse.GetValue(_listen),
        ShipTicks = parse.GetValue(_shipTicks),
    };
}
