using System.Diagnostics;
using System.Runtime.InteropServices;
using Finiex.Protocol;
using Finiex.Runner;

var options = RunnerOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine("usage: finiex-runner --pipe NAME --parent-pid PID --protocol N (started by finiex, not by hand)");
    return 2;
}

if (options.Protocol != ProtocolVersion.Current)
{
    Console.Error.WriteLine($"finiex-runner: this runner speaks protocol {ProtocolVersion.Current}, the parent asked for {options.Protocol}: rebuild both from one source tree.");
    return 3;
}

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
// runner does (its cancel protocol, or a kill); a runner whose parent is gone exits by itself (pipe closed, parent poll).
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => context.Cancel = true);
using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, context => context.Cancel = true);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => context.Cancel = true);

try
{
    return await new RunnerHost(options, FaultInjection.FromEnvironment()).RunAsync();
}
catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
{
    Console.Error.WriteLine($"finiex-runner: the pipe closed ({ex.GetType().Name}); exiting.");
    return 0;
}
