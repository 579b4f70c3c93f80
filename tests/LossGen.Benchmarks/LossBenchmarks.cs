using BenchmarkDotNet.Attributes;

namespace LossGen.Benchmarks;

/// <summary>Shared data: predictions and targets of size N, gradient and scratch buffers.</summary>
public abstract class LossBenchmarkBase
{
    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    protected float[] P = Array.Empty<float>(), Y = Array.Empty<float>(), G = Array.Empty<float>(), T1 = Array.Empty<float>(), T2 = Array.Empty<float>(), T3 = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        (P, Y) = Data(N);
        G = new float[N];
        T1 = new float[N];
        T2 = new float[N];
        T3 = new float[N];
    }

    /// <summary>The benchmarks' data: predictions (logits) uniform in [−4, 4] and labels in {0, 1}, the same for every class.</summary>
    public static (float[] Predictions, float[] Labels) Data(int n)
    {
        var random = new Random(1);
        float[] predictions = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        float[] labels = Enumerable.Range(0, n).Select(_ => (float)random.Next(2)).ToArray();
        return (predictions, labels);
    }
}

public class MseBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWritten.Mse(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.Mse(P, Y, G);
    [Benchmark] public float TensorPrimitives() => Baselines.MseTensor(P, Y, G);
    [Benchmark] public float Scalar() => Baselines.MseScalar(P, Y, G);
    [Benchmark] public float Triad() => HandWrittenMore.Triad(G, P, Y, 0.5f);
}

public class HuberBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWritten.Huber(P, Y, 1f, G);
    [Benchmark] public float Generated() => GeneratedLosses.Huber(P, Y, 1f, G);
    [Benchmark] public float TensorPrimitives() => Baselines.HuberTensor(P, Y, 1f, G, T1, T2);
    [Benchmark] public float Scalar() => Baselines.HuberScalar(P, Y, 1f, G);
    [Benchmark] public float Triad() => HandWrittenMore.Triad(G, P, Y, 0.5f);
}

public class BceWithLogitsBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWritten.BceWithLogits(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.BceWithLogits(P, Y, G);
    [Benchmark] public float Catalogue() => Losses.BceWithLogitsLoss(P, Y, 1f, G);
    [Benchmark] public float TensorPrimitives() => Baselines.BceTensor(P, Y, G, T1, T2);
    [Benchmark] public float Scalar() => Baselines.BceScalar(P, Y, G);
    [Benchmark] public float Triad() => HandWrittenMore.Triad(G, P, Y, 0.5f);
}

// The triad row in each class below is the memory floor: a[i] = b[i] + s·c[i] moves 12 bytes per element,
// as each loss kernel does (two inputs read, one gradient written), and computes nothing else.

public class LogCoshBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWrittenMore.LogCosh(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.LogCosh(P, Y, G);
    [Benchmark] public float TensorPrimitives() => Baselines.LogCoshTensor(P, Y, G, T1);
    [Benchmark] public float Scalar() => Baselines.LogCoshScalar(P, Y, G);
    [Benchmark] public float Triad() => HandWrittenMore.Triad(G, P, Y, 0.5f);
}

public class PoissonNllBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWrittenMore.PoissonNll(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.PoissonNll(P, Y, G);
    [Benchmark] public float TensorPrimitives() => Baselines.PoissonTensor(P, Y, G);
    [Benchmark] public float Scalar() => Baselines.PoissonScalar(P, Y, G);
    [Benchmark] public float Triad() => HandWrittenMore.Triad(G, P, Y, 0.5f);
}

public class FocalBenchmarks : LossBenchmarkBase
{
    [Benchmark(Baseline = true)] public float Hand() => HandWrittenMore.Focal(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.Focal(P, Y, G);
    [Benchmark] public float GeneratedSoftLabels() => GeneratedLosses.FocalSoftLabels(P, Y, G);
    [Benchmark] public float TensorPrimitives() => Baselines.FocalTensor(P, Y, G, T1, T2, T3);
    [Benchmark] public float Scalar() => Baselines.FocalScalar(P, Y, G);
    [Benchmark] public float Triad() => HandWrittenMore.Triad(G, P, Y, 0.5f);
}
