// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Multi-class focal loss on logits: −α (1 − p_t)^γ log p_t with p = softmax(input), t = target (Lin et al. 2017). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp</c> over rows of K = <c>classes</c> values. PyTorch: (closed form; torchvision has the binary form only). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="alpha">The weight α of every class (0.25 in the paper, 1 for plain focal loss).</param>
    /// <param name="gamma">The focusing exponent γ ≥ 0 (γ = 0 is cross-entropy).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp", RowLength = nameof(classes))]
    public static partial float SoftmaxFocalLoss(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float alpha, float gamma, int classes, Span<float> dInput);

    /// <summary>Multi-class focal loss on logits: −α (1 − p_t)^γ log p_t with p = softmax(input), t = target (Lin et al. 2017). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp</c> over rows of K = <c>classes</c> values. PyTorch: (closed form; torchvision has the binary form only). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="alpha">The weight α of every class (0.25 in the paper, 1 for plain focal loss).</param>
    /// <param name="gamma">The focusing exponent γ ≥ 0 (γ = 0 is cross-entropy).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float SoftmaxFocalLossSum(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float alpha, float gamma, int classes, Span<float> dInput);

    /// <summary>Multi-class focal loss on logits: −α (1 − p_t)^γ log p_t with p = softmax(input), t = target (Lin et al. 2017). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp</c> over rows of K = <c>classes</c> values. PyTorch: (closed form; torchvision has the binary form only). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="alpha">The weight α of every class (0.25 in the paper, 1 for plain focal loss).</param>
    /// <param name="gamma">The focusing exponent γ ≥ 0 (γ = 0 is cross-entropy).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void SoftmaxFocalLossNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float alpha, float gamma, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Multi-class focal loss on logits: −α (1 − p_t)^γ log p_t with p = softmax(input), t = target (Lin et al. 2017). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp</c> over rows of K = <c>classes</c> values. PyTorch: (closed form; torchvision has the binary form only). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="alpha">The weight α of every class (0.25 in the paper, 1 for plain focal loss).</param>
    /// <param name="gamma">The focusing exponent γ ≥ 0 (γ = 0 is cross-entropy).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp", RowLength = nameof(classes))]
    public static partial double SoftmaxFocalLoss(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double alpha, double gamma, int classes, Span<double> dInput);

    /// <summary>Multi-class focal loss on logits: −α (1 − p_t)^γ log p_t with p = softmax(input), t = target (Lin et al. 2017). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp</c> over rows of K = <c>classes</c> values. PyTorch: (closed form; torchvision has the binary form only). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="alpha">The weight α of every class (0.25 in the paper, 1 for plain focal loss).</param>
    /// <param name="gamma">The focusing exponent γ ≥ 0 (γ = 0 is cross-entropy).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double SoftmaxFocalLossSum(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double alpha, double gamma, int classes, Span<double> dInput);

    /// <summary>Multi-class focal loss on logits: −α (1 − p_t)^γ log p_t with p = softmax(input), t = target (Lin et al. 2017). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp</c> over rows of K = <c>classes</c> values. PyTorch: (closed form; torchvision has the binary form only). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="alpha">The weight α of every class (0.25 in the paper, 1 for plain focal loss).</param>
    /// <param name="gamma">The focusing exponent γ ≥ 0 (γ = 0 is cross-entropy).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logp = input[target] - logsumexp(input); -alpha * (1 - exp(logp))^gamma * logp", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void SoftmaxFocalLossNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double alpha, double gamma, int classes, Span<double> loss, Span<double> dInput);
}
