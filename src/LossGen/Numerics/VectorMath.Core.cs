using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>Double-precision kernels shared by the double functions and the widened float composites.</summary>
public static partial class VectorMath
{
    /// <summary>Largest |x| for which 2^round(x/ln2) is a normal double and e^x neither overflows nor underflows.</summary>
    private const double ExpFastLimitDouble = 708;

    /// <summary>e^x in double for any lane: clamped, scaled by 2^n in two exact steps (so that subnormal results and overflow round correctly), NaN kept.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExpCore(Vector<double> x)
    {
        Vector<double> t = Vector.Min(Vector.Max(x, new Vector<double>(-746)), new Vector<double>(710));
        Vector<double> y = ExpReduced(t, out Vector<double> n);
        Vector<long> k = Vector.ConvertToInt64(n);
        Vector<long> k1 = Vector.ShiftRightArithmetic(k, 1);
        Vector<long> k2 = k - k1;
        Vector<double> s1 = Vector.ShiftLeft(k1 + new Vector<long>(1023), 52).As<long, double>();
        Vector<double> s2 = Vector.ShiftLeft(k2 + new Vector<long>(1023), 52).As<long, double>();
        Vector<double> result = y * s1 * s2;
        return Vector.ConditionalSelect(Vector.Equals(x, x).As<long, double>(), result, x);
    }

    /// <summary>2^n for integral n in [−1022, 1023], built from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> PowerOfTwo(Vector<double> n) =>
        Vector.ShiftLeft(Vector.ConvertToInt64(n) + new Vector<long>(1023), 52).As<long, double>();

    /// <summary>
    /// e^x = 2^n · y: n = round(x/ln2), r = x − n ln2 with ln2 split in two (Cody–Waite), |r| ≤ ln2/2,
    /// then y = 1 + r + r²·p(r) with the Taylor polynomial of degree 13 (truncation error below 2^-58).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExpReduced(Vector<double> x, out Vector<double> n)
    {
        n = Vector.Round(x * new Vector<double>(1.4426950408889634));
        Vector<double> r = Vector.FusedMultiplyAdd(n, new Vector<double>(-0.6931471803691238), x);
        r = Vector.FusedMultiplyAdd(n, new Vector<double>(-1.9082149292705877e-10), r);
        return ExpM1Reduced(r) + Vector<double>.One;
    }

