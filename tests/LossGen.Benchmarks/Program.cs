using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;

// Ratios are against the hand-written fused kernel measured in the same run (the Baseline column).
// Full run:  dotnet run -c Release --project tests/LossGen.Benchmarks -- --filter '*'
// Quick run: add --job short
// Check that all implementations agree (exit code = number of mismatches): --validate
if (args.Contains("--validate"))
{
    return LossGen.Benchmarks.Validation.Run();
}
var config = DefaultConfig.Instance;
BenchmarkSwitcher.FromAssembly(typeof(LossGen.Benchmarks.MseBenchmarks).Assembly).Run(args, config);
return 0;
