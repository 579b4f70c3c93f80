// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)")]
    public static partial float GaussianNllLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, ReadOnlySpan<float> var, float eps, Span<float> dInput, Span<float> dVar);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.Sum)]
    public static partial float GaussianNllLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, ReadOnlySpan<float> var, float eps, Span<float> dInput, Span<float> dVar);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.None)]
    public static partial void GaussianNllLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, ReadOnlySpan<float> var, float eps, Span<float> loss, Span<float> dInput, Span<float> dVar);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)")]
    public static partial double GaussianNllLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> var, double eps, Span<double> dInput, Span<double> dVar);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.Sum)]
    public static partial double GaussianNllLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> var, double eps, Span<double> dInput, Span<double> dVar);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.None)]
    public static partial void GaussianNllLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> var, double eps, Span<double> loss, Span<double> dInput, Span<double> dVar);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <param name="d2Var">Receives the second derivative with respect to each var (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)")]
    public static partial float GaussianNllLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, ReadOnlySpan<float> var, float eps, Span<float> dInput, Span<float> dVar, Span<float> d2Input, Span<float> d2Var);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <param name="d2Var">Receives the second derivative with respect to each var (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.Sum)]
    public static partial float GaussianNllLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, ReadOnlySpan<float> var, float eps, Span<float> dInput, Span<float> dVar, Span<float> d2Input, Span<float> d2Var);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <param name="d2Var">Receives the second derivative with respect to each var (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.None)]
    public static partial void GaussianNllLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, ReadOnlySpan<float> var, float eps, Span<float> loss, Span<float> dInput, Span<float> dVar, Span<float> d2Input, Span<float> d2Var);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <param name="d2Var">Receives the second derivative with respect to each var (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)")]
    public static partial double GaussianNllLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> var, double eps, Span<double> dInput, Span<double> dVar, Span<double> d2Input, Span<double> d2Var);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <param name="d2Var">Receives the second derivative with respect to each var (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.Sum)]
    public static partial double GaussianNllLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> var, double eps, Span<double> dInput, Span<double> dVar, Span<double> d2Input, Span<double> d2Var);

    /// <summary>Gaussian negative log-likelihood 0.5 (log v + (input − target)²/v) with v = max(var, ε). Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)</c>. PyTorch: torch.nn.functional.gaussian_nll_loss(full=False, eps). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="var">The predicted variances, one per element.</param>
    /// <param name="eps">The lower clamp ε of the variance (PyTorch's default is 1e-6).</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="dVar">Receives the gradient with respect to each element of <paramref name="var"/> (0 where it is clamped).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <param name="d2Var">Receives the second derivative with respect to each var (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("v = max(var, eps); 0.5 * (log(v) + (input - target)^2 / v)", Reduction = Reduction.None)]
    public static partial void GaussianNllLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, ReadOnlySpan<double> var, double eps, Span<double> loss, Span<double> dInput, Span<double> dVar, Span<double> d2Input, Span<double> d2Var);
}
