// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Kullback–Leibler divergence between distributions over each row: Σ_j target_j (log target_j − input_j), input given as log-probabilities; the mean over samples is PyTorch's 'batchmean'. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(xlogy(target, target) - target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.kl_div(reduction='batchmean' / 'sum'). See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The target probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of values per row.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(xlogy(target, target) - target * input)", RowLength = nameof(classes))]
    public static partial float KlDivRowLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, int classes, Span<float> dInput);

    /// <summary>Kullback–Leibler divergence between distributions over each row: Σ_j target_j (log target_j − input_j), input given as log-probabilities; the mean over samples is PyTorch's 'batchmean'. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(xlogy(target, target) - target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.kl_div(reduction='batchmean' / 'sum'). See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The target probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of values per row.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(xlogy(target, target) - target * input)", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float KlDivRowLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, int classes, Span<float> dInput);

    /// <summary>Kullback–Leibler divergence between distributions over each row: Σ_j target_j (log target_j − input_j), input given as log-probabilities; the mean over samples is PyTorch's 'batchmean'. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>sum(xlogy(target, target) - target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.kl_div(reduction='batchmean' / 'sum'). See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The target probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of values per row.</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(xlogy(target, target) - target * input)", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void KlDivRowLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Kullback–Leibler divergence between distributions over each row: Σ_j target_j (log target_j − input_j), input given as log-probabilities; the mean over samples is PyTorch's 'batchmean'. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(xlogy(target, target) - target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.kl_div(reduction='batchmean' / 'sum'). See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The target probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of values per row.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(xlogy(target, target) - target * input)", RowLength = nameof(classes))]
    public static partial double KlDivRowLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int classes, Span<double> dInput);

    /// <summary>Kullback–Leibler divergence between distributions over each row: Σ_j target_j (log target_j − input_j), input given as log-probabilities; the mean over samples is PyTorch's 'batchmean'. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(xlogy(target, target) - target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.kl_div(reduction='batchmean' / 'sum'). See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The target probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of values per row.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(xlogy(target, target) - target * input)", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double KlDivRowLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int classes, Span<double> dInput);

    /// <summary>Kullback–Leibler divergence between distributions over each row: Σ_j target_j (log target_j − input_j), input given as log-probabilities; the mean over samples is PyTorch's 'batchmean'. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>sum(xlogy(target, target) - target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.kl_div(reduction='batchmean' / 'sum'). See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The target probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of values per row.</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(xlogy(target, target) - target * input)", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void KlDivRowLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int classes, Span<double> loss, Span<double> dInput);
}
