using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Ratios are against the hand-written fused kernel measured in the same run (the Baseline column).
// Full run:  dotnet run -c Release --project tests/LossGen.Benchmarks -- --filter '*'
// Quick run: add --job short
var config = DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(LossGen.Benchmarks.MseBenchmarks).Assembly).Run(args, config);
