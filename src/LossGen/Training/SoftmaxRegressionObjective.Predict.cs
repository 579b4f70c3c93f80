using System;
using System.Numerics;

namespace LossGen.Training;

public sealed partial class SoftmaxRegressionObjective<T, TLoss>
{
    /// <summary>
    /// The predicted class of each row of <paramref name="features"/>: the index of its largest logit x·W_k + b_k (the
    /// lowest index among equal ones). Uses no shared buffers, so it may run beside an evaluation.
    /// </summary>
    /// <param name="parameters">The model's parameters (weights class by class, then the biases).</param>
    /// <param name="features">n rows × <see cref="Features"/> values, row-major.</param>
    /// <param name="classes">Receives the n predicted classes; its length gives n.</param>
    /// <exception cref="ArgumentException">A span's length does not fit; nothing is written then.</exception>
    public void Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features, Span<int> classes)
    {
        CheckParameters(parameters);
        int d = Features, k = ClassCount;
        if ((long)classes.Length * d != features.Length)
        {
            throw new ArgumentException(
                $"The features have {features.Length} values, but {classes.Length} rows (the length of 'classes') × {d} features = {(long)classes.Length * d} were expected.", nameof(features));
        }
        ReadOnlySpan<T> w = parameters[..(k * d)], b = parameters.Slice(k * d, k);
        for (int i = 0; i < classes.Length; i++)
        {
            ReadOnlySpan<T> xi = features.Slice(i * d, d);
            int best = 0;
            T max = SpanMath.Dot(xi, w[..d]) + b[0];
            for (int c = 1; c < k; c++)
            {
                T z = SpanMath.Dot(xi, w.Slice(c * d, d)) + b[c];
                if (z > max)
                {
                    max = z;
                    best = c;
                }
            }
            classes[i] = best;
        }
    }

    /// <summary>
    /// The class probabilities softmax(x·Wᵀ + b) of each row of <paramref name="features"/>, computed stably (the row's
    /// largest logit is subtracted before exponentiating). Uses no shared buffers, so it may run beside an evaluation.
    /// </summary>
    /// <param name="parameters">The model's parameters (weights class by class, then the biases).</param>
    /// <param name="features">n rows × <see cref="Features"/> values, row-major.</param>
    /// <param name="probabilities">Receives n rows × <see cref="ClassCount"/> probabilities, row-major; each row sums to 1.</param>
    /// <exception cref="ArgumentException">A span's length does not fit; nothing is written then.</exception>
    public void PredictProbabilities(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features, Span<T> probabilities)
    {
        CheckParameters(parameters);
        int d = Features, k = ClassCount;
        if (features.Length % d != 0)
        {
            throw new ArgumentException($"The features have {features.Length} values, which is not a whole number of rows of {d} features.", nameof(features));
        }
        int n = features.Length / d;
        if ((long)n * k != probabilities.Length)
        {
            throw new ArgumentException(
                $"{n} rows × {k} classes = {(long)n * k} probabilities are written, but the span has {probabilities.Length} values.", nameof(probabilities));
        }
        ReadOnlySpan<T> w = parameters[..(k * d)], b = parameters.Slice(k * d, k);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> xi = features.Slice(i * d, d);
            Span<T> p = probabilities.Slice(i * k, k);
            T max = T.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                p[c] = SpanMath.Dot(xi, w.Slice(c * d, d)) + b[c];
                max = T.Max(max, p[c]);
            }
            T sum = T.Zero;
            for (int c = 0; c < k; c++)
            {
                p[c] = T.Exp(p[c] - max);
                sum += p[c];
            }
            for (int c = 0; c < k; c++)
            {
                p[c] /= sum;
            }
        }
    }
}
