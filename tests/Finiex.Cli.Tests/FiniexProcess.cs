using System.Diagnostics;
using Finiex.Tests.Shared;

namespace Finiex.Cli.Tests;

/// <summary>Starts a built <c>finiex</c> as a real child process (for what only a process shows: signals, the shipped runner).</summary>
internal static class FiniexProcess
{
    public static string ExampleSet => Path.Combine(RepoPaths.Root, "configs", "scenario_sets", "eurusd_example.json");

    public static string SampleStore => RepoPaths.SampleStore;

    /// <summary>How to run <paramref name="finiexDll"/> with <paramref name="args"/>, output redirected, through the dotnet host.</summary>
    public static ProcessStartInfo StartInfo(string finiexDll, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(finiexDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }
}
