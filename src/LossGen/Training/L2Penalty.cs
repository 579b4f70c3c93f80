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
}
