using Finiex.Orchestration.Results;

namespace Finiex.Orchestration.Tests;

/// <summary>finiex results prune: keep the newest N per set, drop runs past an age, never touch a running one.</summary>
public sealed class RetentionTests(ReportFixture run) : IClassFixture<ReportFixture>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);

    private static RunEntry Entry(string set, int daysAgo, bool running = false) =>
        new(set, $"/results/{set}/{daysAgo}", Now.AddDays(-daysAgo), Complete: true, running, 1, 1, null, 10);

    [Fact]
    public void Keep_counts_per_set_and_max_age_adds_old_runs()
    {
        RunEntry[] runs = [Entry("a", 1), Entry("a", 2), Entry("a", 3), Entry("b", 30), Entry("b", 1)];

        Assert.Equal(["/results/a/3"], new RetentionPolicy(2, null).ToPrune(runs, Now).Select(r => r.Folder));
        Assert.Equal(["/results/b/30"], new RetentionPolicy(null, TimeSpan.FromDays(7)).ToPrune(runs, Now).Select(r => r.Folder));
        Assert.Equal(["/results/b/30", "/results/a/3", "/results/a/2"], new RetentionPolicy(1, TimeSpan.FromDays(7)).ToPrune(runs, Now).Select(r => r.Folder));
    }

    [Fact]
    public void A_running_run_is_never_pruned()
    {
        RunEntry[] runs = [Entry("a", 1), Entry("a", 40, running: true)];

        Assert.Equal(["/results/a/1"], new RetentionPolicy(0, TimeSpan.FromDays(1)).ToPrune(runs, Now).Select(r => r.Folder));
    }

    [Fact]
    public void Listing_and_pruning_real_folders_leave_a_locked_run_alone()
    {
        var root = Path.Combine(Path.GetTempPath(), $"finiex-prune-{Guid.NewGuid():N}");
        try
        {
            var source = new DirectoryInfo(run.RunFolder);
            string Copy(string name)
            {
                var target = Path.Combine(root, "eurusd_example", name);
                foreach (var file in source.EnumerateFiles("*", SearchOption.AllDirectories).Where(f => f.Name != RunLock.FileName))
                {
                    var to = Path.Combine(target, Path.GetRelativePath(source.FullName, file.FullName));
                    Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                    file.CopyTo(to);
                }

                return target;
            }

            var (old, busy) = (Copy("old"), Copy("busy"));
            using (RunLock.Acquire(busy))
            {
                var listed = RunListing.Find(root);
                Assert.Equal(2, listed.Count);
                Assert.True(listed.Single(r => r.Folder == busy).Running);
                Assert.False(listed.Single(r => r.Folder == old).Running);
                Assert.All(listed, r => Assert.Equal((7, 7), (r.Scenarios, r.Completed)));
                Assert.Throws<ResultsFolderException>(() => RunLock.Acquire(busy));

                var prune = new RetentionPolicy(0, null).ToPrune(listed, DateTimeOffset.UtcNow);
                Assert.Empty(RetentionPolicy.Delete(prune));
                Assert.False(Directory.Exists(old));
                Assert.True(Directory.Exists(busy));
            }

            Assert.False(RunListing.Find(root).Single().Running); // released with its holder
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
