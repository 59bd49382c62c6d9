using System.Net;
using Finiex.Orchestration.Processes.Slurm;

namespace Finiex.Orchestration.Tests;

/// <summary>The rules a Slurm run decides by without a cluster: whether the nodes see the store, and where runners dial back.</summary>
public sealed class SlurmRulesTests
{
    private static string Mounts(params string[] lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"finiex-mounts-{Guid.NewGuid():N}");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void The_store_is_visible_when_the_job_runs_here_or_the_store_is_on_a_network_filesystem()
    {
        var mounts = Mounts("/dev/sda1 / ext4 rw 0 0", "server:/export /shared nfs4 rw 0 0", "/dev/sdb1 /shared/local ext4 rw 0 0");
        try
        {
            Assert.Null(StoreVisibility.WhyNotVisible("/home/me/store", [Environment.MachineName], mounts));
            Assert.Null(StoreVisibility.WhyNotVisible("/home/me/store", [Environment.MachineName.ToUpperInvariant() + ".cluster.local"], mounts));
            Assert.Null(StoreVisibility.WhyNotVisible("/shared/finiex/store", ["node1", "node2"], mounts));
            Assert.Equal("the store /home/me/store is on a ext4 filesystem of this machine and the job runs on node1, node2",
                StoreVisibility.WhyNotVisible("/home/me/store", ["node1", "node2"], mounts));
            // The longest mount point wins: a local disk mounted inside the shared tree is local.
            Assert.NotNull(StoreVisibility.WhyNotVisible("/shared/local/store", ["node1"], mounts));
        }
        finally
        {
            File.Delete(mounts);
        }
    }

    [Fact]
    public void A_job_that_ran_out_of_time_reads_as_such_whether_Slurm_still_completes_it_or_has_done_so()
    {
        Dictionary<string, string> Job(string state, string reason) => new() { ["JobState"] = state, ["Reason"] = reason, ["TimeLimit"] = "00:01:00" };

        Assert.Null(SlurmAllocation.Explain("12", Job("RUNNING", "None")));
        Assert.Equal("Slurm job 12 is TIMEOUT: its time limit (00:01:00, --time) was reached", SlurmAllocation.Explain("12", Job("TIMEOUT", "TimeLimit")));
        Assert.Equal("Slurm job 12 is TIMEOUT: its time limit (00:01:00, --time) was reached", SlurmAllocation.Explain("12", Job("COMPLETING", "TimeLimit")));
        Assert.Equal("Slurm job 12 is CANCELLED: it was canceled (scancel)", SlurmAllocation.Explain("12", Job("CANCELLED", "None")));
        Assert.Equal("Slurm job 12 is GONE: Slurm no longer knows it", SlurmAllocation.Explain("12", new Dictionary<string, string>()));
    }

    [Theory]
    [InlineData(null, "0.0.0.0", 0, null)]
    [InlineData("login1", "0.0.0.0", 0, "login1")]
    [InlineData("login1:7000", "0.0.0.0", 7000, "login1")]
    [InlineData("10.1.2.3:7000", "10.1.2.3", 7000, "10.1.2.3")]
    [InlineData("[fd00::1]:7000", "fd00::1", 7000, "fd00::1")]
    [InlineData("fd00::1", "fd00::1", 0, "fd00::1")]
    public void Listen_binds_an_address_it_is_given_and_advertises_the_name(string? listen, string bind, int port, string? advertised)
    {
        var (endpoint, name) = SlurmRunners.ParseListen(listen);

        Assert.Equal(IPAddress.Parse(bind), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
        Assert.Equal(advertised ?? Environment.MachineName, name);
    }

    [Fact]
    public void Listen_refuses_a_port_that_is_not_one()
    {
        var error = Assert.Throws<ArgumentException>(() => SlurmRunners.ParseListen("login1:http"));
        Assert.Contains("--listen login1:http", error.Message, StringComparison.Ordinal);
    }
}
