using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// Generated losses as custom objectives of gradient-boosting libraries. XGBoost (<c>obj=</c>) and LightGBM
/// (<c>objective=</c> callable) take a custom objective as a function of the current raw predictions (margins, before
/// any link) and the labels that returns, per sample, the first and second derivatives of that sample's loss:
/// <c>grad[i] = ∂l_i/∂p_i</c>, <c>hess[i] = ∂²l_i/∂p_i²</c>. <c>Objective</c> fills exactly these two
/// arrays from any element-wise loss with second derivatives, in one vectorized pass.
/// </summary>
public static class GradientBoosting
{
    /// <summary>
    /// Writes the per-sample gradient and second derivative of <paramref name="loss"/> at <paramref name="predictions"/>
    /// (the custom-objective output of XGBoost/LightGBM) and returns the sum of the per-sample losses. A loss that
    /// reduces by the mean (the catalogue's plain names) is rescaled by n, so the outputs are per-sample derivatives
    /// either way; a <c>…Sum</c> loss needs no rescaling and gives the kernel's bits.
    /// </summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <typeparam name="TLoss">The loss, e.g. <c>Losses.BceWithLogitsLossSumFunction</c> or a generated struct of your own.</typeparam>
    /// <param name="loss">The loss.</param>
    /// <param name="predictions">The current raw predictions (margins), one per sample.</param>
    /// <param name="labels">The labels, one per sample.</param>
    /// <param name="gradient">Receives ∂l_i/∂p_i.</param>
    /// <param name="hessian">Receives ∂²l_i/∂p_i².</param>
    /// <returns>Σ l_i.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="predictions"/>'s; nothing is written.</exception>
    public static double Objective<T, TLoss>(TLoss loss, ReadOnlySpan<T> predictions, ReadOnlySpan<T> labels, Span<T> gradient, Span<T> hessian)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : ISecondOrderPredictionLoss<T>
    {
        int n = predictions.Length;
        if (labels.Length != n)
        {
            throw new ArgumentException($"There are {n} predictions but {labels.Length} labels.", nameof(labels));
        }
        if (gradient.Length != n)
        {
            throw new ArgumentException($"There are {n} predictions but the gradient has {gradient.Length} values.", nameof(gradient));
        }
        if (hessian.Length != n)
        {
            throw new ArgumentException($"There are {n} predictions but the hessian has {hessian.Length} values.", nameof(hessian));
        }
        if (n == 0)
        {
            return 0;
        }
        double value = double.CreateChecked(loss.Evaluate(predictions, labels, gradient, hessian));
        if (loss.Reduction == Reduction.Mean)
        {
            T scale = T.CreateChecked(n);
            for (int i = 0; i < n; i++)
            {
                gradient[i] *= scale;
                hessian[i] *= scale;
            }
            value *= n;
        }
        return value;
    }

    /// <summary>The array form of <see cref="Objective{T, TLoss}(TLoss, ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T}, Span{T})"/>, so that the types are inferred from arrays.</summary>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">An array's length differs from <paramref name="predictions"/>'s; nothing is written.</exception>
    public static double Objective<T, TLoss>(TLoss loss, T[] predictions, T[] labels, T[] gradient, T[] hessian)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : ISecondOrderPredictionLoss<T>
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(hessian);
        return Objective(loss, (ReadOnlySpan<T>)predictions, labels, gradient, hessian);
    }
}
