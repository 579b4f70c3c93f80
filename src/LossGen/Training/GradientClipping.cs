using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>Gradient clipping, as <c>torch.nn.utils.clip_grad_norm_</c> and <c>clip_grad_value_</c>.</summary>
public static class GradientClipping
{
    /// <summary>
    /// Scales <paramref name="gradient"/> by min(1, maxNorm / (‖g‖₂ + 1e-6)) so that its Euclidean norm is at
    /// most <paramref name="maxNorm"/>, and returns the norm before clipping.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxNorm"/> is not finite and positive.</exception>
    public static T ClipByGlobalNorm<T>(Span<T> gradient, T maxNorm)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(maxNorm) || maxNorm <= T.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(maxNorm), maxNorm, "maxNorm must be finite and positive.");
        }
        T sum = T.Zero;
        foreach (T g in gradient)
        {
            sum += g * g;
        }
        T norm = T.Sqrt(sum);
        T coefficient = T.Min(maxNorm / (norm + T.CreateChecked(1e-6)), T.One);
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= coefficient;
        }
        return norm;
    }

    /// <summary>Clamps every element of <paramref name="gradient"/> to [−clipValue, clipValue].</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="clipValue"/> is not finite and positive.</exception>
    public static void ClipByValue<T>(Span<T> gradient, T clipValue)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!T.IsFinite(clipValue) || clipValue <= T.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(clipValue), clipValue, "clipValue must be finite and positive.");
        }
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] = T.Clamp(gradient[i], -clipValue, clipValue);
        }
    }
}
