// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Multi-class hinge (p = 1): Σ_{j≠target} max(0, margin − input[target] + input_j) / K, with no gradient at the kink (as PyTorch). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=1). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes", RowLength = nameof(classes))]
    public static partial float MultiMarginLoss(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float margin, int classes, Span<float> dInput);

    /// <summary>Multi-class hinge (p = 1): Σ_{j≠target} max(0, margin − input[target] + input_j) / K, with no gradient at the kink (as PyTorch). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=1). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float MultiMarginLossSum(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float margin, int classes, Span<float> dInput);

    /// <summary>Multi-class hinge (p = 1): Σ_{j≠target} max(0, margin − input[target] + input_j) / K, with no gradient at the kink (as PyTorch). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=1). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void MultiMarginLossNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float margin, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Multi-class hinge (p = 1): Σ_{j≠target} max(0, margin − input[target] + input_j) / K, with no gradient at the kink (as PyTorch). Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=1). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes", RowLength = nameof(classes))]
    public static partial double MultiMarginLoss(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double margin, int classes, Span<double> dInput);

    /// <summary>Multi-class hinge (p = 1): Σ_{j≠target} max(0, margin − input[target] + input_j) / K, with no gradient at the kink (as PyTorch). Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=1). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double MultiMarginLossSum(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double margin, int classes, Span<double> dInput);

    /// <summary>Multi-class hinge (p = 1): Σ_{j≠target} max(0, margin − input[target] + input_j) / K, with no gradient at the kink (as PyTorch). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=1). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h : 0) - max(margin, 0)) / classes", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void MultiMarginLossNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double margin, int classes, Span<double> loss, Span<double> dInput);

    /// <summary>Multi-class squared hinge (p = 2): Σ_{j≠target} max(0, margin − input[target] + input_j)² / K. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=2). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes", RowLength = nameof(classes))]
    public static partial float MultiMarginSquaredLoss(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float margin, int classes, Span<float> dInput);

    /// <summary>Multi-class squared hinge (p = 2): Σ_{j≠target} max(0, margin − input[target] + input_j)² / K. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=2). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial float MultiMarginSquaredLossSum(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float margin, int classes, Span<float> dInput);

    /// <summary>Multi-class squared hinge (p = 2): Σ_{j≠target} max(0, margin − input[target] + input_j)² / K. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=2). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void MultiMarginSquaredLossNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, float margin, int classes, Span<float> loss, Span<float> dInput);

    /// <summary>Multi-class squared hinge (p = 2): Σ_{j≠target} max(0, margin − input[target] + input_j)² / K. Reduction: mean over the samples: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=2). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The mean of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes", RowLength = nameof(classes))]
    public static partial double MultiMarginSquaredLoss(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double margin, int classes, Span<double> dInput);

    /// <summary>Multi-class squared hinge (p = 2): Σ_{j≠target} max(0, margin − input[target] + input_j)² / K. Reduction: sum over the samples: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=2). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <returns>The sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    public static partial double MultiMarginSquaredLossSum(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double margin, int classes, Span<double> dInput);

    /// <summary>Multi-class squared hinge (p = 2): Σ_{j≠target} max(0, margin − input[target] + input_j)² / K. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input into dInput's row i.</summary>
    /// <remarks>Formula: <c>h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes</c> over rows of K = <c>classes</c> values. PyTorch: torch.nn.functional.multi_margin_loss(p=2). See docs/losses.md.</remarks>
    /// <param name="input">The scores: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, <paramref name="classes"/>).</param>
    /// <param name="margin">The margin (PyTorch's default is 1).</param>
    /// <param name="classes">K, the number of classes (values per row).</param>
    /// <param name="loss">Receives the loss of each sample (n values).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (n rows of K values, overwritten).</param>
    /// <exception cref="ArgumentException">A span's length does not fit n rows of K values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classes"/> is not positive, or a class index is outside [0, K).</exception>
    [Loss("h = margin - input[target] + input; (sum(h > 0 ? h^2 : 0) - max(margin, 0)^2) / classes", RowLength = nameof(classes), Reduction = Reduction.None)]
    public static partial void MultiMarginSquaredLossNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, double margin, int classes, Span<double> loss, Span<double> dInput);
}
