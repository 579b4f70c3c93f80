using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>Double-precision kernels shared by the double functions and the widened float composites.</summary>
public static partial class VectorMath
{
    /// <summary>
    /// e^x in double: x = n ln2 + r with ln2 split in two (Cody–Waite), |r| ≤ ln2/2, then the Taylor
    /// polynomial of degree 13 (truncation error below 2^-58) and an exact scaling by 2^n in two steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<double> ExpCore(Vector<double> x)
    {
        Vector<double> t = Vector.Min(Vector.Max(x, new Vector<double>(-746)), new Vector<double>(710));
        Vector<double> n = Vector.Round(t * new Vector<double>(1.4426950408889634));
        Vector<double> r = Vector.FusedMultiplyAdd(n, new Vector<double>(-0.6931471803691238), t);
        r = Vector.FusedMultiplyAdd(n, new Vector<double>(-1.9082149292705877e-10), r);
        Vector<double> p = new Vector<double>(1.0 / 6227020800);
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 479001600));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 39916800));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 3628800));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 362880));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 40320));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 5040));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 720));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 120));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 24));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(1.0 / 6));
        p = Vector.FusedMultiplyAdd(p, r, new Vector<double>(0.5));
        Vector<double> y = Vector.FusedMultiplyAdd(p, r * r, r) + Vector<double>.One;
        Vector<long> k = Vector.ConvertToInt64(n);
        Vector<long> k1 = Vector.ShiftRightArithmetic(k, 1);
        Vector<long> k2 = k - k1;
        Vector<double> s1 = Vector.ShiftLeft(k1 + new Vector<long>(1023), 52).As<long, double>();
        Vector<double> s2 = Vector.ShiftLeft(k2 + new Vector<long>(1023), 52).As<long, double>();
        Vector<double> result = y * s1 * s2;
        return Vector.ConditionalSelect(Vector.Equals(x, x).As<long, double>(), result, x);
    }

    /// <summary>
    /// log(1 + e) for lanes known to be in [0, 1] (generated kernels call it where range analysis proves it),
    /// as 2 atanh(s), s = e/(2 + e) ≤ 1/3: the odd series to s^35, no cancellation for tiny e.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1pUnit(Vector<double> e)
    {
        Vector<double> s = e / (new Vector<double>(2) + e);
        Vector<double> z = s * s;
        Vector<double> p = new Vector<double>(1.0 / 35);
        for (int k = 33; k >= 3; k -= 2)
        {
            p = Vector.FusedMultiplyAdd(p, z, new Vector<double>(1.0 / k));
        }
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