    /// <summary>
    /// e^r − 1 = r + r²·p(r) for |r| ≤ ln2/2, p the Taylor polynomial 1/2! + r/3! + … + r^11/13! by Estrin's scheme (six
    /// pairs of coefficients combined by r², then by r⁴ twice: a chain of 4 dependent FMAs where Horner's rule takes 11,
    /// which bounded the double kernels by latency). One rounding in the final FMA.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExpM1Reduced(Vector<double> r)
    {
        Vector<double> r2 = r * r;
        Vector<double> r4 = r2 * r2;
        Vector<double> q0 = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 6), r, new Vector<double>(0.5));
        Vector<double> q1 = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 120), r, new Vector<double>(1.0 / 24));
        Vector<double> q2 = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 5040), r, new Vector<double>(1.0 / 720));
        Vector<double> q3 = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 362880), r, new Vector<double>(1.0 / 40320));
        Vector<double> q4 = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 39916800), r, new Vector<double>(1.0 / 3628800));
        Vector<double> q5 = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 6227020800), r, new Vector<double>(1.0 / 479001600));
        Vector<double> low = Vector.FusedMultiplyAdd(q1, r2, q0);          // terms 0–3
        Vector<double> middle = Vector.FusedMultiplyAdd(q3, r2, q2);       // terms 4–7
        Vector<double> high = Vector.FusedMultiplyAdd(q5, r2, q4);         // terms 8–11
        Vector<double> p = Vector.FusedMultiplyAdd(Vector.FusedMultiplyAdd(high, r4, middle), r4, low);
        return Vector.FusedMultiplyAdd(p, r2, r);
    }

    /// <summary>
    /// e^x − 1 for x ≤ 0 (NaN and −∞ allowed): 2^n·q + (2^n − 1) with q = e^r − 1 = r + r²·p(r), one
    /// rounding in the final FMA. Below −40 the result is −1 to double precision, so x is clamped there.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExpM1NonPositive(Vector<double> x)
    {
        Vector<double> t = Vector.Max(x, new Vector<double>(-40));
        Vector<double> n = Vector.Round(t * new Vector<double>(1.4426950408889634));
        Vector<double> r = Vector.FusedMultiplyAdd(n, new Vector<double>(-0.6931471803691238), t);
        r = Vector.FusedMultiplyAdd(n, new Vector<double>(-1.9082149292705877e-10), r);
        Vector<double> q = ExpM1Reduced(r);
        Vector<double> s = Vector.ShiftLeft(Vector.ConvertToInt64(Vector.ConditionalSelect(Vector.Equals(n, n).As<long, double>(), n, Vector<double>.Zero)) + new Vector<long>(1023), 52).As<long, double>();
        return Vector.FusedMultiplyAdd(s, q, s - Vector<double>.One);
    }

    /// <summary>
    /// log(1 + x) for x in [0, 1] only (for the generator, when it has proved that range, e.g. for
    /// x = e^−|z|): ≤ 4 ulp; NaN propagates, other arguments outside [0, 1] give unspecified results.
    /// Computed as 2 atanh(s), s = x/(2 + x) ≤ 1/3: the odd series to s^35, no cancellation for tiny x.
    /// One division: a division-free polynomial in the reduced argument would need about 21 FMAs on
    /// [−1/3, 1/3] for double precision, which costs as much.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1pUnit(Vector<double> x)
    {
        Vector<double> s = x / (new Vector<double>(2) + x);
        Vector<double> z = s * s;
        // p(z) = Σ z^i/(2i + 3), i = 0 … 16, by Estrin's scheme: pairs, then z², z⁴, z⁸ (5 dependent FMAs, not 16).
        Vector<double> z2 = z * z;
        Vector<double> z4 = z2 * z2;
        Vector<double> z8 = z4 * z4;
        Vector<double> terms0to3 = Vector.FusedMultiplyAdd(
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 9), z, new Vector<double>(1.0 / 7)), z2,
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 5), z, new Vector<double>(1.0 / 3)));
        Vector<double> terms4to7 = Vector.FusedMultiplyAdd(
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 17), z, new Vector<double>(1.0 / 15)), z2,
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 13), z, new Vector<double>(1.0 / 11)));
        Vector<double> terms8to11 = Vector.FusedMultiplyAdd(
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 25), z, new Vector<double>(1.0 / 23)), z2,
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 21), z, new Vector<double>(1.0 / 19)));
        Vector<double> terms12to15 = Vector.FusedMultiplyAdd(
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 33), z, new Vector<double>(1.0 / 31)), z2,
            Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 29), z, new Vector<double>(1.0 / 27)));
        Vector<double> terms0to7 = Vector.FusedMultiplyAdd(terms4to7, z4, terms0to3);
        Vector<double> terms8to16 = Vector.FusedMultiplyAdd(new Vector<double>(1.0 / 35), z4, terms12to15);
        terms8to16 = Vector.FusedMultiplyAdd(terms8to16, z4, terms8to11);
        Vector<double> p = Vector.FusedMultiplyAdd(terms8to16, z8, terms0to7);
        // 2 (s + s^3 p(z)), with NaN propagating through s.
        return new Vector<double>(2) * Vector.FusedMultiplyAdd(s * z, p, s);
    }

    /// <summary>tanh in double for a widened float: (1 − e^-2|x|)/(1 + e^-2|x|), with x − x³/3 below 2^-12 where the difference would cancel.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> TanhWide(Vector<double> x)
    {
        Vector<double> a = Vector.Abs(x);
        Vector<double> e = ExpCore(-(a + a));
        Vector<double> t = (Vector<double>.One - e) / (Vector<double>.One + e);
        t = Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero).As<long, double>(), -t, t);
        Vector<double> small = x - x * x * x * new Vector<double>(1.0 / 3);
        Vector<double> result = Vector.ConditionalSelect(Vector.LessThan(a, new Vector<double>(1.0 / 4096)).As<long, double>(), small, t);
        return Vector.ConditionalSelect(Vector.Equals(x, x).As<long, double>(), result, x);
    }
}
