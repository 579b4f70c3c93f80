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
/// Float <c>exp</c> and <c>log</c> are single-precision polynomials (fast). The float composites
/// (<c>sigmoid</c>, <c>softplus</c>, <c>tanh</c>, <c>log1p</c>) are evaluated in double on the
/// widened lanes and rounded once, which makes them correctly rounded in practice at about twice
/// the cost of a float polynomial.
/// </remarks>
public static partial class VectorMath
{
    /// <summary>e^x for each lane: ≤ 1 ulp; +∞ above 709.78, 0 below −745.13, NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => ExpCore(x);

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

    /// <summary>Logistic sigmoid 1/(1+e^-x), computed from e^-|x|: no overflow, and the small tail keeps its precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> low, out Vector<double> high);
        return Vector.Narrow(Sigmoid(low), Sigmoid(high));
    }

    /// <summary>Logistic sigmoid 1/(1+e^-x), computed from e^-|x|: no overflow, and the small tail keeps its precision.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sigmoid(Vector<double> x)
    {
        Vector<double> e = ExpCore(-Vector.Abs(x));
        Vector<double> r = Vector<double>.One / (Vector<double>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero).As<long, double>(), r, e * r);
    }

    /// <summary>softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^-|x|): no overflow, no cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Softplus(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> low, out Vector<double> high);
        return Vector.Narrow(Softplus(low), Softplus(high));
    }

    /// <summary>softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^-|x|): no overflow, no cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Softplus(Vector<double> x) =>
        Vector.Max(x, Vector<double>.Zero) + Log1pUnit(ExpCore(-Vector.Abs(x)));

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

    /// <summary>Hyperbolic tangent of each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Tanh(Vector<float> x)
    {
        Vector.Widen(x, out Vector<double> low, out Vector<double> high);
        return Vector.Narrow(TanhWide(low), TanhWide(high));
    }

    /// <summary>Hyperbolic tangent of each lane (lane by lane through <see cref="System.Math.Tanh"/>: exact, not fast).</summary>
    public static Vector<double> Tanh(Vector<double> x)
    {
        System.Span<double> lanes = stackalloc double[Vector<double>.Count];
        x.CopyTo(lanes);
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = System.Math.Tanh(lanes[i]);
        }
        return new Vector<double>(lanes);
    }

    /// <summary>a^b for each lane pair, as <see cref="System.MathF.Pow"/> (lane by lane).</summary>
    public static Vector<float> Pow(Vector<float> a, Vector<float> b)
    {
        System.Span<float> lanes = stackalloc float[Vector<float>.Count];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = System.MathF.Pow(a[i], b[i]);
        }
        return new Vector<float>(lanes);
    }

    /// <summary>a^b for each lane pair, as <see cref="System.Math.Pow"/> (lane by lane).</summary>
    public static Vector<double> Pow(Vector<double> a, Vector<double> b)
    {
        System.Span<double> lanes = stackalloc double[Vector<double>.Count];
        for (int i = 0; i < lanes.Length; i++)
        {
            lanes[i] = System.Math.Pow(a[i], b[i]);
        }
        return new Vector<double>(lanes);
    }
}
