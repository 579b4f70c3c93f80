// The standard loss catalogue, written with LossGen itself: the generator writes every body.
using System;

namespace LossGen;

public static partial class Losses
{
    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)")]
    public static partial float BceWithLogitsLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float posWeight, Span<float> dInput);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.Sum)]
    public static partial float BceWithLogitsLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float posWeight, Span<float> dInput);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.None)]
    public static partial void BceWithLogitsLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float posWeight, Span<float> loss, Span<float> dInput);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)")]
    public static partial double BceWithLogitsLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double posWeight, Span<double> dInput);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.Sum)]
    public static partial double BceWithLogitsLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double posWeight, Span<double> dInput);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i].</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.None)]
    public static partial void BceWithLogitsLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double posWeight, Span<double> loss, Span<double> dInput);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)")]
    public static partial float BceWithLogitsLoss(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float posWeight, Span<float> dInput, Span<float> d2Input);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.Sum)]
    public static partial float BceWithLogitsLossSum(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float posWeight, Span<float> dInput, Span<float> d2Input);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.None)]
    public static partial void BceWithLogitsLossNone(ReadOnlySpan<float> input, ReadOnlySpan<float> target, float posWeight, Span<float> loss, Span<float> dInput, Span<float> d2Input);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: mean over the elements: returns (1/n) Σ l_i (NaN for n = 0) and writes (1/n) ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The mean of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)")]
    public static partial double BceWithLogitsLoss(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double posWeight, Span<double> dInput, Span<double> d2Input);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: sum over the elements: returns Σ l_i (0 for n = 0) and writes ∂l_i/∂input_i. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <returns>The sum of the per-element losses.</returns>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.Sum)]
    public static partial double BceWithLogitsLossSum(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double posWeight, Span<double> dInput, Span<double> d2Input);

    /// <summary>Binary cross-entropy on logits z: (1 − t) z + (1 + (w − 1) t) softplus(−z), stable for any z; posWeight = 1 is the plain loss. Reduction: no reduction: writes l_i into loss[i] and ∂l_i/∂input_i into dInput[i]. With second derivatives in the same pass.</summary>
    /// <remarks>Formula: <c>w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)</c>. PyTorch: torch.nn.functional.binary_cross_entropy_with_logits(pos_weight). See docs/losses.md.</remarks>
    /// <param name="input">The predictions (logits, probabilities or values, as the loss defines).</param>
    /// <param name="target">The targets, one per prediction.</param>
    /// <param name="posWeight">The weight of positive examples (PyTorch's pos_weight); 1 for the unweighted loss.</param>
    /// <param name="loss">Receives the loss of each element.</param>
    /// <param name="dInput">Receives the gradient with respect to each input (overwritten; may be the memory of <paramref name="input"/>).</param>
    /// <param name="d2Input">Receives the second derivative with respect to each input (the Hessian's diagonal), scaled by the reduction like the gradient (overwritten).</param>
    /// <exception cref="ArgumentException">A span's length differs from <paramref name="input"/>'s.</exception>
    [Loss("w = 1 + (posWeight - 1) * target; (1 - target) * input + w * softplus(-input)", Reduction = Reduction.None)]
    public static partial void BceWithLogitsLossNone(ReadOnlySpan<double> input, ReadOnlySpan<double> target, double posWeight, Span<double> loss, Span<double> dInput, Span<double> d2Input);
}
