// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Softmax cross-entropy of logits with a class index per sample: logsumexp(input) − input[target]. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (class-index targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - input[target]", RowLength = nameof(classes))]
    public static partial float CrossEntropyLoss(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> dInput);

    /// <summary>Softmax cross-entropy of logits with a class index per sample: logsumexp(input) − input[target]. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (class-index targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - input[target]", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float CrossEntropyLossSum(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> dInput);

    /// <summary>Softmax cross-entropy of logits with a class index per sample: logsumexp(input) − input[target]. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (class-index targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - input[target]", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void CrossEntropyLossNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Softmax cross-entropy of logits with a class index per sample: logsumexp(input) − input[target]. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (class-index targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - input[target]", RowLength = nameof(classes))]
    public static partial double CrossEntropyLoss(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> dInput);

    /// <summary>Softmax cross-entropy of logits with a class index per sample: logsumexp(input) − input[target]. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (class-index targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - input[target]", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double CrossEntropyLossSum(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> dInput);

    /// <summary>Softmax cross-entropy of logits with a class index per sample: logsumexp(input) − input[target]. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - input[target]</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (class-index targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - input[target]", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void CrossEntropyLossNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> loss, Span<double> dInput);

    /// <summary>Softmax cross-entropy with label smoothing ε (PyTorch's label_smoothing): logsumexp(input) − (1 − ε) input[target] − ε mean(input). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy(label_smoothing=ε). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the target puts 1 − ε + ε/K on its class and ε/K on every other.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)", RowLength = nameof(classes))]
    public static partial float CrossEntropyLossSmoothed(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float labelSmoothing, int classes, Span<float> dInput);

    /// <summary>Softmax cross-entropy with label smoothing ε (PyTorch's label_smoothing): logsumexp(input) − (1 − ε) input[target] − ε mean(input). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy(label_smoothing=ε). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the target puts 1 − ε + ε/K on its class and ε/K on every other.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float CrossEntropyLossSmoothedSum(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float labelSmoothing, int classes, Span<float> dInput);

    /// <summary>Softmax cross-entropy with label smoothing ε (PyTorch's label_smoothing): logsumexp(input) − (1 − ε) input[target] − ε mean(input). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy(label_smoothing=ε). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the target puts 1 − ε + ε/K on its class and ε/K on every other.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void CrossEntropyLossSmoothedNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float labelSmoothing, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Softmax cross-entropy with label smoothing ε (PyTorch's label_smoothing): logsumexp(input) − (1 − ε) input[target] − ε mean(input). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy(label_smoothing=ε). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the target puts 1 − ε + ε/K on its class and ε/K on every other.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)", RowLength = nameof(classes))]
    public static partial double CrossEntropyLossSmoothed(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double labelSmoothing, int classes, Span<double> dInput);

    /// <summary>Softmax cross-entropy with label smoothing ε (PyTorch's label_smoothing): logsumexp(input) − (1 − ε) input[target] − ε mean(input). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy(label_smoothing=ε). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the target puts 1 − ε + ε/K on its class and ε/K on every other.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double CrossEntropyLossSmoothedSum(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double labelSmoothing, int classes, Span<double> dInput);

    /// <summary>Softmax cross-entropy with label smoothing ε (PyTorch's label_smoothing): logsumexp(input) − (1 − ε) input[target] − ε mean(input). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy(label_smoothing=ε). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="labelSmoothing">ε in [0, 1]: the target puts 1 − ε + ε/K on its class and ε/K on every other.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input)", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void CrossEntropyLossSmoothedNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double labelSmoothing, int classes, Span<double> loss, Span<double> dInput);

    /// <summary>Softmax cross-entropy of logits with class-probability targets: Σ_j target_j · (logsumexp(input) − input_j). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(target) * logsumexp(input) - sum(target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (probability targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(target) * logsumexp(input) - sum(target * input)", RowLength = nameof(classes))]
    public static partial float SoftCrossEntropyLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, int classes, Span<float> dInput);

    /// <summary>Softmax cross-entropy of logits with class-probability targets: Σ_j target_j · (logsumexp(input) − input_j). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(target) * logsumexp(input) - sum(target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (probability targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(target) * logsumexp(input) - sum(target * input)", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float SoftCrossEntropyLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, int classes, Span<float> dInput);

    /// <summary>Softmax cross-entropy of logits with class-probability targets: Σ_j target_j · (logsumexp(input) − input_j). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>sum(target) * logsumexp(input) - sum(target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (probability targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(target) * logsumexp(input) - sum(target * input)", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void SoftCrossEntropyLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Softmax cross-entropy of logits with class-probability targets: Σ_j target_j · (logsumexp(input) − input_j). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(target) * logsumexp(input) - sum(target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (probability targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(target) * logsumexp(input) - sum(target * input)", RowLength = nameof(classes))]
    public static partial double SoftCrossEntropyLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int classes, Span<double> dInput);

    /// <summary>Softmax cross-entropy of logits with class-probability targets: Σ_j target_j · (logsumexp(input) − input_j). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>sum(target) * logsumexp(input) - sum(target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (probability targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(target) * logsumexp(input) - sum(target * input)", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double SoftCrossEntropyLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int classes, Span<double> dInput);

    /// <summary>Softmax cross-entropy of logits with class-probability targets: Σ_j target_j · (logsumexp(input) − input_j). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>sum(target) * logsumexp(input) - sum(target * input)</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.cross_entropy (probability targets). See docs/losses.md.</remarks>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class probabilities: n rows of <paramref name="classes"/> values.</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive.</exception>
    [Loss("sum(target) * logsumexp(input) - sum(target * input)", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void SoftCrossEntropyLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, int classes, Span<double> loss, Span<double> dInput);
}
