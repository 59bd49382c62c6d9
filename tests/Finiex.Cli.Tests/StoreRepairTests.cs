using System.Text.Json;
using System.Text.RegularExpressions;

namespace Finiex.Cli.Tests;

/// <summary>
/// A damaged store is reported as damaged with commands that repair it, and each advice is followed here to the end:
/// the command it names works and leaves a healthy store.
/// </summary>
public sealed partial class StoreRepairTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "finiex-repair-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_store))
        {
            Directory.Delete(_store, recursive: true);
        }
    }

    private static string Fxcm(string day) => Path.Combine(CliRunner.TestData, "lean", "forex", "fxcm", "tick", "eurusd", $"{day}_quote.zip");

    private (int ExitCode, string Out, string Error) Import(params string[] extra) =>
        CliRunner.Run(["data", "import", "--format", "lean", "--symbol", "EURUSD", "--tz", "UTC-05", "--store", _store, .. extra]);

    private long Ticks()
    {
        using var json = JsonDocument.Parse(CliRunner.Run("data", "list", "--store", _store, "--json").Out);
        return json.RootElement.GetProperty("symbols").EnumerateArray().Single().GetProperty("ticks").GetInt64();
    }

    private void Damage()
    {
        var ticks = Path.Combine(_store, "EURUSD", "ticks.fxt");
        var bytes = File.ReadAllBytes(ticks);
        bytes[bytes.Length / 2] ^= 0x5A; // one flipped byte in the middle of the columns
        File.WriteAllBytes(ticks, bytes);
    }

    [Fact]
    public void A_damaged_symbol_is_repaired_by_following_the_remove_advice()
    {
        Assert.Equal(0, Import(Fxcm("20140505")).ExitCode);
        var healthy = Ticks();
        Damage();

        var verify = CliRunner.Run("data", "verify", "--store", _store);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("damaged", verify.Out, StringComparison.Ordinal);
        var advice = RemoveAdvice().Match(verify.Out.ReplaceLineEndings(" "));
        Assert.True(advice.Success, verify.Out);

        var remove = CliRunner.Run(advice.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray()); // the advice, as given
        Assert.True(remove.ExitCode == 0, remove.Out + remove.Error);
        Assert.Equal(0, Import(Fxcm("20140505")).ExitCode);
        Assert.Equal(0, CliRunner.Run("data", "verify", "--store", _store).ExitCode);
        Assert.Equal(healthy, Ticks());
    }

    [Fact]
    public void Re_importing_into_a_damaged_symbol_says_to_use_replace_and_replace_rebuilds_it()
    {
        Assert.Equal(0, Import(Fxcm("20140505")).ExitCode);
        var healthy = Ticks();
        Damage();

        var again = Import(Fxcm("20140505"));
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("damaged", again.Error, StringComparison.Ordinal);
        Assert.Contains("--replace", again.Error, StringComparison.Ordinal);

        var rebuilt = Import("--replace", Fxcm("20140505"));
        Assert.True(rebuilt.ExitCode == 0, rebuilt.Out + rebuilt.Error);
        Assert.Contains("rebuilt", rebuilt.Out + rebuilt.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("data", "verify", "--store", _store).ExitCode);
        Assert.Equal(healthy, Ticks());
    }

    [Fact]
    public void A_deleted_manifest_leaves_a_damaged_symbol_not_a_vanished_one()
    {
        Assert.Equal(0, Import(Fxcm("20140505")).ExitCode);
        File.Delete(Path.Combine(_store, "EURUSD", "manifest.json"));

        var verify = CliRunner.Run("data", "verify", "--store", _store);
        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("manifest is missing", verify.Out, StringComparison.Ordinal);
        var list = CliRunner.Run("data", "list", "--store", _store, "--json");
        Assert.Equal(1, list.ExitCode);
        using (var json = JsonDocument.Parse(list.Out))
        {
            Assert.Equal("damaged", json.RootElement.GetProperty("symbols")[0].GetProperty("status").GetString());
        }

        Assert.Equal(0, CliRunner.Run("data", "remove", "EURUSD", "--store", _store).ExitCode);
        Assert.Equal(0, CliRunner.Run("data", "verify", "--store", _store).ExitCode);
    }

    [Fact]
    public void Removing_days_forgets_their_files_so_they_can_be_imported_again()
    {
        Assert.Equal(0, Import(Fxcm("20140505"), Fxcm("20140506")).ExitCode);
        var both = Ticks();
        Assert.Equal(0, Import(Fxcm("20140506")).ExitCode); // imported before: nothing added

        var remove = CliRunner.Run("data", "remove", "EURUSD", "--store", _store, "--days", "2014-05-06,2014-05-07");
        Assert.True(remove.ExitCode == 0, remove.Out + remove.Error);
        Assert.Contains("forgot source", remove.Out, StringComparison.Ordinal);
        Assert.True(Ticks() < both);

        var back = Import("--replace", Fxcm("20140505"), Fxcm("20140506"));
        Assert.True(back.ExitCode == 0, back.Out + back.Error);
        Assert.Equal(both, Ticks());
        Assert.Equal(0, CliRunner.Run("data", "verify", "--store", _store).ExitCode);
    }

    [Fact]
    public void Verify_list_and_remove_refuse_a_store_that_does_not_exist()
    {
        var nowhere = Path.Combine(_store, "nowhere");
        Assert.Equal(2, CliRunner.Run("data", "verify", "--store", nowhere).ExitCode);
        Assert.Equal(2, CliRunner.Run("data", "list", "--store", nowhere).ExitCode);
        var remove = CliRunner.Run("data", "remove", "EURUSD", "--store", nowhere);
        Assert.Equal(2, remove.ExitCode);
        Assert.Contains("no tick store", remove.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Remove_refuses_days_that_are_not_dates()
    {
        Assert.Equal(0, Import(Fxcm("20140505")).ExitCode);
        var result = CliRunner.Run("data", "remove", "EURUSD", "--store", _store, "--days", "2014/05/06");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a date in the form YYYY-MM-DD", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("data", "verify", "--store", _store).ExitCode);
    }

    [GeneratedRegex(@"finiex data remove \S+ --store \S+?(?=\.?(\s|$))")]
    private static partial Regex RemoveAdvice();
}
