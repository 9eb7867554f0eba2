using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(LaborMarket.Benchmarks.BenchmarkData).Assembly).Run(args);
