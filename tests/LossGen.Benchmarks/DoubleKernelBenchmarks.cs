using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace LossGen.Benchmarks;

/// <summary>
/// Double kernels: the catalogue's double BCE with logits (posWeight = 1) against a hand-written fused
/// <c>Vector&lt;double&gt;</c> kernel with the BCL's <c>Vector.Exp</c>/<c>Vector.Log</c> (the baseline), on the same data
/// as the float kernels, widened.
/// </summary>
public class DoubleKernelBenchmarks
{
    [Params(1_000, 100_000)]
    public int N { get; set; }

    private double[] _z = Array.Empty<double>(), _y = Array.Empty<double>(), _g = Array.Empty<double>();

    [GlobalSetup]
    public void Setup()
    {
        (float[] z, float[] y) = LossBenchmarkBase.Data(N);
        _z = Array.ConvertAll(z, v => (double)v);
        _y = Array.ConvertAll(y, v => (double)v);
        _g = new double[N];
    }

    [Benchmark(Baseline = true)] public double Hand() => HandWrittenDouble.BceWithLogits(_z, _y, _g);
    [Benchmark] public double Catalogue() => Losses.BceWithLogitsLoss(_z, _y, 1.0, _g);
}

/// <summary>The hand-written double baseline: one pass, four accumulators, BCL <c>Vector.Exp</c>/<c>Vector.Log</c>, scalar tail.</summary>
public static class HandWrittenDouble
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static double BceWithLogits(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz)
    {
        if (y.Length != z.Length || dz.Length != z.Length)
        {
            throw new ArgumentException("The spans must have the same length.", nameof(dz));
        }
        int n = z.Length, w = Vector<double>.Count, i = 0;
        ref double zr = ref MemoryMarshal.GetReference(z);
        ref double yr = ref MemoryMarshal.GetReference(y);
        ref double gr = ref MemoryMarshal.GetReference(dz);
        var scale = new Vector<double>(1.0 / n);
        Vector<double> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector<double> Step(int at, Vector<double> acc, ref double zr, ref double yr, ref double gr)
        {
            var zv = Vector.LoadUnsafe(ref zr, (nuint)at);
            var yv = Vector.LoadUnsafe(ref yr, (nuint)at);
            var e = Vector.Exp(-Vector.Abs(zv));
            var onePlusE = Vector<double>.One + e;
            var l = Vector.Max(zv, Vector<double>.Zero) - zv * yv + Vector.Log(onePlusE);
            var r = Vector<double>.One / onePlusE;
            var s = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(zv, Vector<double>.Zero), r, e * r);
            ((s - yv) * scale).StoreUnsafe(ref gr, (nuint)at);
            return acc + l;
        }
        for (; i <= n - 4 * w; i += 4 * w)
        {
            a0 = Step(i, a0, ref zr, ref yr, ref gr);
            a1 = Step(i + w, a1, ref zr, ref yr, ref gr);
            a2 = Step(i + 2 * w, a2, ref zr, ref yr, ref gr);
            a3 = Step(i + 3 * w, a3, ref zr, ref yr, ref gr);
        }
        for (; i <= n - w; i += w)
        {
            a0 = Step(i, a0, ref zr, ref yr, ref gr);
        }
        double sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (; i < n; i++)
        {
            double e = Math.Exp(-Math.Abs(z[i]));
            sum += Math.Max(z[i], 0) - z[i] * y[i] + Math.Log(1 + e);
            double s = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
            dz[i] = (s - y[i]) / n;
        }
        return sum / n;
    }
}
