using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace LossGen.Benchmarks;

/// <summary>
/// The fixed cost of a call: small batches, n = 64 whole vectors, 71 and 1,003 with a tail on every call
/// (7 and 3 elements with 8-lane vectors). Each loss is its own category with the hand-written kernel as baseline.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SmallBatchBenchmarks
{
    [Params(64, 71, 1_003)]
    public int N { get; set; }

    private float[] _p = Array.Empty<float>(), _y = Array.Empty<float>(), _g = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        (_p, _y) = LossBenchmarkBase.Data(N);
        _g = new float[N];
    }

    [Benchmark(Baseline = true), BenchmarkCategory("MSE")] public float MseHand() => HandWritten.Mse(_p, _y, _g);
    [Benchmark, BenchmarkCategory("MSE")] public float MseGenerated() => GeneratedLosses.Mse(_p, _y, _g);
    [Benchmark(Baseline = true), BenchmarkCategory("BCE")] public float BceHand() => HandWritten.BceWithLogits(_p, _y, _g);
    [Benchmark, BenchmarkCategory("BCE")] public float BceGenerated() => GeneratedLosses.BceWithLogits(_p, _y, _g);
}
