using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LossGen.Benchmarks;

/// <summary>
/// Hand-written fused Vector&lt;float&gt; kernels for log-cosh, Poisson NLL and focal loss, in the style
/// of <see cref="HandWritten"/> (four accumulators, BCL Vector.Exp/Vector.Log, scalar tail), and the
/// triad a = b + s·c, the memory floor (12 bytes per element) that no kernel reading two arrays and
/// writing one can beat.
/// </summary>
public static class HandWrittenMore
{
    /// <summary>One loss's per-element value and derivative; a struct, so that the JIT specializes and inlines <see cref="Run{TStep}"/> for it.</summary>
    private interface IStep
    {
        Vector<float> Vector(Vector<float> p, Vector<float> y, out Vector<float> gradient);

        float Scalar(float p, float y, out float gradient);
    }

    /// <summary>Mean of the per-element loss; gradients (scaled by 1/n) into <paramref name="dp"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static float Run<TStep>(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp)
        where TStep : struct, IStep
    {
        TStep step = default;
        int n = p.Length, w = Vector<float>.Count, i = 0;
        ref float pr = ref MemoryMarshal.GetReference(p);
        ref float yr = ref MemoryMarshal.GetReference(y);
        ref float gr = ref MemoryMarshal.GetReference(dp);
        var scale = new Vector<float>(1f / n);
        Vector<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (; i <= n - 4 * w; i += 4 * w)
        {
            a0 += step.Vector(Vector.LoadUnsafe(ref pr, (nuint)i), Vector.LoadUnsafe(ref yr, (nuint)i), out var g0);
            a1 += step.Vector(Vector.LoadUnsafe(ref pr, (nuint)(i + w)), Vector.LoadUnsafe(ref yr, (nuint)(i + w)), out var g1);
            a2 += step.Vector(Vector.LoadUnsafe(ref pr, (nuint)(i + 2 * w)), Vector.LoadUnsafe(ref yr, (nuint)(i + 2 * w)), out var g2);
            a3 += step.Vector(Vector.LoadUnsafe(ref pr, (nuint)(i + 3 * w)), Vector.LoadUnsafe(ref yr, (nuint)(i + 3 * w)), out var g3);
            (g0 * scale).StoreUnsafe(ref gr, (nuint)i);
            (g1 * scale).StoreUnsafe(ref gr, (nuint)(i + w));
            (g2 * scale).StoreUnsafe(ref gr, (nuint)(i + 2 * w));
            (g3 * scale).StoreUnsafe(ref gr, (nuint)(i + 3 * w));
        }
        for (; i <= n - w; i += w)
        {
            a0 += step.Vector(Vector.LoadUnsafe(ref pr, (nuint)i), Vector.LoadUnsafe(ref yr, (nuint)i), out var g);
            (g * scale).StoreUnsafe(ref gr, (nuint)i);
        }
        float sum = Vector.Sum((a0 + a1) + (a2 + a3));
        for (; i < n; i++)
        {
            sum += step.Scalar(p[i], y[i], out float g);
            dp[i] = g / n;
        }
        return sum / n;
    }

    private struct LogCoshStep : IStep
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public Vector<float> Vector(Vector<float> p, Vector<float> y, out Vector<float> g)
        {
            var d = p - y;
            var a = System.Numerics.Vector.Abs(d);
            var e = System.Numerics.Vector.Exp(-(a + a));
            var onePlusE = Vector<float>.One + e;
            var t = (Vector<float>.One - e) / onePlusE; // tanh|d|
            g = System.Numerics.Vector.ConditionalSelect(System.Numerics.Vector.LessThan(d, Vector<float>.Zero), -t, t);
            return a + System.Numerics.Vector.Log(onePlusE) - new Vector<float>(0.6931472f);
        }

        public float Scalar(float p, float y, out float g) => Baselines.LogCoshElement(p, y, out g);
    }

    private struct PoissonStep : IStep
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public Vector<float> Vector(Vector<float> z, Vector<float> y, out Vector<float> g)
        {
            var e = System.Numerics.Vector.Exp(z);
            g = e - y;
            return e - y * z;
        }

        public float Scalar(float z, float y, out float g) => Baselines.PoissonElement(z, y, out g);
    }

    private struct FocalStep : IStep
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public Vector<float> Vector(Vector<float> z, Vector<float> y, out Vector<float> g)
        {
            // z_t = (2y − 1) z, p_t = σ(z_t), L = −log p_t = softplus(−z_t), α_t = 0.75 − 0.5 y.
            var sign = y + y - Vector<float>.One;
            var zt = sign * z;
            var e = System.Numerics.Vector.Exp(-System.Numerics.Vector.Abs(zt));
            var onePlusE = Vector<float>.One + e;
            var r = Vector<float>.One / onePlusE;
            var positive = System.Numerics.Vector.GreaterThanOrEqual(zt, Vector<float>.Zero);
            var pt = System.Numerics.Vector.ConditionalSelect(positive, r, e * r);
            var q = System.Numerics.Vector.ConditionalSelect(positive, e * r, r); // 1 − p_t without cancellation
            var l = System.Numerics.Vector.Max(-zt, Vector<float>.Zero) + System.Numerics.Vector.Log(onePlusE);
            var at = new Vector<float>(0.75f) - new Vector<float>(0.5f) * y;
            var weight = at * q * q;
            g = -sign * weight * (new Vector<float>(2) * pt * l + q);
            return weight * l;
        }

        public float Scalar(float z, float y, out float g) => Baselines.FocalElement(z, y, out g);
    }

    public static float LogCosh(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp) => Run<LogCoshStep>(p, y, dp);

    public static float PoissonNll(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz) => Run<PoissonStep>(z, y, dz);

    public static float Focal(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz) => Run<FocalStep>(z, y, dz);

    /// <summary>a[i] = b[i] + s·c[i]: two reads and one write per element, nothing else; returns a[0] so that the work is observable.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float Triad(Span<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> c, float s)
    {
        int n = a.Length, w = Vector<float>.Count, i = 0;
        ref float ar = ref MemoryMarshal.GetReference(a);
        ref float br = ref MemoryMarshal.GetReference(b);
        ref float cr = ref MemoryMarshal.GetReference(c);
        var sv = new Vector<float>(s);
        for (; i <= n - w; i += w)
        {
            Vector.FusedMultiplyAdd(sv, Vector.LoadUnsafe(ref cr, (nuint)i), Vector.LoadUnsafe(ref br, (nuint)i)).StoreUnsafe(ref ar, (nuint)i);
        }
        for (; i < n; i++)
        {
            a[i] = b[i] + s * c[i];
        }
        return n > 0 ? a[0] : 0;
    }
}
