namespace LossGen.Tests.Numerics;

/// <summary>Errors in units in the last place, against a double-precision reference.</summary>
internal static class Ulp
{
    /// <summary>Error of a float result in float ulps at the (double) reference; 0 when both are the same special value.</summary>
    public static double OfFloat(float result, double reference)
    {
        if (double.IsNaN(reference) || double.IsNaN(result))
        {
            return double.IsNaN(reference) && float.IsNaN(result) ? 0 : double.PositiveInfinity;
        }
        if (double.IsInfinity(reference) || float.IsInfinity(result))
        {
            // A finite reference beyond float's range correctly rounds to infinity.
            bool overflow = float.IsInfinity(result) && Math.Abs(reference) >= float.MaxValue && Math.Sign(reference) == Math.Sign(result);
            return result == reference || overflow ? 0 : double.PositiveInfinity;
        }
        double magnitude = Math.Abs(reference);
        double ulp = magnitude < Math.Pow(2, -126) ? Math.Pow(2, -149) : Math.Pow(2, Math.Floor(Math.Log2(magnitude)) - 23);
        return Math.Abs(result - reference) / ulp;
    }

    /// <summary>Error of a double result in double ulps at the reference.</summary>
    public static double OfDouble(double result, double reference)
    {
        if (double.IsNaN(reference) || double.IsNaN(result))
        {
            return double.IsNaN(reference) && double.IsNaN(result) ? 0 : double.PositiveInfinity;
        }
        if (double.IsInfinity(reference) || double.IsInfinity(result))
        {
            return result == reference ? 0 : double.PositiveInfinity;
        }
        double magnitude = Math.Abs(reference);
        double ulp = Math.BitIncrement(magnitude) - magnitude;
        if (ulp == 0 || double.IsInfinity(ulp))
        {
            ulp = magnitude - Math.BitDecrement(magnitude);
        }
        return Math.Abs(result - reference) / ulp;
    }
}

/// <summary>Reference functions in double, from Math and exact two-sum arithmetic (independent of VectorMath).</summary>
internal static class Reference
{
    /// <summary>log(1 + x) to about 1 ulp: 1 + x as an exact sum hi + lo, then log(hi) + lo/hi.</summary>
    public static double Log1p(double x)
    {
        if (double.IsNaN(x) || x < -1)
        {
            return double.NaN;
        }
        if (x == -1)
        {
            return double.NegativeInfinity;
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        if (Math.Abs(x) < 1e-5)
        {
            return x * (1 - x * (0.5 - x * (1.0 / 3 - x * 0.25)));
        }
        double hi = 1 + x;
        double lo = Math.Abs(x) <= 1 ? (1 - hi) + x : (x - hi) + 1; // exact rounding error of 1 + x
        return Math.Log(hi) + lo / hi;
    }

    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }
        double e = Math.Exp(x);
        return e / (1 + e);
    }

    /// <summary>σ'(x) = σ(x) · σ(−x) = e/(1 + e)² with e = exp(−|x|), in double.</summary>
    public static double SigmoidSlope(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        return e / ((1 + e) * (1 + e));
    }

    public static double Softplus(double x) => double.IsNaN(x) ? x : Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));
}
