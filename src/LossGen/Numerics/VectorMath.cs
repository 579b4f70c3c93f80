using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>
/// Element-wise transcendental functions on <see cref="Vector{T}"/>, used by generated kernels.
/// Each matches its <see cref="System.Math"/> counterpart on special values (±0, ±∞, NaN) and is
/// accurate to ≤ 2 ulp in float and ≤ 4 ulp in double (measured over 10^6 points per function by
/// the test suite; figures in docs/benchmarks.md).
/// </summary>
/// <remarks>
/// Float <c>exp</c>, <c>log</c>, <c>log1p</c>, <c>sigmoid</c> and <c>softplus</c> are single-precision
/// polynomials with a fast path for ordinary arguments (one compare and branch per vector). Float
/// <c>tanh</c> and <c>pow</c> are evaluated in double on the widened lanes and rounded once. Entry
/// points with a restricted domain (<c>ExpNonPositive</c>, <c>Log1pUnit</c>, <c>SigmoidNonPositive</c>)
/// skip checks that the generator can prove unnecessary.
/// </remarks>
public static partial class VectorMath
{
    /// <summary>e^x for each lane: ≤ 1 ulp; +∞ above 709.78, 0 below −745.13, NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x)
    {
        // NaN fails the comparison and takes the complete path.
        if (Vector.LessThanOrEqualAll(Vector.Abs(x), new Vector<double>(ExpFastLimitDouble)))
        {
            Vector<double> y = ExpReduced(x, out Vector<double> n);
            return y * PowerOfTwo(n);
        }
        return ExpCore(x);
    }

    /// <summary>
    /// e^x for x ≤ 0 (for the generator, when it has proved the argument non-positive): ≤ 1 ulp,
    /// subnormal results below −708.4, 0 below −745.13 and at −∞, NaN for NaN. Skips the overflow
    /// check of <see cref="Exp(Vector{double})"/>; for x &gt; 0 the result is unspecified.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> ExpNonPositive(Vector<double> x)
    {
        if (Vector.GreaterThanOrEqualAll(x, new Vector<double>(-ExpFastLimitDouble)))
        {
            Vector<double> y = ExpReduced(x, out Vector<double> n);
            return y * PowerOfTwo(n);
        }
        return ExpCore(x);
    }

    /// <summary>Natural logarithm of each lane: −∞ at 0, NaN for negatives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> x) => Vector.Log(x);

    /// <summary>log(1 + x) for each lane, accurate for small |x| (Kahan's correction of log(1 + x)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1p(Vector<double> x)
    {
        Vector<double> u = Vector<double>.One + x;
        Vector<double> d = u - Vector<double>.One;
        Vector<double> corrected = Log(u) * (x / d);
        // u == 1: log1p(x) = x to within rounding; u == +inf: the quotient is NaN, the answer +inf.
        Vector<double> result = Vector.ConditionalSelect(Vector.Equals(d, Vector<double>.Zero).As<long, double>(), x, corrected);
        return Vector.ConditionalSelect(Vector.Equals(u, new Vector<double>(double.PositiveInfinity)).As<long, double>(), u, result);
    }

    /// <summary>-1, 0 or 1 by the sign of each lane; NaN stays NaN and ±0 stays ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sign(Vector<float> x)
    {
        Vector<float> positive = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<float>.Zero).As<int, float>(), Vector<float>.One, x);
        return Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero).As<int, float>(), -Vector<float>.One, positive);
    }

    /// <summary>-1, 0 or 1 by the sign of each lane; NaN stays NaN and ±0 stays ±0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sign(Vector<double> x)
    {
        Vector<double> positive = Vector.ConditionalSelect(Vector.GreaterThan(x, Vector<double>.Zero).As<long, double>(), Vector<double>.One, x);
        return Vector.ConditionalSelect(Vector.LessThan(x, Vector<double>.Zero).As<long, double>(), -Vector<double>.One, positive);
    }

    /// <summary>
    /// <paramref name="value"/> with its sign flipped in the lanes where <paramref name="sign"/>'s sign bit is set: equal
    /// to value · sign(<paramref name="sign"/>) wherever <paramref name="sign"/> is neither ±0 nor NaN (at ±0 it gives
    /// ±value where the product is 0; for a NaN it flips by the NaN's sign bit where the product is NaN). The generator
    /// uses it for f · sign(x) where it has proved f = 0 at x = ±0. One AND and one XOR.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> MultiplySign(Vector<float> value, Vector<float> sign) => value ^ (sign & new Vector<float>(-0f));

    /// <summary>
    /// <paramref name="value"/> with its sign flipped in the lanes where <paramref name="sign"/>'s sign bit is set: equal
    /// to value · sign(<paramref name="sign"/>) wherever <paramref name="sign"/> is neither ±0 nor NaN (at ±0 it gives
    /// ±value where the product is 0; for a NaN it flips by the NaN's sign bit where the product is NaN). The generator
    /// uses it for f · sign(x) where it has proved f = 0 at x = ±0. One AND and one XOR.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MultiplySign(Vector<double> value, Vector<double> sign) => value ^ (sign & new Vector<double>(-0d));

    /// <summary>Hyperbolic tangent of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> low, out Vector<double> high);
        return Vector.Narrow(TanhWide(low), TanhWide(high));
    }

    /// <summary>
    /// Hyperbolic tangent of each lane: ≤ 4 ulp; tanh(±0) = ±0, ±1 beyond ±19.1, NaN for NaN. Computed as
    /// −u/(2 + u) with u = expm1(−2|x|) (no cancellation for small |x|) and the sign of x copied back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Tanh(Vector<double> x)
    {
        Vector<double> a = Vector.Abs(x);
        Vector<double> u = ExpM1NonPositive(-(a + a));
        Vector<double> t = -u / (new Vector<double>(2) + u);
        // Copy the sign bit of x onto t (t >= 0), which keeps -0; NaN stays NaN.
        Vector<double> signed = Vector.ConditionalSelect(new Vector<double>(-0.0), x, t);
        return Vector.ConditionalSelect(Vector.Equals(x, x).As<long, double>(), signed, x);
    }
}
