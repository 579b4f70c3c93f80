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

    /// <summary>
    /// Throws <see cref="ArgumentException"/> naming <paramref name="name"/> when a catalogue loss's fixed
    /// scalar is outside its domain, as PyTorch refuses it: Huber's δ and smooth L1's β must be positive
    /// (β = 0 allowed), the quantile τ in [0, 1], BCE's posWeight positive; all finite. A default-constructed
    /// struct (δ = 0) is caught here too.
    /// </summary>
    public static void CheckHyperParameters<TLoss>(TLoss loss, string name)
    {
        (string parameter, double value, bool ok, string domain) = loss switch
        {
            Losses.HuberLossFunction h => ("delta", h.Delta, h.Delta > 0, "> 0"),
            Losses.HuberLossSumFunction h => ("delta", h.Delta, h.Delta > 0, "> 0"),
            Losses.SmoothL1LossFunction s => ("beta", s.Beta, s.Beta >= 0, "≥ 0"),
            Losses.SmoothL1LossSumFunction s => ("beta", s.Beta, s.Beta >= 0, "≥ 0"),
            Losses.QuantileLossFunction q => ("tau", q.Tau, q.Tau >= 0 && q.Tau <= 1, "in [0, 1]"),
            Losses.QuantileLossSumFunction q => ("tau", q.Tau, q.Tau >= 0 && q.Tau <= 1, "in [0, 1]"),
            Losses.BceWithLogitsLossFunction b => ("posWeight", b.PosWeight, b.PosWeight > 0, "> 0"),
            Losses.BceWithLogitsLossSumFunction b => ("posWeight", b.PosWeight, b.PosWeight > 0, "> 0"),
            _ => ("", 0.0, true, ""),
        };
        if (!ok || !double.IsFinite(value))
        {
            throw new ArgumentException($"{typeof(TLoss).Name}'s {parameter} is {value}, but it must be finite and {domain}.", name);
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
