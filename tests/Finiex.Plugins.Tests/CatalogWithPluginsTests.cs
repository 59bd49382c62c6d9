using System.Text.Json;

namespace Finiex.Plugins.Tests;

/// <summary><c>finiex catalog --plugin</c>: the plug-ins' types beside the built-in ones, each with where it comes from.</summary>
public sealed class CatalogWithPluginsTests
{
    [Fact]
    public void The_catalog_lists_a_plugins_types_with_their_origin()
    {
        var folder = PluginCompiler.NewFolder();
        var dll = PluginCompiler.Compile(folder, "EchoPlugin", TestPlugins.EchoStrategy("echo_long"), version: "2.3.0.0");

        var (code, output, _) = FiniexCommand.Run("catalog", "--plugin", dll, "--json");

        Assert.Equal(0, code);
        var decisions = JsonDocument.Parse(output).RootElement.GetProperty("decisions").EnumerateArray().ToDictionary(d => d.GetProperty("type").GetString()!);
        Assert.Equal("EchoPlugin 2.3.0.0", decisions["echo_long"].GetProperty("origin").GetString());
        Assert.Equal("lot_size", decisions["echo_long"].GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.Equal("built-in", decisions["channel_breakout"].GetProperty("origin").GetString());

        var (tableCode, table, _) = FiniexCommand.Run("catalog", "--plugin", dll);
        Assert.Equal(0, tableCode);
        Assert.Contains("EchoPlugin 2.3.0.0", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_that_cannot_load_is_an_error_and_the_rest_is_still_listed()
    {
        var folder = PluginCompiler.NewFolder();
        var missing = Path.Combine(folder, "Missing.dll");

        var (code, output, error) = FiniexCommand.Run("catalog", "--plugin", missing, "--json");

        Assert.Equal(2, code);
        var message = error.ReplaceLineEndings("").Replace(" ", "", StringComparison.Ordinal); // the console wraps long paths
        Assert.Contains($"--plugin{missing}:plug-in{missing}doesnotexist", message, StringComparison.Ordinal);
        Assert.Contains("channel_breakout", output, StringComparison.Ordinal);
    }
}
