// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)")]
    public static partial float L1Loss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.Sum)]
    public static partial float L1LossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.None)]
    public static partial void L1LossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> loss, Span<float> dInput);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)")]
    public static partial double L1Loss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.Sum)]
    public static partial double L1LossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.None)]
    public static partial void L1LossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> loss, Span<double> dInput);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)")]
    public static partial float L1Loss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput, Span<float> d2Input);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.Sum)]
    public static partial float L1LossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput, Span<float> d2Input);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.None)]
    public static partial void L1LossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> loss, Span<float> dInput, Span<float> d2Input);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)")]
    public static partial double L1Loss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput, Span<double> d2Input);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.Sum)]
    public static partial double L1LossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput, Span<double> d2Input);

    /// <summary>Absolute error |input − target|; the gradient is sign(input − target), 0 at the kink. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>abs(input - target)</c>. PyTorch: torch.nn.functional.l1_loss. See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("abs(input - target)", Reduction = Reduction.None)]
    public static partial void L1LossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> loss, Span<double> dInput, Span<double> d2Input);
}
