using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LossGen.Benchmarks;

/// <summary>
/// Hand-written fused Vector&lt;float&gt; kernels, the baseline: one pass, four independent
/// accumulators, BCL Vector.Exp/Vector.Log, scalar tail. What a careful engineer would write by hand.
/// Compiled like the generated kernels (fully optimized, never inlined into the benchmark method), as are the
/// TensorPrimitives compositions, so that ratios compare code rather than the JIT's tiering of each call site.
/// </summary>
public static class HandWritten
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp)
    {
        int n = p.Length, w = Vector<float>.Count, i = 0;
        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float gr = ref MemoryMarshal.GetReference(dp);
        var scale = new Vector<float>(2f / n);
        Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (; i <= n - 4 * w; i += 4 * w)
        {
            var d0 = Vector.LoadUnsafe(ref pr, (nuint)i) - Vector.LoadUnsafe(ref yr, (nuint)i);
            var d1 = Vector.LoadUnsafe(ref pr, (nuint)(i + w)) - Vector.LoadUnsafe(ref yr, (nuint)(i + w));
            var d2 = Vector.LoadUnsafe(ref pr, (nuint)(i + 2 * w)) - Vector.LoadUnsafe(ref yr, (nuint)(i + 2 * w));
            var d3 = Vector.LoadUnsafe(ref pr, (nuint)(i + 3 * w)) - Vector.LoadUnsafe(ref yr, (nuint)(i + 3 * w));
            a0 += d0 * d0; a1 += d1 * d1; a2 += d2 * d2; a3 += d3 * d3;
            (d0 * scale).StoreUnsafe(ref gr, (nuint)i);
            (d1 * scale).StoreUnsafe(ref gr, (nuint)(i + w));
            (d2 * scale).StoreUnsafe(ref gr, (nuint)(i + 2 * w));
            (d3 * scale).StoreUnsafe(ref gr, (nuint)(i + 3 * w));
        }
        for (; i <= n - w; i += w)
        {
            var d = Vector.LoadUnsafe(ref pr, (nuint)i) - Vector.LoadUnsafe(ref yr, (nuint)i);
            a0 += d * d;
            (d * scale).StoreUnsafe(ref gr, (nuint)i);
        }
        float sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (; i < n; i++)
        {
            float d = p[i] - y[i];
            sum += d * d;
            dp[i] = d * (2f / n);
        }
        return sum / n;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float Huber(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp)
    {
        int n = p.Length, w = Vector<float>.Count, i = 0;
        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float gr = ref MemoryMarshal.GetReference(dp);
        var dv = new Vector<float>(delta);
        var half = new Vector<float>(0.5f);
        var scale = new Vector<float>(1f / n);
        Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector<float> Step(int at, Vector<float> acc, ref float pr, ref float yr, ref float gr)
        {
            var d = Vector.LoadUnsafe(ref pr, (nuint)at) - Vector.LoadUnsafe(ref yr, (nuint)at);
            var a = Vector.Abs(d);
            var quadratic = Vector.LessThanOrEqual(a, dv);
            var l = Vector.ConditionalSelect(quadratic, half * d * d, dv * (a - half * dv));
            (Vector.Min(Vector.Max(d, -dv), dv) * scale).StoreUnsafe(ref gr, (nuint)at);
            return acc + l;
        }
        for (; i <= n - 4 * w; i += 4 * w)
        {
            a0 = Step(i, a0, ref pr, ref yr, ref gr);
            a1 = Step(i + w, a1, ref pr, ref yr, ref gr);
            a2 = Step(i + 2 * w, a2, ref pr, ref yr, ref gr);
            a3 = Step(i + 3 * w, a3, ref pr, ref yr, ref gr);
        }
        for (; i <= n - w; i += w)
        {
            a0 = Step(i, a0, ref pr, ref yr, ref gr);
        }
        float sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (; i < n; i++)
        {
            float d = p[i] - y[i], a = MathF.Abs(d);
            sum += a <= delta ? 0.5f * d * d : delta * (a - 0.5f * delta);
            dp[i] = Math.Clamp(d, -delta, delta) / n;
        }
        return sum / n;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float BceWithLogits(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz)
    {
        int n = z.Length, w = Vector<float>.Count, i = 0;
        ref float zr = ref MemoryMarshal.GetReference(z);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float gr = ref MemoryMarshal.GetReference(dz);
        var scale = new Vector<float>(1f / n);
        Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
        Vector<float> Step(int at, Vector<float> acc, ref float zr, ref float yr, ref float gr)
        {
            var zv = Vector.LoadUnsafe(ref zr, (nuint)at);
            var yv = Vector.LoadUnsafe(ref yr, (nuint)at);
            var e = Vector.Exp(-Vector.Abs(zv));
            var onePlusE = Vector<float>.One + e;
            var l = Vector.Max(zv, Vector<float>.Zero) - zv * yv + Vector.Log(onePlusE);
            var r = Vector<float>.One / onePlusE;
            var s = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(zv, Vector<float>.Zero), r, e * r);
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
        float sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (; i < n; i++)
        {
            float e = MathF.Exp(-MathF.Abs(z[i]));
            sum += MathF.Max(z[i], 0) - z[i] * y[i] + MathF.Log(1 + e);
            float s = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
            dz[i] = (s - y[i]) / n;
        }
        return sum / n;
    }
}
