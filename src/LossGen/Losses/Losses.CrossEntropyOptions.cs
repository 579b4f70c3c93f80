using System;
using System.Buffers;
using System.Numerics;

namespace LossGen;

/// <summary>
/// PyTorch's <c>cross_entropy</c> options beyond the plain loss: per-class weights with the weighted mean,
/// an ignored class index, and label smoothing (docs/losses.md, "Cross-entropy options").
/// </summary>
public sealed record CrossEntropyOptions
{
    /// <summary>Per-class weights (K values, PyTorch's <c>weight</c>); empty for none. The mean divides by Σ weight[target_i] over the rows not ignored.</summary>
    public ReadOnlyMemory<double> Weight { get; init; }

    /// <summary>Rows whose target is this value are ignored: zero loss and gradient, excluded from the mean. PyTorch's default is −100.</summary>
    public int IgnoreIndex { get; init; } = -100;

    /// <summary>Label smoothing ε in [0, 1] (PyTorch's <c>label_smoothing</c>); not combined with <see cref="Weight"/> in this version.</summary>
    public double LabelSmoothing { get; init; }

    /// <summary>Mean (weighted, over the rows not ignored) or Sum; for None call <c>CrossEntropyLossNone</c> with options.</summary>
    public Reduction Reduction { get; init; } = Reduction.Mean;
}

public static partial class Losses
{
    [Loss("weight * (logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input))", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    private static partial float WeightedCrossEntropy(ReadOnlySpan<float> input, ReadOnlySpan<int> target, ReadOnlySpan<float> weight, float labelSmoothing, int classes, Span<float> dInput);

    [Loss("weight * (logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input))", RowLength = nameof(classes), Reduction = Reduction.Sum)]
    private static partial double WeightedCrossEntropy(ReadOnlySpan<double> input, ReadOnlySpan<int> target, ReadOnlySpan<double> weight, double labelSmoothing, int classes, Span<double> dInput);

    [Loss("weight * (logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input))", RowLength = nameof(classes), Reduction = Reduction.None)]
    private static partial void WeightedCrossEntropyNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, ReadOnlySpan<float> weight, float labelSmoothing, int classes, Span<float> loss, Span<float> dInput);

    [Loss("weight * (logsumexp(input) - (1 - labelSmoothing) * input[target] - labelSmoothing * mean(input))", RowLength = nameof(classes), Reduction = Reduction.None)]
    private static partial void WeightedCrossEntropyNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, ReadOnlySpan<double> weight, double labelSmoothing, int classes, Span<double> loss, Span<double> dInput);

    /// <summary>
    /// Softmax cross-entropy with PyTorch's options: per-class weights (weighted mean), an ignored index, label smoothing.
    /// Ignored rows get zero loss and gradient and are left out of the mean; the mean of no counted rows is NaN, as in PyTorch.
    /// </summary>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, K) or <see cref="CrossEntropyOptions.IgnoreIndex"/>.</param>
    /// <param name="classes">K, the number of classes.</param>
    /// <param name="dInput">Receives the gradient (n rows of K values).</param>
    /// <param name="options">Weights, ignored index, smoothing and reduction (Mean or Sum).</param>
    /// <returns>The weighted mean or the sum of the per-sample losses.</returns>
    /// <exception cref="ArgumentException">A length does not fit, the weights are not K values, smoothing is combined with weights, or the reduction is None.</exception>
    /// <exception cref="ArgumentOutOfRangeException">K is not positive, a class index is outside [0, K) and not the ignored index, or ε is outside [0, 1].</exception>
    public static float CrossEntropyLoss(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> dInput, CrossEntropyOptions options) =>
        (float)CrossEntropyWithOptions<float>(input, target, classes, default, dInput, options, none: false);

    /// <inheritdoc cref="CrossEntropyLoss(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float}, CrossEntropyOptions)"/>
    public static double CrossEntropyLoss(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> dInput, CrossEntropyOptions options) =>
        CrossEntropyWithOptions<double>(input, target, classes, default, dInput, options, none: false);

    /// <summary>Softmax cross-entropy with PyTorch's options, unreduced: loss[i] = weight[target_i] · l_i (0 for ignored rows).</summary>
    /// <param name="input">The logits: n rows of <paramref name="classes"/> values, row-major.</param>
    /// <param name="target">The class of each sample, in [0, K) or the ignored index.</param>
    /// <param name="classes">K, the number of classes.</param>
    /// <param name="loss">Receives each sample's loss.</param>
    /// <param name="dInput">Receives the gradient of each sample's loss (n rows of K values).</param>
    /// <param name="options">Weights, ignored index and smoothing (the reduction is ignored).</param>
    /// <exception cref="ArgumentException">A length does not fit, or smoothing is combined with weights.</exception>
    /// <exception cref="ArgumentOutOfRangeException">K is not positive, a class index is invalid, or ε is outside [0, 1].</exception>
    public static void CrossEntropyLossNone(ReadOnlySpan<float> input, ReadOnlySpan<int> target, int classes, Span<float> loss, Span<float> dInput, CrossEntropyOptions options) =>
        CrossEntropyWithOptions<float>(input, target, classes, loss, dInput, options, none: true);

