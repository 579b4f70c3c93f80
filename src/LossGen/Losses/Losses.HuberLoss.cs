// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
    public static partial float HuberLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float delta, Span<float> dInput);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.Sum)]
    public static partial float HuberLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float delta, Span<float> dInput);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.None)]
    public static partial void HuberLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float delta, Span<float> loss, Span<float> dInput);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
    public static partial double HuberLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double delta, Span<double> dInput);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.Sum)]
    public static partial double HuberLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double delta, Span<double> dInput);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.None)]
    public static partial void HuberLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double delta, Span<double> loss, Span<double> dInput);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
    public static partial float HuberLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float delta, Span<float> dInput, Span<float> d2Input);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.Sum)]
    public static partial float HuberLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float delta, Span<float> dInput, Span<float> d2Input);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.None)]
    public static partial void HuberLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float delta, Span<float> loss, Span<float> dInput, Span<float> d2Input);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
    public static partial double HuberLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double delta, Span<double> dInput, Span<double> d2Input);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.Sum)]
    public static partial double HuberLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double delta, Span<double> dInput, Span<double> d2Input);

    /// <summary>Huber: 0.5 d² where d = |input − target| &lt; δ, else δ (d − 0.5 δ). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>d = abs(input - target); d &lt; delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)</c>. PyTorch: torch.nn.functional.huber_loss(delta). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="delta">The threshold δ &gt; 0 between the quadratic and the linear zone.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("d = abs(input - target); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", Reduction = Reduction.None)]
    public static partial void HuberLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double delta, Span<double> loss, Span<double> dInput, Span<double> d2Input);
}
