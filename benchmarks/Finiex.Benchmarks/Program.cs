using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Finiex.Benchmarks.Suites.TickLoopBenchmarks).Assembly).Run(args);
