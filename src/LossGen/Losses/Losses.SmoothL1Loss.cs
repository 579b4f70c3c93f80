// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta")]
    public static partial float SmoothL1Loss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float beta, Span<float> dInput);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.Sum)]
    public static partial float SmoothL1LossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float beta, Span<float> dInput);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.None)]
    public static partial void SmoothL1LossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float beta, Span<float> loss, Span<float> dInput);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta")]
    public static partial double SmoothL1Loss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double beta, Span<double> dInput);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.Sum)]
    public static partial double SmoothL1LossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double beta, Span<double> dInput);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.None)]
    public static partial void SmoothL1LossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double beta, Span<double> loss, Span<double> dInput);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta")]
    public static partial float SmoothL1Loss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float beta, Span<float> dInput, Span<float> d2Input);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.Sum)]
    public static partial float SmoothL1LossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float beta, Span<float> dInput, Span<float> d2Input);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.None)]
    public static partial void SmoothL1LossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float beta, Span<float> loss, Span<float> dInput, Span<float> d2Input);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta")]
    public static partial double SmoothL1Loss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double beta, Span<double> dInput, Span<double> d2Input);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.Sum)]
    public static partial double SmoothL1LossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double beta, Span<double> dInput, Span<double> d2Input);

    /// <summary>Smooth L1: 0.5 d²/β where d = |input − target| &lt; β, else d − 0.5 β; β = 0 is the L1 loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; beta ? 0.5 * d^2 / beta : d - 0.5 * beta</c>. PyTorch: torch.nn.functional.smooth_l1_loss(beta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="beta">The width β ≥ 0 of the quadratic zone; 0 gives the L1 loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.None)]
    public static partial void SmoothL1LossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double beta, Span<double> loss, Span<double> dInput, Span<double> d2Input);
}
