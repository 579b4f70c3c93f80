using System;
using LossGen.Training;

namespace LossGen;

public static partial class Losses
{
    /// <summary>
    /// Softmax cross-entropy with class-index targets as a trainer loss (<see cref="IClassificationLoss{T}"/>), for
    /// <see cref="SoftmaxRegressionObjective{T, TLoss}"/>: calls the generated <see cref="CrossEntropyLoss(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float})"/>
    /// family (or the label-smoothed one), so the trainer runs the generated kernel on each chunk of rows.
    /// </summary>
    /// <param name="reduction">Mean (PyTorch's default) or Sum over the rows.</param>
    /// <param name="labelSmoothing">Label smoothing ε in [0, 1]; 0 for plain cross-entropy.</param>
    public readonly struct CrossEntropyLossFunction(Reduction reduction = Reduction.Mean, double labelSmoothing = 0) : IClassificationLoss<float>, IClassificationLoss<double>
    {
        /// <summary>The label smoothing ε.</summary>
        public double LabelSmoothing { get; } = labelSmoothing >= 0 && labelSmoothing <= 1 ? labelSmoothing
            : throw new ArgumentOutOfRangeException(nameof(labelSmoothing), labelSmoothing, "Label smoothing must be in [0, 1].");

        /// <inheritdoc/>
        public Reduction Reduction { get; } = reduction is Reduction.Mean or Reduction.Sum ? reduction
            : throw new ArgumentOutOfRangeException(nameof(reduction), reduction, "A trainer loss reduces with Mean or Sum.");

        /// <inheritdoc/>
        public float Evaluate(ReadOnlySpan<float> logits, ReadOnlySpan<int> classes, int classCount, Span<float> logitGradient) =>
            (Reduction, LabelSmoothing) switch
            {
                (Reduction.Sum, 0) => CrossEntropyLossSum(logits, classes, classCount, logitGradient),
                (_, 0) => CrossEntropyLoss(logits, classes, classCount, logitGradient),
                (Reduction.Sum, _) => CrossEntropyLossSmoothedSum(logits, classes, (float)LabelSmoothing, classCount, logitGradient),
                _ => CrossEntropyLossSmoothed(logits, classes, (float)LabelSmoothing, classCount, logitGradient),
            };

        /// <inheritdoc/>
        public double Evaluate(ReadOnlySpan<double> logits, ReadOnlySpan<int> classes, int classCount, Span<double> logitGradient) =>
            (Reduction, LabelSmoothing) switch
            {
                (Reduction.Sum, 0) => CrossEntropyLossSum(logits, classes, classCount, logitGradient),
                (_, 0) => CrossEntropyLoss(logits, classes, classCount, logitGradient),
                (Reduction.Sum, _) => CrossEntropyLossSmoothedSum(logits, classes, LabelSmoothing, classCount, logitGradient),
                _ => CrossEntropyLossSmoothed(logits, classes, LabelSmoothing, classCount, logitGradient),
            };
    }
}
