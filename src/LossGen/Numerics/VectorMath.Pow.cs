using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>
/// a^b as e^(b·log|a|) with log|a| in double-double (about 2^-62 relative), so that the product's
/// absolute error stays far below an ulp of the result; special arguments fall back to Math.Pow.
/// </summary>
public static partial class VectorMath
{
    /// <summary>
    /// a^b for each lane pair, as <see cref="System.MathF.Pow"/>: ≤ 1 ulp. Vectorized (in double on the
    /// widened lanes) for finite b and finite a &gt; 0, a = +0, or a &lt; 0 with b an integer (NaN for
    /// other b); any lane outside that, or whose result would leave double's range, sends the vector
    /// lane by lane through <see cref="System.MathF.Pow"/>, so special values match it exactly.
    /// </summary>
    public static Vector<float> Pow(Vector<float> a, Vector<float> b)
    {
        Vector.Widen(a, out Vector<double> aLow, out Vector<double> aHigh);
        Vector.Widen(b, out Vector<double> bLow, out Vector<double> bHigh);
        Vector<double> low = PowCore(aLow, bLow, out Vector<long> okLow);
        Vector<double> high = PowCore(aHigh, bHigh, out Vector<long> okHigh);
        if (Vector.EqualsAll(okLow & okHigh, new Vector<long>(-1)))
        {
            return Vector.Narrow(low, high);
        }
        System.Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = System.MathF.Pow(a[i], b[i]);
        }
        return new Vector<float>(lanes);
    }

    /// <summary>
    /// a^b for each lane pair, as <see cref="System.Math.Pow"/>: ≤ 4 ulp. Vectorized for finite b and
    /// normal finite a &gt; 0, a = +0, or a &lt; 0 with b an integer (NaN for other b), when |b·ln|a|| ≤ 708;
    /// any lane outside that (NaN, ±∞, −0, subnormal a, overflow or underflow) sends the vector lane by
    /// lane through <see cref="System.Math.Pow"/>, so special values match it exactly.
    /// </summary>
    public static Vector<double> Pow(Vector<double> a, Vector<double> b)
    {
        Vector<double> result = PowCore(a, b, out Vector<long> ok);
        if (Vector.EqualsAll(ok, new Vector<long>(-1)))
        {
            return result;
        }
        System.Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = System.Math.Pow(a[i], b[i]);
        }
        return new Vector<double>(lanes);
    }

    /// <summary>a^b where <paramref name="ok"/> is all ones; other lanes are unspecified.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> PowCore(Vector<double> a, Vector<double> b, out Vector<long> ok)
    {
        Vector<double> absA = Vector.Abs(a);
        LogDoubleDouble(absA, out Vector<double> logHi, out Vector<double> logLo);
        Vector<double> w = b * logHi;
        Vector<double> wLo = Vector.FusedMultiplyAdd(b, logLo, Vector.FusedMultiplyAdd(b, logHi, -w));
        // e^(w + wLo): the low part joins the reduced argument.
        Vector<double> n = Vector.Round(w * new Vector<double>(1.4426950408889634));
        Vector<double> r = Vector.FusedMultiplyAdd(n, new Vector<double>(-0.6931471803691238), w);
        r = Vector.FusedMultiplyAdd(n, new Vector<double>(-1.9082149292705877e-10), r) + wLo;
        Vector<double> y = ExpM1Reduced(r) + Vector<double>.One;
        Vector<long> inRange = Vector.LessThanOrEqual(Vector.Abs(w), new Vector<double>(ExpFastLimitDouble));
        Vector<double> result = y * PowerOfTwo(Vector.ConditionalSelect(inRange.As<long, double>(), n, Vector<double>.Zero));

        // Negative base: the sign of an odd integer power; NaN for a non-integer exponent.
        Vector<long> isInteger = Vector.Equals(Vector.Round(b), b);
        Vector<long> belowTwo53 = Vector.LessThan(Vector.Abs(b), new Vector<double>(9007199254740992.0));
        Vector<long> odd = Vector.Equals(Vector.ConvertToInt64(Vector.ConditionalSelect(belowTwo53.As<long, double>(), b, Vector<double>.Zero)) & Vector<long>.One, Vector<long>.One);
        Vector<long> negative = Vector.LessThan(a, Vector<double>.Zero);
        result = Vector.ConditionalSelect((negative & odd).As<long, double>(), -result, result);
        result = Vector.ConditionalSelect(Vector.AndNot(negative, isInteger).As<long, double>(), new Vector<double>(double.NaN), result);

        // +0 base: 0 for b > 0, 1 for b = 0, +inf for b < 0.
        Vector<long> positiveZero = Vector.Equals(a.As<double, long>(), Vector<long>.Zero);
        Vector<double> zeroResult = Vector.ConditionalSelect(Vector.GreaterThan(b, Vector<double>.Zero).As<long, double>(), Vector<double>.Zero,
            Vector.ConditionalSelect(Vector.LessThan(b, Vector<double>.Zero).As<long, double>(), new Vector<double>(double.PositiveInfinity), Vector<double>.One));
        result = Vector.ConditionalSelect(positiveZero.As<long, double>(), zeroResult, result);

        Vector<long> normal = Vector.LessThan((absA.As<double, long>() - new Vector<long>(0x0010000000000000)).As<long, ulong>(), new Vector<ulong>(0x7FE0000000000000)).As<ulong, long>();
        Vector<long> finiteB = Vector.Equals(b - b, Vector<double>.Zero);
        // a^1 = a exactly.
        result = Vector.ConditionalSelect(Vector.Equals(b, Vector<double>.One).As<long, double>(), a, result);
        ok = ((normal & inRange) | positiveZero) & finiteB;
        return result;
    }

    /// <summary>
    /// log(a) = hi + lo for a positive normal finite a, to about 2^-62 relative. a = 2^k·m with m in
    /// [2/3, 4/3), f = m − 1, log(m) = 2 atanh(s) with s = f/(2 + f) in [−1/5, 1/7]: 2s and (2/3)s³ are
    /// carried in double-double, the rest of the series s⁵·(2/5 + …) (at most 2^-11.6 of the result) in
    /// double; k·ln2 with ln2 in two parts.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void LogDoubleDouble(Vector<double> a, out Vector<double> hi, out Vector<double> lo)
    {
        Vector<long> bits = a.As<double, long>();
        Vector<long> offset = bits - new Vector<long>(0x3FE5555555555555);
        Vector<long> kBits = offset & new Vector<long>(unchecked((long)0xFFF0000000000000));
        Vector<double> k = Vector.ConvertToDouble(Vector.ShiftRightArithmetic(offset, 52));
        Vector<double> f = (bits - kBits).As<long, double>() - Vector<double>.One;

        // s + sLo = f/(2 + f): 2 + f as an exact sum d + dLo, then the division's remainder.
        Vector<double> two = new Vector<double>(2);
        Vector<double> d = two + f;
        Vector<double> dLo = (two - d) + f;
        Vector<double> inverse = Vector<double>.One / d;
        Vector<double> s = f * inverse;
        Vector<double> sLo = (Vector.FusedMultiplyAdd(-s, d, f) - s * dLo) * inverse;

        // s³ = s·s·s in double-double, times 2/3 (itself in two parts).
        Vector<double> z = s * s;
        Vector<double> zLo = Vector.FusedMultiplyAdd(s, s, -z);
        Vector<double> cube = z * s;
        Vector<double> cubeLo = Vector.FusedMultiplyAdd(z, s, -cube) + zLo * s + 3 * z * sLo;
        Vector<double> twoThirds = new Vector<double>(2.0 / 3);
        Vector<double> t3 = twoThirds * cube;
        Vector<double> t3Lo = Vector.FusedMultiplyAdd(twoThirds, cube, -t3) + twoThirds * cubeLo + new Vector<double>(3.700743415417188e-17) * cube;

        // s⁵·(2/5 + 2/7 z + … + 2/29 z^12): truncation below 2^-64 of the result for |s| ≤ 1/5.
        Vector<double> p = new Vector<double>(2.0 / 29);
        for (int j = 27; j >= 5; j -= 2)
        {
            p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(2.0 / j));
        }
        Vector<double> tail = cube * z * p;

        // 2s + t3 (|2s| ≥ |t3|) as an exact sum, then k·ln2 (|k ln2| ≥ |log m| when k ≠ 0).
        Vector<double> twoS = s + s;
        Vector<double> m1 = twoS + t3;
        Vector<double> m1Lo = ((twoS - m1) + t3) + (t3Lo + (sLo + sLo) + tail);
        Vector<double> kh = k * new Vector<double>(0.6931471805599453);
        Vector<double> kl = Vector.FusedMultiplyAdd(k, new Vector<double>(0.6931471805599453), -kh) + k * new Vector<double>(2.3190468138462996e-17);
        hi = kh + m1;
        lo = ((kh - hi) + m1) + (m1Lo + kl);
    }
}
