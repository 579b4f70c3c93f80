using System;

namespace LossGen.Generator.Symbolic;

/// <summary>Double-precision reference forms of the functions, for constant folding.</summary>
internal static class ScalarMath
{
    public static double Log1p(double x)
    {
        double u = 1 + x;
        if (u == 1)
        {
            return x;
        }
        return double.IsPositiveInfinity(u) ? u : Math.Log(u) * (x / (u - 1));
    }

    public static double Sigmoid(double x)
    {
        double e = Math.Exp(-Math.Abs(x));
        double r = 1 / (1 + e);
        return x >= 0 ? r : e * r;
    }

    public static double Softplus(double x) => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x)));
}
