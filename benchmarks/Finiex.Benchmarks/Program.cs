using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Finiex.Benchmarks.TickLoopBenchmarks).Assembly).Run(args);
