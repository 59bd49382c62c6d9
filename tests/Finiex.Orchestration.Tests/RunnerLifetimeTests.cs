using System.Diagnostics;
using Finiex.Orchestration.Processes;

namespace Finiex.Orchestration.Tests;

/// <summary>A runner never outlives its parent and refuses a protocol it does not speak.</summary>
[Collection("processes")]
public sealed class RunnerLifetimeTests
{
    private static Process StartRunner(int parentPid, int protocol = Protocol.ProtocolVersion.Current)
    {
        var launch = RunnerLaunch.Default();
        var info = new ProcessStartInfo(launch.Host) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "exec", launch.RunnerDll, "--pipe", $"fx-test-{Guid.NewGuid():N}"[..20], "--parent-pid", parentPid.ToString(System.Globalization.CultureInfo.InvariantCulture), "--protocol", protocol.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        return Process.Start(info)!;
    }

    [Fact(Timeout = 30_000)]
    public async Task A_runner_exits_on_its_own_when_its_parent_dies()
    {
        using var parent = Process.Start(new ProcessStartInfo("sleep", "1") { UseShellExecute = false })!;
        using var runner = StartRunner(parent.Id);

        var exited = await Task.Run(() => runner.WaitForExit(TimeSpan.FromSeconds(10)));

        if (!exited)
        {
            runner.Kill(entireProcessTree: true);
        }

        Assert.True(exited, "the runner outlived its parent by more than 10 s");
        Assert.Contains($"parent {parent.Id} is gone", await runner.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_runner_refuses_another_protocol_version()
    {
        using var runner = StartRunner(Environment.ProcessId, protocol: 99);
        var exited = await Task.Run(() => runner.WaitForExit(TimeSpan.FromSeconds(10)));
        Assert.True(exited);
        Assert.Equal(3, runner.ExitCode);
        Assert.Contains($"speaks protocol {Protocol.ProtocolVersion.Current}", await runner.StandardError.ReadToEndAsync(), StringComparison.Ordinal);
    }
}
