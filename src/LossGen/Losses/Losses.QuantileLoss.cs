// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)")]
    public static partial float QuantileLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float tau, Span<float> dInput);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.Sum)]
    public static partial float QuantileLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float tau, Span<float> dInput);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.None)]
    public static partial void QuantileLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float tau, Span<float> loss, Span<float> dInput);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)")]
    public static partial double QuantileLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double tau, Span<double> dInput);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.Sum)]
    public static partial double QuantileLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double tau, Span<double> dInput);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.None)]
    public static partial void QuantileLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double tau, Span<double> loss, Span<double> dInput);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)")]
    public static partial float QuantileLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float tau, Span<float> dInput, Span<float> d2Input);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.Sum)]
    public static partial float QuantileLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float tau, Span<float> dInput, Span<float> d2Input);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.None)]
    public static partial void QuantileLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float tau, Span<float> loss, Span<float> dInput, Span<float> d2Input);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)")]
    public static partial double QuantileLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double tau, Span<double> dInput, Span<double> d2Input);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.Sum)]
    public static partial double QuantileLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double tau, Span<double> dInput, Span<double> d2Input);

    /// <summary>Quantile (pinball) loss max(τ d, (τ − 1) d) with d = target − input; its minimizer is the τ-quantile. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = target - input; max(tau * d, (tau - 1) * d)</c>. PyTorch: — (closed form). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="tau">The quantile τ in (0, 1).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = target - input; max(tau * d, (tau - 1) * d)", Reduction = Reduction.None)]
    public static partial void QuantileLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double tau, Span<double> loss, Span<double> dInput, Span<double> d2Input);
}
