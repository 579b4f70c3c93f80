using System.Numerics;
using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>
/// The tests' own softmax cross-entropy, written out by hand and independently of the catalogue: per row
/// l = logsumexp(z) − z[t], computed stably with the row's largest logit subtracted, and ∂l/∂z_c = softmax(z)_c − [c = t];
/// the mean or the sum over the rows, the gradient scaled alike.
/// </summary>
internal readonly struct ReferenceCrossEntropy(Reduction reduction) : IClassificationLoss<double>, IClassificationLoss<float>
{
    public Reduction Reduction => reduction;

    public double Evaluate(ReadOnlySpan<double> logits, ReadOnlySpan<int> classes, int classCount, Span<double> logitGradient) =>
        Compute(logits, classes, classCount, logitGradient);

    public float Evaluate(ReadOnlySpan<float> logits, ReadOnlySpan<int> classes, int classCount, Span<float> logitGradient) =>
        Compute(logits, classes, classCount, logitGradient);

    private T Compute<T>(ReadOnlySpan<T> logits, ReadOnlySpan<int> classes, int k, Span<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        // Plain checks, not Assert (which allocates): the objective's allocation test runs through this loss.
        if (logits.Length != classes.Length * k || gradient.Length != logits.Length)
        {
            throw new ArgumentException("The spans do not fit the rows and classes.");
        }
        int n = classes.Length;
        T scale = reduction == Reduction.Mean ? T.One / T.CreateChecked(n) : T.One;
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<T> z = logits.Slice(i * k, k);
            Span<T> g = gradient.Slice(i * k, k);
            T max = z[0];
            for (int c = 1; c < k; c++)
            {
                max = T.Max(max, z[c]);
            }
            T sum = T.Zero;
            for (int c = 0; c < k; c++)
            {
                sum += T.Exp(z[c] - max);
            }
            int t = classes[i];
            total += double.CreateChecked(max + T.Log(sum) - z[t]);
            for (int c = 0; c < k; c++)
            {
                T p = T.Exp(z[c] - max) / sum;
                g[c] = (c == t ? p - T.One : p) * scale;
            }
        }
        return T.CreateChecked(reduction == Reduction.Mean ? total / n : total);
    }
}

/// <summary>A loss that declares Reduction.None, which a model refuses.</summary>
internal readonly struct UnreducedLoss : IClassificationLoss<double>
{
    public Reduction Reduction => Reduction.None;

    public double Evaluate(ReadOnlySpan<double> logits, ReadOnlySpan<int> classes, int classCount, Span<double> logitGradient) => 0;
}

/// <summary>Seeded classification data and finite differences for the softmax tests.</summary>
internal static class SoftmaxData
{
    /// <summary>n rows of d uniform features in [−2, 2) and uniform labels in [0, k), seeded.</summary>
    public static (double[] X, int[] Labels) Random(int n, int d, int k, ulong seed)
    {
        var random = new SeededRandom(seed);
        double[] x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        int[] labels = Enumerable.Range(0, n).Select(_ => random.NextInt(k)).ToArray();
        return (x, labels);
    }

    /// <summary>Seeded values in [−1, 1).</summary>
    public static double[] Parameters(int count, ulong seed)
    {
        var random = new SeededRandom(seed);
        return Enumerable.Range(0, count).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>Central differences (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h with h = 1e-6 · max(1, |θᵢ|).</summary>
    public static double[] FiniteDifferences(Func<double[], double> f, double[] at)
    {
        var g = new double[at.Length];
        for (int i = 0; i < at.Length; i++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(at[i]));
            double[] plus = (double[])at.Clone(), minus = (double[])at.Clone();
            plus[i] += h;
            minus[i] -= h;
            g[i] = (f(plus) - f(minus)) / (2 * h);
        }
        return g;
    }

    /// <summary>The parameters with the K biases (the last K values) shifted to sum 0: the objective does not see their common shift.</summary>
    public static double[] CenterBiases(ReadOnlySpan<double> parameters, int k)
    {
        double[] result = parameters.ToArray();
        double mean = result[^k..].Average();
        for (int c = result.Length - k; c < result.Length; c++)
        {
            result[c] -= mean;
        }
        return result;
    }
}
