using BenchmarkDotNet.Attributes;

namespace LossGen.Benchmarks;

/// <summary>Shared data: predictions and targets of size N, gradient and scratch buffers.</summary>
public abstract class LossBenchmarkBase
{
    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    protected float[] P = Array.Empty<float>(), Y = Array.Empty<float>(), G = Array.Empty<float>(), T1 = Array.Empty<float>(), T2 = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        P = Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        Y = Enumerable.Range(0, N).Select(_ => (float)random.Next(2)).ToArray();
        G = new float[N];
        T1 = new float[N];
        T2 = new float[N];
    }
}

public class MseBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWritten.Mse(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.Mse(P, Y, G);
    [Benchmark] public float TensorPrimitives() => Baselines.MseTensor(P, Y, G);
    [Benchmark] public float Scalar() => Baselines.MseScalar(P, Y, G);
}

public class HuberBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWritten.Huber(P, Y, 1f, G);
    [Benchmark] public float Generated() => GeneratedLosses.Huber(P, Y, 1f, G);
    [Benchmark] public float TensorPrimitives() => Baselines.HuberTensor(P, Y, 1f, G, T1, T2);
    [Benchmark] public float Scalar() => Baselines.HuberScalar(P, Y, 1f, G);
}

public class BceWithLogitsBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWritten.BceWithLogits(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.BceWithLogits(P, Y, G);
    [Benchmark] public float Catalogue() => Losses.BceWithLogitsLoss(P, Y, 1f, G);
    [Benchmark] public float TensorPrimitives() => Baselines.BceTensor(P, Y, G, T1, T2);
    [Benchmark] public float Scalar() => Baselines.BceScalar(P, Y, G);
}
