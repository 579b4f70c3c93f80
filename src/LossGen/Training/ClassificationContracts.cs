using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// A multi-class loss over rows of K values per sample (the logits) against one class index per sample, with
/// the gradient for the logits: the shape of softmax cross-entropy, l = logsumexp(z) − z[t] per row, as
/// PyTorch's <c>torch.nn.CrossEntropyLoss</c> computes it. <see cref="SoftmaxRegressionObjective{T, TLoss}"/>
/// takes the loss as a struct type argument, so the JIT specializes the model for it and the call is direct.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IClassificationLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Whether <see cref="Evaluate"/> returns the mean over the rows (<see cref="Reduction.Mean"/>, PyTorch's mean over
    /// samples) or their sum (<see cref="Reduction.Sum"/>); the gradient is scaled the same way.
    /// </summary>
    Reduction Reduction { get; }

    /// <summary>
    /// The reduced loss over n rows; writes ∂loss/∂logits into <paramref name="logitGradient"/> (row-shaped, scaled by
    /// the reduction: by 1/n under the mean).
    /// </summary>
    /// <param name="logits">n rows of <paramref name="classCount"/> values, row-major (length n · <paramref name="classCount"/>).</param>
    /// <param name="classes">The n class indices, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes K per row.</param>
    /// <param name="logitGradient">Receives the gradient; the same length as <paramref name="logits"/>.</param>
    /// <returns>The mean or the sum of the rows' losses, as <see cref="Reduction"/> says.</returns>
    T Evaluate(ReadOnlySpan<T> logits, ReadOnlySpan<int> classes, int classCount, Span<T> logitGradient);
}