    /// <inheritdoc cref="CrossEntropyLossNone(ReadOnlySpan{float}, ReadOnlySpan{int}, int, Span{float}, Span{float}, CrossEntropyOptions)"/>
    public static void CrossEntropyLossNone(ReadOnlySpan<double> input, ReadOnlySpan<int> target, int classes, Span<double> loss, Span<double> dInput, CrossEntropyOptions options) =>
        CrossEntropyWithOptions<double>(input, target, classes, loss, dInput, options, none: true);

    private static double CrossEntropyWithOptions<T>(ReadOnlySpan<T> input, ReadOnlySpan<int> target, int classes, Span<T> loss, Span<T> dInput, CrossEntropyOptions options, bool none)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(classes);
        int n = target.Length;
        if (input.Length != (long)n * classes)
        {
            throw new ArgumentException($"The logits hold {input.Length} values, but {n} rows of K = {classes} classes need {(long)n * classes}.", nameof(input));
        }
        if (dInput.Length != input.Length)
        {
            throw new ArgumentException($"The gradient holds {dInput.Length} values, but the logits hold {input.Length}.", nameof(dInput));
        }
        if (none && loss.Length != n)
        {
            throw new ArgumentException($"The loss span holds {loss.Length} values, but there are {n} samples.", nameof(loss));
        }
        if (!none && options.Reduction is not (Reduction.Mean or Reduction.Sum))
        {
            throw new ArgumentException("Use CrossEntropyLossNone for Reduction.None.", nameof(options));
        }
        ReadOnlySpan<double> classWeight = options.Weight.Span;
        if (!classWeight.IsEmpty && classWeight.Length != classes)
        {
            throw new ArgumentException($"The class weights hold {classWeight.Length} values, but there are K = {classes} classes.", nameof(options));
        }
        double smoothing = options.LabelSmoothing;
        if (!(smoothing >= 0 && smoothing <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), smoothing, "LabelSmoothing must be in [0, 1].");
        }
        if (smoothing != 0 && !classWeight.IsEmpty)
        {
            throw new ArgumentException("Label smoothing combined with class weights is not supported in this version.", nameof(options));
        }
        for (int i = 0; i < n; i++)
        {
            if ((uint)target[i] >= (uint)classes && target[i] != options.IgnoreIndex)
            {
                throw new ArgumentOutOfRangeException(nameof(target), target[i], $"Class index {target[i]} of row {i} is outside [0, {classes}) and is not the ignored index {options.IgnoreIndex}.");
            }
        }

        T[] weightArray = ArrayPool<T>.Shared.Rent(n);
        int[] classArray = ArrayPool<int>.Shared.Rent(n);
        try
        {
            Span<T> weight = weightArray.AsSpan(0, n);
            Span<int> safeTarget = classArray.AsSpan(0, n);
            double total = 0;
            for (int i = 0; i < n; i++)
            {
                bool ignored = target[i] == options.IgnoreIndex;
                double w = ignored ? 0 : classWeight.IsEmpty ? 1 : classWeight[target[i]];
                safeTarget[i] = ignored ? 0 : target[i];
                weight[i] = T.CreateChecked(w);
                total += w;
            }
            bool mean = !none && options.Reduction == Reduction.Mean;
            if (mean && total == 0)
            {
                // PyTorch: the mean over no counted rows is NaN; the gradient is zero.
                dInput.Clear();
                return double.NaN;
            }
            if (mean)
            {
                T scale = T.CreateChecked(1 / total);
                for (int i = 0; i < n; i++)
                {
                    weight[i] *= scale;
                }
            }
            if (typeof(T) == typeof(float))
            {
                var f = System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(input);
                var w = System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(weight);
                var d = System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(dInput);
                if (none)
                {
                    WeightedCrossEntropyNone(f, safeTarget, w, (float)smoothing, classes, System.Runtime.InteropServices.MemoryMarshal.Cast<T, float>(loss), d);
                    return 0;
                }
                return WeightedCrossEntropy(f, safeTarget, w, (float)smoothing, classes, d);
            }
            var fd = System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(input);
            var wd = System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(weight);
            var dd = System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(dInput);
            if (none)
            {
                WeightedCrossEntropyNone(fd, safeTarget, wd, smoothing, classes, System.Runtime.InteropServices.MemoryMarshal.Cast<T, double>(loss), dd);
                return 0;
            }
            return WeightedCrossEntropy(fd, safeTarget, wd, smoothing, classes, dd);
        }
        finally
        {
            ArrayPool<T>.Shared.Return(weightArray);
            ArrayPool<int>.Shared.Return(classArray);
        }
    }
}
