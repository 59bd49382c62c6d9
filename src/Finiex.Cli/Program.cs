using Finiex.Cli;

return CliApplication.Run(args, CliContext.ForProcess());
