using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>
/// Element-wise transcendental functions on <see cref="Vector{T}"/>, used by generated kernels.
/// Each function matches its <see cref="System.Math"/> / <see cref="System.MathF"/> counterpart
/// on special values (±0, ±∞, NaN) and is accurate to a few ulp (see docs/benchmarks.md).
/// </summary>
public static partial class VectorMath
{
    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x) => Vector.Exp(x);

    /// <summary>e^x for each lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Exp(Vector<double> x) => Vector.Exp(x);

    /// <summary>Natural logarithm of each lane: -∞ at 0, NaN for negatives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x) => Vector.Log(x);

    /// <summary>Natural logarithm of each lane: -∞ at 0, NaN for negatives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log(Vector<double> x) => Vector.Log(x);

    /// <summary>log(1 + x), accurate for small |x| (Kahan's correction of log(1 + x)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1p(Vector<float> x)
    {
        Vector<float> u = Vector<float>.One + x;
        Vector<float> d = u - Vector<float>.One;
        Vector<float> corrected = Log(u) * (x / d);
        // u == 1: log1p(x) = x to within rounding; u == +inf: the quotient is NaN, the answer +inf.
        Vector<float> result = Vector.ConditionalSelect(Vector.Equals(d, Vector<float>.Zero).As<int, float>(), x, corrected);
        return Vector.ConditionalSelect(Vector.Equals(u, new Vector<float>(float.PositiveInfinity)).As<int, float>(), u, result);
    }

    /// <summary>log(1 + x), accurate for small |x| (Kahan's correction of log(1 + x)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Log1p(Vector<double> x)
    {
        Vector<double> u = Vector<double>.One + x;
        Vector<double> d = u - Vector<double>.One;
        Vector<double> corrected = Log(u) * (x / d);
        Vector<double> result = Vector.ConditionalSelect(Vector.Equals(d, Vector<double>.Zero).As<long, double>(), x, corrected);
        return Vector.ConditionalSelect(Vector.Equals(u, new Vector<double>(double.PositiveInfinity)).As<long, double>(), u, result);
    }

    /// <summary>Logistic sigmoid 1/(1+e^-x), computed from e^-|x| so that it neither overflows nor loses the small tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x)
    {
        Vector<float> e = Exp(-Vector.Abs(x));
        Vector<float> r = Vector<float>.One / (Vector<float>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero).As<int, float>(), r, e * r);
    }

    /// <summary>Logistic sigmoid 1/(1+e^-x), computed from e^-|x| so that it neither overflows nor loses the small tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sigmoid(Vector<double> x)
    {
        Vector<double> e = Exp(-Vector.Abs(x));
        Vector<double> r = Vector<double>.One / (Vector<double>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero).As<long, double>(), r, e * r);
    }

    /// <summary>softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^-|x|): no overflow, no cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Softplus(Vector<float> x) =>
        Vector.Max(x, Vector<float>.Zero) + Log1p(Exp(-Vector.Abs(x)));

    /// <summary>softplus(x) = log(1 + e^x), computed as max(x, 0) + log1p(e^-|x|): no overflow, no cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Softplus(Vector<double> x) =>
        Vector.Max(x, Vector<double>.Zero) + Log1p(Exp(-Vector.Abs(x)));

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
    public static Vector<float> Tanh(Vector<float> x)
    {
        // |x| < 0.625: odd polynomial (Cephes tanhf); otherwise 1 - 2/(e^{2|x|} + 1), which saturates to ±1 cleanly.
        Vector<float> a = Vector.Abs(x);
        Vector<float> z = x * x;
        Vector<float> p = new Vector<float>(-5.70498872745e-3f);
        p = p * z + new Vector<float>(2.06390887954e-2f);
        p = p * z + new Vector<float>(-5.37397155531e-2f);
        p = p * z + new Vector<float>(1.33314422036e-1f);
        p = p * z + new Vector<float>(-3.33332819422e-1f);
        Vector<float> small = x + x * z * p;
        Vector<float> large = Vector<float>.One - new Vector<float>(2f) / (Exp(a + a) + Vector<float>.One);
        large = Vector.ConditionalSelect(Vector.LessThan(x, Vector<float>.Zero).As<int, float>(), -large, large);
        return Vector.ConditionalSelect(Vector.LessThan(a, new Vector<float>(0.625f)).As<int, float>(), small, large);
    }

    /// <summary>Hyperbolic tangent of each lane (lane by lane through <see cref="System.Math.Tanh"/>).</summary>
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
