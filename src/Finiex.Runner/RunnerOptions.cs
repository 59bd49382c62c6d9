namespace Finiex.Runner;

/// <summary>The runner's command line: <c>--pipe NAME --parent-pid PID --protocol N</c>.</summary>
internal sealed record RunnerOptions(string Pipe, int ParentPid, int Protocol)
{
    public static RunnerOptions? Parse(string[] args)
    {
        string? pipe = null;
        int? parent = null, protocol = null;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--pipe": pipe = args[i + 1]; break;
                case "--parent-pid": parent = int.TryParse(args[i + 1], out var p) ? p : null; break;
                case "--protocol": protocol = int.TryParse(args[i + 1], out var v) ? v : null; break;
            }
        }

        return pipe is null || parent is null || protocol is null ? null : new RunnerOptions(pipe, parent.Value, protocol.Value);
    }
}
