using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>Sigmoid and softplus: one exponential e = e^−|x| each, which never overflows, in float or double arithmetic.</summary>
public static partial class VectorMath
{
    /// <summary>
    /// Logistic sigmoid 1/(1 + e^−x): ≤ 2 ulp. One exp and one division: e = e^−|x|, r = 1/(1 + e),
    /// then r for x ≥ 0 and e·r for x &lt; 0 (no overflow, and the small tail keeps its precision), each
    /// refined by one Newton step on the remainder of the quotient (FMA, no second division).
    /// σ(±0) = 1/2, σ(+∞) = 1, σ(−∞) = 0, NaN for NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Sigmoid(Vector<float> x)
    {
        Vector<float> e = ExpNonPositive(-Vector.Abs(x));
        Vector<float> numerator = Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<float>.Zero).As<int, float>(), Vector<float>.One, e);
        // numerator/(1 + e), refined by one Newton step on the remainder: the generated kernels' form too.
        return DivOnePlus(numerator, e);
    }

    /// <summary>Logistic sigmoid 1/(1 + e^−x): ≤ 4 ulp, computed as <see cref="Sigmoid(Vector{float})"/> in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Sigmoid(Vector<double> x)
    {
        Vector<double> e = ExpNonPositive(-Vector.Abs(x));
        Vector<double> r = Vector<double>.One / (Vector<double>.One + e);
        return Vector.ConditionalSelect(Vector.GreaterThanOrEqual(x, Vector<double>.Zero).As<long, double>(), r, e * r);
    }

    /// <summary>
    /// a / (1 + b) for b in [0, 1] (for the generator: sigmoid's quotient, with a = 1 or e and b = e = e^−|x|): one
    /// division, refined by a Newton step on the remainder computed with the exact rounding error of 1 + b, so the
    /// result is within about half an ulp of a/(1 + b) for the a and b given. NaN in, NaN out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> DivOnePlus(Vector<float> a, Vector<float> b) =>
        DivOnePlus(a, b, Vector<float>.One / (Vector<float>.One + b)); // the JIT computes 1 + b once for both

    /// <summary>
    /// a / (1 + b) for b in [0, 1] given <paramref name="r"/> = 1 / (1 + b) rounded (for the generator: sigmoid's
    /// quotient where its slope e·r·r shares r): a·r refined by the same Newton step as
    /// <see cref="DivOnePlus(Vector{float}, Vector{float})"/>, so no second division; within about half an ulp of
    /// a/(1 + b) for the a and b given. NaN in, NaN out.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> DivOnePlus(Vector<float> a, Vector<float> b, Vector<float> r)
    {
        Vector<float> d = Vector<float>.One + b;
        Vector<float> dLow = (Vector<float>.One - d) + b; // 1 + b = d + dLow exactly (|b| ≤ 1)
        Vector<float> q = a * r;
        Vector<float> remainder = Vector.FusedMultiplyAdd(-q, d, a) - q * dLow;
        return Vector.FusedMultiplyAdd(remainder, r, q);
    }

    /// <summary>a / (1 + b) for b in [0, 1] given <paramref name="r"/> = 1 / (1 + b): a·r (double kernels' error budget allows it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> DivOnePlus(Vector<double> a, Vector<double> b, Vector<double> r) => a * r;

    /// <summary>a / (1 + b) for b in [0, 1]: one rounded division (double kernels' error budget allows it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> DivOnePlus(Vector<double> a, Vector<double> b) => a / (Vector<double>.One + b);

    /// <summary>
    /// Logistic sigmoid for x ≤ 0 only (for the generator, when it has proved the argument non-positive):
    /// e/(1 + e) with e = e^x, ≤ 2 ulp; σ(−∞) = 0, NaN for NaN; for x &gt; 0 the result is unspecified.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> SigmoidNonPositive(Vector<float> x)
    {
        Vector<float> e = ExpNonPositive(x);
        Vector<float> d = Vector<float>.One + e;
        Vector<float> q = e / d;
        // One Newton step on the remainder e − q·(d + dLow) (dLow the exact rounding error of 1 + e), with 1/(1 + e) = 1 − q.
        Vector<float> dLow = (Vector<float>.One - d) + e;
        Vector<float> remainder = Vector.FusedMultiplyAdd(-q, d, e) - q * dLow;
        return Vector.FusedMultiplyAdd(remainder, Vector<float>.One - q, q);
    }

    /// <summary>
    /// Logistic sigmoid for x ≤ 0 only (for the generator, when it has proved the argument non-positive):
    /// e/(1 + e) with e = e^x, ≤ 4 ulp; σ(−∞) = 0, NaN for NaN; for x &gt; 0 the result is unspecified.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> SigmoidNonPositive(Vector<double> x)
    {
        Vector<double> e = ExpNonPositive(x);
        return e / (Vector<double>.One + e);
    }

    /// <summary>
    /// softplus(x) = log(1 + e^x): ≤ 2 ulp, computed as max(x, 0) + log1p(e^−|x|) (no overflow, no
    /// cancellation, no division). softplus(−∞) = 0, softplus(+∞) = +∞, NaN for NaN.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Softplus(Vector<float> x)
    {
        Vector<float> result = Vector.Max(x, Vector<float>.Zero) + Log1pUnit(ExpNonPositive(-Vector.Abs(x)));
        return Vector.ConditionalSelect(Vector.Equals(x, x).As<int, float>(), result, x);
    }

    /// <summary>softplus(x) = log(1 + e^x): ≤ 4 ulp, computed as max(x, 0) + log1p(e^−|x|): no overflow, no cancellation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Softplus(Vector<double> x)
    {
        Vector<double> result = Vector.Max(x, Vector<double>.Zero) + Log1pUnit(ExpNonPositive(-Vector.Abs(x)));
        return Vector.ConditionalSelect(Vector.Equals(x, x).As<long, double>(), result, x);
    }
}
