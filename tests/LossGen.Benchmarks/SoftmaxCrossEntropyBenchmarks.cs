using System.Numerics;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using TP = System.Numerics.Tensors.TensorPrimitives;

namespace LossGen.Benchmarks;

/// <summary>Softmax cross-entropy over rows of 10 logits: the generated row kernels (K constant: unrolled; K at run time: along the row), a hand-written kernel and a TensorPrimitives composition.</summary>
public static partial class GeneratedRowLosses
{
    [Loss("logsumexp(z) - z[t]", RowLength = "10")]
    public static partial float CrossEntropy10(ReadOnlySpan<float> z, ReadOnlySpan<int> t, Span<float> dz);
}

/// <summary>
/// Value + gradient of mean softmax cross-entropy on n rows × K = 10 classes, N = n·K logits. Baseline: a hand-written
/// row-blocked <see cref="Vector{T}"/> kernel (a vector of rows at a time: each class's logits gathered across the
/// block, BCL <c>Vector.Exp</c>/<c>Vector.Log</c>, the gradient scattered back; scalar code for the last rows).
/// </summary>
public class SoftmaxCrossEntropyBenchmarks
{
    private const int K = 10;

    [Params(1_000, 100_000, 10_000_000)]
    public int N { get; set; }

    private float[] _z = [], _g = [], _tmp = [];
    private int[] _t = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _z = Enumerable.Range(0, N).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
        _t = Enumerable.Range(0, N / K).Select(_ => random.Next(K)).ToArray();
        _g = new float[N];
        _tmp = new float[K];
    }

    [Benchmark(Baseline = true)] public float Hand() => Hand(_z, _t, _g);
    [Benchmark] public float GeneratedUnrolled() => GeneratedRowLosses.CrossEntropy10(_z, _t, _g);
    [Benchmark] public float CatalogueRuntimeK() => Losses.CrossEntropyLoss(_z, _t, K, _g);
    [Benchmark] public float TensorPrimitives() => Tensor(_z, _t, _g, _tmp);

    /// <summary>Per row: max, exp(z − max) into the gradient, sum, log; then scale and subtract the one-hot.</summary>
    public static float Tensor(ReadOnlySpan<float> z, ReadOnlySpan<int> t, Span<float> g, Span<float> tmp)
    {
        int n = t.Length;
        float scale = 1f / n;
        double loss = 0;
        for (int r = 0; r < n; r++)
        {
            ReadOnlySpan<float> row = z.Slice(r * K, K);
            Span<float> grad = g.Slice(r * K, K);
            float max = TP.Max(row);
            TP.Subtract(row, max, tmp);
            TP.Exp(tmp, grad);
            float sum = TP.Sum(grad);
            loss += max + MathF.Log(sum) - row[t[r]];
            TP.Multiply(grad, scale / sum, grad);
            grad[t[r]] -= scale;
        }
        return (float)(loss / n);
    }

    public static float Hand(ReadOnlySpan<float> z, ReadOnlySpan<int> t, Span<float> g)
    {
        int n = t.Length;
        int w = Vector<float>.Count;
        float scale = 1f / n;
        var scaleV = new Vector<float>(scale);
        Span<float> lane = stackalloc float[w];
        Span<Vector<float>> zc = stackalloc Vector<float>[K];
        double loss = 0;
        int r = 0;
        for (; r + w <= n; r += w)
        {
            for (int j = 0; j < K; j++)
            {
                for (int l = 0; l < w; l++)
                {
                    lane[l] = z[(r + l) * K + j];
                }
                zc[j] = new Vector<float>(lane);
            }
            for (int l = 0; l < w; l++)
            {
                lane[l] = t[r + l];
            }
            Vector<float> tv = new(lane);
            Vector<float> m = zc[0];
            for (int j = 1; j < K; j++)
            {
                m = Vector.Max(m, zc[j]);
            }
            Vector<float> s = Vector<float>.Zero, zt = Vector<float>.Zero;
            for (int j = 0; j < K; j++)
            {
                Vector<float> hit = Vector.Equals(tv, new Vector<float>(j)).As<int, float>();
                zt += Vector.ConditionalSelect(hit, zc[j] - m, Vector<float>.Zero);   // z_t − m
                zc[j] = Vector.Exp(zc[j] - m);
                s += zc[j];
            }
            Vector<float> inverse = scaleV / s;
            for (int j = 0; j < K; j++)
            {
                Vector<float> hit = Vector.Equals(tv, new Vector<float>(j)).As<int, float>();
                Vector<float> grad = zc[j] * inverse - Vector.ConditionalSelect(hit, scaleV, Vector<float>.Zero);
                for (int l = 0; l < w; l++)
                {
                    g[(r + l) * K + j] = grad[l];
                }
            }
            loss += Vector.Sum(Vector.Log(s) - zt);
        }
        for (; r < n; r++)
        {
            ReadOnlySpan<float> row = z.Slice(r * K, K);
            float m = row[0];
            for (int j = 1; j < K; j++)
            {
                m = MathF.Max(m, row[j]);
            }
            float s = 0;
            for (int j = 0; j < K; j++)
            {
                s += MathF.Exp(row[j] - m);
            }
            loss += m + MathF.Log(s) - row[t[r]];
            for (int j = 0; j < K; j++)
            {
                g[r * K + j] = (MathF.Exp(row[j] - m) / s - (j == t[r] ? 1 : 0)) * scale;
            }
        }
        return (float)(loss / n);
    }
}
