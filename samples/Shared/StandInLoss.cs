// STAND-IN: replaced by Losses.CrossEntropyLossFunction when the catalogue has it.
using System.Numerics;
using LossGen;
using LossGen.Training;

/// <summary>
/// Softmax cross-entropy, mean over the rows, written by hand: per row l = logsumexp(z) − z[t], computed with the
/// row's largest logit subtracted (no overflow), and ∂l/∂z_c = softmax(z)_c − [c = t], scaled by 1/n. PyTorch's
/// <c>torch.nn.CrossEntropyLoss()</c> with its defaults. A stand-in until the generated catalogue loss exists; public because
/// the benchmarks (tests/LossGen.Benchmarks, which link this file) name it as a type argument.
/// </summary>
public readonly struct StandInCrossEntropy : IClassificationLoss<double>, IClassificationLoss<float>
{
    public Reduction Reduction => Reduction.Mean;

    public double Evaluate(ReadOnlySpan<double> logits, ReadOnlySpan<int> classes, int classCount, Span<double> logitGradient) =>
        Compute(logits, classes, classCount, logitGradient);

    public float Evaluate(ReadOnlySpan<float> logits, ReadOnlySpan<int> classes, int classCount, Span<float> logitGradient) =>
        Compute(logits, classes, classCount, logitGradient);

    static T Compute<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> classes, int k, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = classes.Length;
        if (k < 1 || logits.Length != (long)n * k || gradient.Length != logits.Length)
        {
            throw new ArgumentException($"{n} rows × {k} classes do not fit {logits.Length} logits and {gradient.Length} gradient values.", nameof(logits));
        }
        for (int i = 0; i < n; i++)
        {
            if ((uint)classes[i] >= (uint)k)
            {
                throw new ArgumentOutOfRangeException(nameof(classes), classes[i], $"classes[{i}] must be in [0, {k}).");
            }
        }
        T scale = T.One / T.CreateChecked(n);
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> z = logits.Slice(i * k, k);
            Span<T> g = gradient.Slice(i * k, k);
            int t = classes[i];
            T max = z[0];
            for (int c = 1; c < k; c++)
            {
                max = T.Max(max, z[c]);
            }
            T sum = T.Zero;
            for (int c = 0; c < k; c++)
            {
                g[c] = T.Exp(z[c] - max);
                sum += g[c];
            }
            total += double.CreateChecked(max + T.Log(sum) - z[t]);
            T inverse = scale / sum;
            for (int c = 0; c < k; c++)
            {
                g[c] *= inverse;
            }
            g[t] -= scale;
        }
        return T.CreateChecked(total / n);
    }
}
