// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Negative log-likelihood of log-probabilities with a class index per sample: −input[target]. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>-input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.nll_loss. See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("-input[target]", RowLength = nameof(classes))]
    public static partial float NllLoss(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> dInput);

    /// <summary>Negative log-likelihood of log-probabilities with a class index per sample: −input[target]. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>-input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.nll_loss. See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("-input[target]", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float NllLossSum(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> dInput);

    /// <summary>Negative log-likelihood of log-probabilities with a class index per sample: −input[target]. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>-input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.nll_loss. See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("-input[target]", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void NllLossNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Negative log-likelihood of log-probabilities with a class index per sample: −input[target]. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>-input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.nll_loss. See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("-input[target]", RowLength = nameof(classes))]
    public static partial double NllLoss(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> dInput);

    /// <summary>Negative log-likelihood of log-probabilities with a class index per sample: −input[target]. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>-input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.nll_loss. See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("-input[target]", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double NllLossSum(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> dInput);

    /// <summary>Negative log-likelihood of log-probabilities with a class index per sample: −input[target]. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>-input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.nll_loss. See docs/losses.md.</remarks>
    /// <param name="input">The log-probabilities: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("-input[target]", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void NllLossNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> loss, Span<double> dInput);
}
