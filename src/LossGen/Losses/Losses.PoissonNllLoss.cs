// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input")]
    public static partial float PoissonNllLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.Sum)]
    public static partial float PoissonNllLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.None)]
    public static partial void PoissonNllLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> loss, Span<float> dInput);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input")]
    public static partial double PoissonNllLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.Sum)]
    public static partial double PoissonNllLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.None)]
    public static partial void PoissonNllLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> loss, Span<double> dInput);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input")]
    public static partial float PoissonNllLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput, Span<float> d2Input);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.Sum)]
    public static partial float PoissonNllLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> dInput, Span<float> d2Input);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.None)]
    public static partial void PoissonNllLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, Span<float> loss, Span<float> dInput, Span<float> d2Input);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input")]
    public static partial double PoissonNllLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput, Span<double> d2Input);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.Sum)]
    public static partial double PoissonNllLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> dInput, Span<double> d2Input);

    /// <summary>Poisson negative log-likelihood with log input: exp(input) − target · input. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>exp(input) - target * input</c>. PyTorch: torch.nn.functional.poisson_nll_loss(log_input=True, full=False). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("exp(input) - target * input", Reduction = Reduction.None)]
    public static partial void PoissonNllLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, Span<double> loss, Span<double> dInput, Span<double> d2Input);
}
