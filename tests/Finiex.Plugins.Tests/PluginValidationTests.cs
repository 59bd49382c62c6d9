using Finiex.Data.Store;
using Finiex.Engine.Catalog;
using Finiex.Scenarios;
using Finiex.Scenarios.Validation;
using Finiex.Tests.Shared;

namespace Finiex.Plugins.Tests;

/// <summary>What <c>finiex validate</c> says of the plug-ins a set names: each problem at its <c>plugins[i]</c>, with what to do.</summary>
public sealed class PluginValidationTests
{
    private static ScenarioSetReport Validate(string set, params string[] extra) =>
        new ScenarioSetLoader(StrategyCatalog.CreateDefault(), new TickStore(RepoPaths.SampleStore), extra).Load(set);

    private static ValidationProblem SingleError(ScenarioSetReport report) =>
        Assert.Single(report.AllProblems(), p => p.Severity == ProblemSeverity.Error);

    [Fact]
    public void A_set_uses_the_types_of_a_plugin_named_relative_to_it_and_records_its_identity()
    {
        var folder = PluginCompiler.NewFolder();
        Directory.CreateDirectory(Path.Combine(folder, "plugins"));
        var dll = PluginCompiler.Compile(Path.Combine(folder, "plugins"), "EchoPlugin", TestPlugins.EchoStrategy("echo_long"));
        var sets = Directory.CreateDirectory(Path.Combine(folder, "sets")).FullName;

        var report = Validate(TestPlugins.Set(sets, ["../plugins/EchoPlugin.dll"], ["echo_long"]));

        Assert.True(report.IsValid, string.Join("\n", report.AllProblems()));
        var plugin = Assert.Single(report.Plugins);
        Assert.Equal((dll, "EchoPlugin", "1.0.0.0"), (plugin.Path, plugin.AssemblyName, plugin.Version));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(dll))), plugin.Sha256);
    }

    [Fact]
    public void A_type_no_plugin_registers_is_unknown_as_before()
    {
        var folder = PluginCompiler.NewFolder();
        var report = Validate(TestPlugins.Set(folder, [], ["echo_long"]));

        Assert.Contains(report.AllProblems(), p => p.Path.EndsWith("decision.type", StringComparison.Ordinal) && p.Message.Contains("echo_long", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_reported_at_its_json_path()
    {
        var folder = PluginCompiler.NewFolder();

        var problem = SingleError(Validate(TestPlugins.Set(folder, ["bin/Nope.dll"], ["channel_breakout"])));

        Assert.Equal("$.plugins[0]", problem.Path);
        Assert.Contains($"{Path.Combine(folder, "bin", "Nope.dll")} does not exist", problem.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet build", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_dotnet_assembly_is_refused()
    {
        var folder = PluginCompiler.NewFolder();
        File.WriteAllBytes(Path.Combine(folder, "native.dll"), [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0]);
        File.WriteAllText(Path.Combine(folder, "notes.dll"), "not a PE file at all");

        var problems = Validate(TestPlugins.Set(folder, ["native.dll", "notes.dll"], ["channel_breakout"])).AllProblems();

        Assert.Equal(["$.plugins[0]", "$.plugins[1]"], problems.Select(p => p.Path));
        Assert.All(problems, p => Assert.Contains("is not a .NET assembly", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_plugin_whose_dependency_is_missing_fails_with_the_loaders_reason()
    {
        var folder = PluginCompiler.NewFolder();
        var dependencies = Directory.CreateDirectory(Path.Combine(folder, "elsewhere")).FullName;
        var dependency = PluginCompiler.Compile(dependencies, "Indicators", "namespace Indicators; public abstract class Base { }", sdk: null);
        PluginCompiler.Compile(folder, "NeedsIndicators", """
            using Finiex.Sdk.Catalog;
            public sealed class Plugin : Indicators.Base, IPlugin { public void Register(ITypeRegistry types) { } }
            """, references: [dependency]);

        var problem = SingleError(Validate(TestPlugins.Set(folder, ["NeedsIndicators.dll"], ["channel_breakout"])));

        Assert.Equal("$.plugins[0]", problem.Path);
        Assert.Contains("NeedsIndicators 1.0.0.0 could not be loaded", problem.Message, StringComparison.Ordinal);
        Assert.Contains("Indicators, Version=1.0.0.0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_built_against_another_major_sdk_version_is_refused_with_both_versions()
    {
        var folder = PluginCompiler.NewFolder();
        var otherSdkFolder = Directory.CreateDirectory(Path.Combine(folder, "sdk2")).FullName;
        var otherSdk = PluginCompiler.Compile(otherSdkFolder, "Finiex.Sdk", """
            namespace Finiex.Sdk.Catalog;
            public interface ITypeRegistry { }
            public interface IPlugin { void Register(ITypeRegistry types); }
            """, sdk: null, version: "2.0.0.0");
        PluginCompiler.Compile(folder, "FromTheFuture", "public sealed class Plugin : Finiex.Sdk.Catalog.IPlugin { public void Register(Finiex.Sdk.Catalog.ITypeRegistry types) { } }", sdk: otherSdk);

        var problem = SingleError(Validate(TestPlugins.Set(folder, ["FromTheFuture.dll"], ["channel_breakout"])));

        Assert.Contains("FromTheFuture 1.0.0.0 was built against Finiex.Sdk 2.0, and this Finiex has Finiex.Sdk 1.0", problem.Message, StringComparison.Ordinal);
        Assert.Contains("rebuild the plug-in", problem.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_name_registered_twice_names_both_assemblies()
    {
        var folder = PluginCompiler.NewFolder();
        PluginCompiler.Compile(folder, "First", TestPlugins.EchoStrategy("echo"));
        PluginCompiler.Compile(folder, "Second", TestPlugins.EchoStrategy("echo", side: "Short"));
        PluginCompiler.Compile(folder, "Shadow", TestPlugins.EchoStrategy("channel_breakout"));

        var problems = Validate(TestPlugins.Set(folder, ["First.dll", "Second.dll", "Shadow.dll"], ["echo"])).AllProblems();

        Assert.Equal(["$.plugins[1]", "$.plugins[2]"], problems.Select(p => p.Path));
        Assert.Contains("'echo' is registered twice: by First 1.0.0.0 and by Second 1.0.0.0", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'channel_breakout' is registered twice: by built-in and by Shadow 1.0.0.0", problems[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registration_with_invalid_parameters_is_refused_with_the_parameter()
    {
        var folder = PluginCompiler.NewFolder();
        var source = TestPlugins.EchoStrategy("echo").Replace("""ParameterSpec.Number("lot_size", 0.1, 0, 100, "lots per build", minExclusive: true)""",
            """ParameterSpec.Number("lot_size", 0.1, 0, 100, "lots per build", minExclusive: true), ParameterSpec.Integer("period", 0, 2, 50, "bars"), ParameterSpec.Choice("mode", "sideways", "how", "up", "down")""",
            StringComparison.Ordinal);
        PluginCompiler.Compile(folder, "Sloppy", source);

        var problem = SingleError(Validate(TestPlugins.Set(folder, ["Sloppy.dll"], ["channel_breakout"])));

        Assert.Contains("type 'echo': parameter 'period' has default 0, which must be >= 2", problem.Message, StringComparison.Ordinal);
        Assert.Contains("type 'echo': parameter 'mode' has default 'sideways', which is not one of its choices", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_without_a_plugin_class_or_whose_register_throws_is_refused()
    {
        var folder = PluginCompiler.NewFolder();
        PluginCompiler.Compile(folder, "Empty", "public static class Nothing { public static object Used => Finiex.Sdk.Time.Timeframe.M1; }");
        PluginCompiler.Compile(folder, "NoSdk", "public sealed class Nothing { }");
        PluginCompiler.Compile(folder, "Throws", """
            public sealed class Plugin : Finiex.Sdk.Catalog.IPlugin
            {
                public void Register(Finiex.Sdk.Catalog.ITypeRegistry types) => throw new System.InvalidOperationException("no licence key");
            }
            """);

        var problems = Validate(TestPlugins.Set(folder, ["Empty.dll", "Throws.dll", "NoSdk.dll"], ["channel_breakout"])).AllProblems();

        Assert.Equal(3, problems.Count);
        Assert.Contains("has no public class implementing Finiex.Sdk.Catalog.IPlugin", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("Plugin could not register its types: InvalidOperationException: no licence key", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("does not reference Finiex.Sdk, so it cannot register any type", problems[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loaded_plugin_rewritten_in_place_keeps_working_from_the_bytes_read()
    {
        // A rebuild truncates and rewrites the output .dll in place; a process that had mapped it would die of SIGBUS
        // the next time the runtime read a page of it (here: compiling the plug-in's factory).
        var folder = PluginCompiler.NewFolder();
        var dll = PluginCompiler.Compile(folder, "EchoPlugin", TestPlugins.EchoStrategy("echo_long"));
        var load = StrategyCatalog.CreateDefault().WithPlugins([new Core.Strategy.PluginSource(dll, "--plugin")]);
        Assert.Empty(load.Problems);
        File.WriteAllBytes(dll, []);

        var registration = ((StrategyCatalog)load.Catalog).FindStrategy("echo_long")!;
        var strategy = registration.Create(new Sdk.Catalog.DecisionBuildContext(Sdk.Catalog.ParameterSet.Defaults(registration.Info.Parameters), new Dictionary<string, Sdk.Workers.Worker>()));

        Assert.Equal("echo_long", strategy.Name);
    }

    [Fact]
    public void The_command_line_adds_plugins_to_the_sets()
    {
        var folder = PluginCompiler.NewFolder();
        var dll = PluginCompiler.Compile(folder, "EchoPlugin", TestPlugins.EchoStrategy("echo_long"));
        var set = TestPlugins.Set(folder, [], ["echo_long"]);

        Assert.True(Validate(set, dll).IsValid);
        var problem = Assert.Single(Validate(set, Path.Combine(folder, "missing.dll")).AllProblems(), p => p.Path.StartsWith("--plugin ", StringComparison.Ordinal));
        Assert.Contains("missing.dll does not exist", problem.Message, StringComparison.Ordinal);
    }
}
