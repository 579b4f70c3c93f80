using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>The L2 penalty λ/2 ‖w‖² over the first parameters, added to a loss and its gradient: one code path for the local and the merged objective.</summary>
internal static class L2Penalty
{
    /// <summary>Adds λ/2 Σ pⱼ² over the first <paramref name="penalized"/> parameters to <paramref name="loss"/> (returned) and λ·pⱼ to the gradient.</summary>
    public static double Add<T>(double lambda, int penalized, ReadOnlySpan<T> parameters, Span<T> gradient, double loss)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (lambda > 0)
        {
            T l = T.CreateChecked(lambda);
            T penalty = T.Zero;
            for (int j = 0; j < penalized; j++)
            {
                penalty += parameters[j] * parameters[j];
                gradient[j] += l * parameters[j];
            }
            loss += lambda / 2 * double.CreateChecked(penalty);
        }
        return loss;
    }

    /// <summary>
    /// The full Hessian in double from its upper triangle in T (<paramref name="upper"/>, p × p row-major, the lower
    /// triangle ignored): mirrored, with λ added on the diagonal of the first <paramref name="penalized"/> parameters.
    /// </summary>
    public static void AddToHessian<T>(double lambda, int penalized, ReadOnlySpan<T> upper, Span<double> hessian)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int p = (int)Math.Round(Math.Sqrt(hessian.Length));
        for (int i = 0; i < p; i++)
        {
            for (int j = i; j < p; j++)
            {
                double v = double.CreateChecked(upper[i * p + j]);
                hessian[i * p + j] = v;
                hessian[j * p + i] = v;
            }
        }
        if (lambda > 0)
        {
            for (int j = 0; j < penalized; j++)
            {
                hessian[j * p + j] += lambda;
            }
        }
    }
}
