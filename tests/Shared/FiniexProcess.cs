using System.Diagnostics;

namespace Finiex.Tests.Shared;

/// <summary>Starts a built <c>finiex</c> as a real child process (for what only a process shows: signals, the shipped runner).</summary>
internal static class FiniexProcess
{
    public static string ExampleSet => Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json");

    public static string SampleStore => RepoPaths.SampleStore;

    public static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The env(1) option that gives a child default Ctrl+C handling whatever this process inherited.</summary>
    public const string DefaultSignals = "--default-signal=INT,QUIT";

    /// <summary>How to run <paramref name="finiexDll"/> with <paramref name="args"/>, output redirected, through the dotnet host.</summary>
    /// <remarks>
    /// Started through <c>env --default-signal</c>: a test run started in the background of a non-interactive shell
    /// inherits SIGINT and SIGQUIT as ignored, which .NET then keeps ignoring, and the Ctrl+C tests would test nothing.
    /// </remarks>
    public static ProcessStartInfo StartInfo(string finiexDll, params string[] args)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(DefaultSignals);
        start.ArgumentList.Add(DotnetHost);
        start.ArgumentList.Add(finiexDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
