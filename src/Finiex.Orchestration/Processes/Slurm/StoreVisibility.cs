namespace Finiex.Orchestration.Processes.Slurm;

/// <summary>
/// Whether runners on a job's nodes can read the tick store at the path packages name: yes when every node is this
/// machine, or when the store lies on a network filesystem (NFS, Lustre, GPFS, BeeGFS, CephFS, CIFS...) that the
/// nodes mount at the same path, as clusters do with home and project directories. Otherwise the ticks are shipped.
/// </summary>
internal static class StoreVisibility
{
    private static readonly string[] SharedFilesystems =
        ["nfs", "nfs4", "lustre", "gpfs", "beegfs", "cephfs", "ceph", "cifs", "smb3", "smbfs", "glusterfs", "fuse.glusterfs", "panfs", "wekafs", "fuse.sshfs", "9p", "virtiofs"];

    /// <summary>Null when the nodes see the store; else why the ticks must be shipped.</summary>
    public static string? WhyNotVisible(string storeRoot, IReadOnlyList<string> nodes, string? mountsFile = "/proc/mounts")
    {
        var here = ShortName(Environment.MachineName);
        var elsewhere = nodes.Where(node => ShortName(node) != here && node != "localhost").ToList();
        if (elsewhere.Count == 0)
        {
            return null;
        }

        var filesystem = FilesystemOf(Path.GetFullPath(storeRoot), mountsFile);
        return filesystem is not null && SharedFilesystems.Contains(filesystem, StringComparer.OrdinalIgnoreCase)
            ? null
            : $"the store {storeRoot} is on a {filesystem ?? "local"} filesystem of this machine and the job runs on {string.Join(", ", elsewhere)}";
    }

    /// <summary>The type of the filesystem mounted at the longest prefix of <paramref name="path"/> (from /proc/mounts).</summary>
    internal static string? FilesystemOf(string path, string? mountsFile)
    {
        if (mountsFile is null || !File.Exists(mountsFile))
        {
            return null;
        }

        string? best = null;
        var bestLength = -1;
        foreach (var line in File.ReadLines(mountsFile))
        {
            var fields = line.Split(' ');
            if (fields.Length < 3)
            {
                continue;
            }

            var mountPoint = fields[1].Replace("\\040", " ", StringComparison.Ordinal);
            var covers = path == mountPoint || path.StartsWith(mountPoint.TrimEnd('/') + "/", StringComparison.Ordinal);
            if (covers && mountPoint.Length > bestLength)
            {
                (best, bestLength) = (fields[2], mountPoint.Length);
            }
        }

        return best;
    }

    private static string ShortName(string host) => host.Split('.')[0].ToLowerInvariant();
}
