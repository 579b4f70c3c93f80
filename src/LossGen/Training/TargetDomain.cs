using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// The targets the catalogue's losses are defined for, checked when a model is built so that a wrong label
/// coding (0/1 labels for a hinge loss, 0–100 % for binary cross-entropy, negative counts for Poisson) is
/// reported with the first offending index instead of training silently on a meaningless objective.
/// Losses outside the catalogue accept any finite target.
/// </summary>
internal static class TargetDomain
{
    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> at the first target outside the loss's domain.</summary>
    public static void Check<T, TLoss>(ReadOnlySpan<T> targets, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        (Func<T, bool>? inDomain, string domain) = Of<T, TLoss>();
        if (inDomain is null)
        {
            return;
        }
        for (int i = 0; i < targets.Length; i++)
        {
            if (!inDomain(targets[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {targets[i]}, but {typeof(TLoss).Name} needs targets {domain}.", name);
            }
        }
    }

    private static (Func<T, bool>? InDomain, string Domain) Of<T, TLoss>()
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Type loss = typeof(TLoss);
        if (loss == typeof(Losses.BceLossFunction) || loss == typeof(Losses.BceLossSumFunction) ||
            loss == typeof(Losses.BceWithLogitsLossFunction) || loss == typeof(Losses.BceWithLogitsLossSumFunction))
        {
            return (t => t >= T.Zero && t <= T.One, "in [0, 1] (probabilities of the positive class)");
        }
        if (loss == typeof(Losses.HingeLossFunction) || loss == typeof(Losses.HingeLossSumFunction) ||
            loss == typeof(Losses.SquaredHingeLossFunction) || loss == typeof(Losses.SquaredHingeLossSumFunction))
        {
            return (t => t == T.One || t == -T.One, "of −1 or +1 (not 0/1)");
        }
        if (loss == typeof(Losses.PoissonNllLossFunction) || loss == typeof(Losses.PoissonNllLossSumFunction) ||
            loss == typeof(Losses.KlDivLossFunction) || loss == typeof(Losses.KlDivLossSumFunction))
        {
            return (t => t >= T.Zero, "≥ 0");
        }
        return (null, "");
    }
}
