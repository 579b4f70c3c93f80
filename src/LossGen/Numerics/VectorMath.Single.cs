using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>Single-precision exp and log: Cody–Waite range reduction and minimax polynomials (after Cephes expf/logf) evaluated with FMA.</summary>
public static partial class VectorMath
{
    /// <summary>e^x for each lane: ≤ 2 ulp; +∞ above 88.72, 0 below −103.97 (with subnormals between), NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        // Clamping keeps the scale exponents in range; NaN passes through Min/Max unchanged.
        Vector<float> t = Vector.Min(Vector.Max(x, new Vector<float>(-104f)), new Vector<float>(89f));
        // x = n ln2 + r, |r| <= ln2/2, with ln2 split in two so that n * C1 is exact.
        Vector<float> n = Vector.Round(t * new Vector<float>(1.44269504088896341f));
        Vector<float> r = Vector.FusedMultiplyAdd(n, new Vector<float>(-0.693359375f), t);
        r = Vector.FusedMultiplyAdd(n, new Vector<float>(2.12194440e-4f), r);
        Vector<float> p = new Vector<float>(1.9875691500e-4f);
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1.3981999507e-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(8.3334519073e-3f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(4.1665795894e-2f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(1.6666665459e-1f));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<float>(5.0000001201e-1f));
        Vector<float> y = Vector.FusedMultiplyAdd(p, r * r, r) + Vector<float>.One;
        // y * 2^n as two exact power-of-two factors, so that subnormal results and overflow round correctly.
        Vector<int> k = Vector.ConvertToInt32(n);
        Vector<int> k1 = Vector.ShiftRightArithmetic(k, 1);
        Vector<int> k2 = k - k1;
        Vector<float> s1 = Vector.ShiftLeft(k1 + new Vector<int>(127), 23).As<int, float>();
        Vector<float> s2 = Vector.ShiftLeft(k2 + new Vector<int>(127), 23).As<int, float>();
        Vector<float> result = y * s1 * s2;
        // NaN input: n is NaN and the integer conversion is undefined; keep the NaN.
        return Vector.ConditionalSelect(Vector.Equals(x, x).As<int, float>(), result, x);
    }

    /// <summary>Natural logarithm of each lane: ≤ 2 ulp; −∞ at ±0, NaN below 0, +∞ at +∞, subnormals handled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x) => LogCore(x, Vector<float>.Zero);

    /// <summary>
    /// log(1 + x) for each lane: ≤ 2 ulp, exact for tiny |x|. u = 1 + x is rounded, its rounding error
    /// lo is recovered exactly (Fast2Sum), and log(u + lo) ≈ log(u) + lo/u is formed inside the log
    /// polynomial before the last rounding.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1p(Vector<float> x)
    {
        Vector<float> u = Vector<float>.One + x;
        Vector<int> small = Vector.LessThanOrEqual(Vector.Abs(x), Vector<float>.One);
        Vector<float> lo = Vector.ConditionalSelect(small.As<int, float>(), x - (u - Vector<float>.One), Vector<float>.One - (u - x));
        Vector<float> result = LogCore(u, lo / u);
        // log1p(+inf) = +inf (the correction would be NaN there).
        return Vector.ConditionalSelect(Vector.Equals(x, new Vector<float>(float.PositiveInfinity)).As<int, float>(), x, result);
    }

    /// <summary>log(x) + extra, where extra is a small correction added before the final rounding.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> LogCore(Vector<float> x, Vector<float> extra)
    {
        // Subnormals: scale by 2^23 first.
        Vector<int> isSubnormal = Vector.LessThan(x, new Vector<float>(1.17549435e-38f)) & Vector.GreaterThan(x, Vector<float>.Zero);
        Vector<float> scaled = Vector.ConditionalSelect(isSubnormal.As<int, float>(), x * new Vector<float>(8388608f), x);
        Vector<int> bits = scaled.As<float, int>();
        Vector<int> exponent = Vector.ShiftRightArithmetic(bits, 23) - new Vector<int>(126) - (isSubnormal & new Vector<int>(23));
        // The mantissa m in [0.5, 1).
        Vector<float> m = ((bits & new Vector<int>(unchecked((int)0x807FFFFF))) | new Vector<int>(0x3F000000)).As<int, float>();
        Vector<int> small = Vector.LessThan(m, new Vector<float>(0.707106781186547524f));
        // m < sqrt(1/2): use 2m - 1 and one exponent less, so that the argument of the polynomial is in [sqrt(1/2) - 1, sqrt(2) - 1).
        Vector<float> e = Vector.ConvertToSingle(exponent + small);
        Vector<float> f = Vector.ConditionalSelect(small.As<int, float>(), m + m, m) - Vector<float>.One;
        Vector<float> z = f * f;
        Vector<float> y = new Vector<float>(7.0376836292e-2f);
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(-1.1514610310e-1f));
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(1.1676998740e-1f));
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(-1.2420140846e-1f));
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(1.4249322787e-1f));
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(-1.6668057665e-1f));
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(2.0000714765e-1f));
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(-2.4999993993e-1f));
        y = Vector.FusedMultiplyAdd(y, f, new Vector<float>(3.3333331174e-1f));
        y = y * f * z + extra;
        y = Vector.FusedMultiplyAdd(e, new Vector<float>(-2.12194440e-4f), y);
        y = Vector.FusedMultiplyAdd(z, new Vector<float>(-0.5f), y);
        Vector<float> result = Vector.FusedMultiplyAdd(e, new Vector<float>(0.693359375f), f + y);
        // Special values: log(±0) = -inf, log(x < 0) = NaN, log(+inf) = +inf, log(NaN) = NaN.
        result = Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero).As<int, float>(), new Vector<float>(float.NegativeInfinity), result);
        result = Vector.ConditionalSelect(Vector.Equals(x, new Vector<float>(float.PositiveInfinity)).As<int, float>(), x, result);
        Vector<int> invalid = Vector.LessThan(x, Vector<float>.Zero) | ~Vector.Equals(x, x);
        return Vector.ConditionalSelect(invalid.As<int, float>(), new Vector<float>(float.NaN), result);
    }
}
