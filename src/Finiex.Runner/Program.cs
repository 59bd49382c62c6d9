using System.Diagnostics;
using System.Runtime.InteropServices;
using Finiex.Protocol;
using Finiex.Protocol.Security;
using Finiex.Runner;

var options = RunnerOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(RunnerOptions.Usage);
    return 2;
}

if (options.Protocol != ProtocolVersion.Current)
{
    Console.Error.WriteLine($"finiex-runner: this runner speaks protocol {ProtocolVersion.Current}, the parent asked for {options.Protocol}: rebuild both from one source tree.");
    return 3;
}

var secret = RunSecret.Decode(Environment.GetEnvironmentVariable(RunSecret.Variable));
if (secret is null)
{
    Console.Error.WriteLine($"finiex-runner: no run secret in {RunSecret.Variable} (32 bytes, base64); the parent sets it.");
    return 2;
}

Environment.SetEnvironmentVariable(RunSecret.Variable, null); // strategy and plug-in code never sees it

if (Environment.GetEnvironmentVariable("FINIEX_RUNNER_DEBUG") == "1")
{
    Console.Error.WriteLine($"finiex-runner: pid {Environment.ProcessId} waiting for a debugger to attach (FINIEX_RUNNER_DEBUG=1)...");
    var waited = Stopwatch.StartNew();
    while (!Debugger.IsAttached && waited.Elapsed < TimeSpan.FromMinutes(5))
    {
        Thread.Sleep(200);
    }
}

// A Ctrl+C on the terminal reaches the whole foreground process group, runners included. The parent decides what a
// runner does (its cancel protocol, or a kill); a runner whose parent is gone exits by itself (connection closed, or
// the parent's heartbeat silent). Under Slurm a SIGTERM is the scheduler's (scancel, time limit): the runner obeys it.
var underSlurm = Environment.GetEnvironmentVariable("SLURM_JOB_ID") is { Length: > 0 };
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = !underSlurm);

try
{
    return await new RunnerHost(options, secret, FaultInjection.FromEnvironment()).RunAsync();
}
catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException)
{
    Console.Error.WriteLine($"finiex-runner: the connection to the parent closed or could not be opened ({ex.GetType().Name}: {ex.Message}); exiting.");
    return 0;
}
