using System.Numerics;
using LossGen.Numerics;
using Xunit.Abstractions;

namespace LossGen.Tests.Numerics;

/// <summary>
/// Accuracy of the vector functions that generated kernels call: at least 10^6 points per function
/// spread over the whole range (uniform over bit patterns, so every binade from subnormal to the
/// largest value is sampled, plus a dense uniform sample of the interesting region) and the special
/// values. Each test's bound is the function's documented promise: float exp, log, log1p, tanh ≤ 1 ulp
/// and sigmoid, softplus ≤ 2 ulp against a double reference; double exp ≤ 1 ulp and the rest ≤ 4 ulp against Math.
/// </summary>
public class VectorMathAccuracyTests(ITestOutputHelper output)
{
    private const int Points = 1_000_000;

    private static readonly float[] FloatSpecials =
    {
        0f, -0f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.Epsilon, -float.Epsilon, 1e-45f, 1.1754942e-38f, 1.17549435e-38f,
        float.MaxValue, float.MinValue, 1f, -1f, 0.5f, 2f, 88.7228f, 88.72284f, 88.8f, 89f, -87.33654f, -103.27893f, -103.97208f, -104f, -200f, 200f,
        1e-30f, -1e-30f, 1e-8f, -1e-8f, 0.625f, -0.625f, 9f, -9f, 20f, -20f, 100f, -100f, -0.9999999f, -1.0000001f, 1e30f, -1e30f,
    };

    private static readonly double[] DoubleSpecials =
    {
        0d, -0d, double.PositiveInfinity, double.NegativeInfinity, double.NaN, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308, 2.2250738585072009e-308,
        double.MaxValue, double.MinValue, 1d, -1d, 0.5d, 709.782712893384, 709.79, -708.39641853226408, -745.13321910194110, -746d, -800d, 800d,
        1e-300, -1e-300, 1e-16, -1e-16, 0.625, -0.625, 20d, -20d, 100d, -100d, -0.9999999999999999, 1e300, -1e300,
    };

    /// <summary>A seed from the name that is the same in every process (string.GetHashCode is randomized).</summary>
    internal static int StableSeed(string name) => name.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    private static IEnumerable<float> FloatPoints(int seed, float denseLow, float denseHigh)
    {
        var random = new Random(seed);
        foreach (float special in FloatSpecials)
        {
            yield return special;
        }
        for (int i = 0; i < Points / 2; i++)
        {
            yield return BitConverter.Int32BitsToSingle(random.Next() ^ (random.Next(2) << 31));
        }
        for (int i = 0; i < Points / 2; i++)
        {
            yield return denseLow + (float)random.NextDouble() * (denseHigh - denseLow);
        }
    }

    private static IEnumerable<double> DoublePoints(int seed, double denseLow, double denseHigh)
    {
        var random = new Random(seed);
        foreach (double special in DoubleSpecials)
        {
            yield return special;
        }
        for (int i = 0; i < Points / 2; i++)
        {
            yield return BitConverter.Int64BitsToDouble(random.NextInt64() ^ ((long)random.Next(2) << 63));
        }
        for (int i = 0; i < Points / 2; i++)
        {
            yield return denseLow + random.NextDouble() * (denseHigh - denseLow);
        }
    }

    private double MaxUlpFloat(string name, Func<Vector<float>, Vector<float>> function, Func<double, double> reference, float denseLow, float denseHigh) =>
        MaxUlp("float ", name, FloatPoints(StableSeed(name), denseLow, denseHigh).ToArray(), function, (result, x) => Ulp.OfFloat(result, reference(x)));

    private double MaxUlpDouble(string name, Func<Vector<double>, Vector<double>> function, Func<double, double> reference, double denseLow, double denseHigh) =>
        MaxUlp("double", name, DoublePoints(StableSeed(name), denseLow, denseHigh).ToArray(), function, (result, x) => Ulp.OfDouble(result, reference(x)));

    /// <summary>Runs <paramref name="function"/> over the points a vector at a time and returns the largest error in ulps.</summary>
    private double MaxUlp<T>(string type, string name, T[] xs, Func<Vector<T>, Vector<T>> function, Func<T, double, double> ulpError)
        where T : struct, IFloatingPointIeee754<T> => MaxUlp(output, type, name, xs, function, ulpError);

    /// <summary>Runs <paramref name="function"/> over the points a vector at a time, writes and returns the largest error in ulps.</summary>
    internal static double MaxUlp<T>(ITestOutputHelper output, string type, string name, T[] xs, Func<Vector<T>, Vector<T>> function, Func<T, double, double> ulpError)
        where T : struct, IFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count;
        Array.Resize(ref xs, (xs.Length + width - 1) / width * width);
        double worst = 0;
        T worstAt = T.Zero;
        var lanes = new T[width];
        for (int i = 0; i < xs.Length; i += width)
        {
            function(new Vector<T>(xs, i)).CopyTo(lanes);
            for (int j = 0; j < width; j++)
            {
                double error = ulpError(lanes[j], double.CreateChecked(xs[i + j]));
                if (error > worst)
                {
                    worst = error;
                    worstAt = xs[i + j];
                }
            }
        }
        output.WriteLine($"{type} {name,-9} max error {worst:F3} ulp (at x = {worstAt:R}) over {xs.Length:N0} points");
        return worst;
    }

    // Each bound is the documented promise (XML docs of VectorMath, docs/benchmarks.md).
    [Fact] public void FloatExp() => Assert.InRange(MaxUlpFloat("exp", VectorMath.Exp, Math.Exp, -104, 89), 0, 1);
    [Fact] public void FloatLog() => Assert.InRange(MaxUlpFloat("log", VectorMath.Log, Math.Log, 0, 4), 0, 1);
    [Fact] public void FloatLog1p() => Assert.InRange(MaxUlpFloat("log1p", VectorMath.Log1p, Reference.Log1p, -1, 4), 0, 1);
    [Fact] public void FloatTanh() => Assert.InRange(MaxUlpFloat("tanh", VectorMath.Tanh, Math.Tanh, -10, 10), 0, 1);
    [Fact] public void FloatSigmoid() => Assert.InRange(MaxUlpFloat("sigmoid", VectorMath.Sigmoid, Reference.Sigmoid, -30, 30), 0, 2);
    [Fact] public void FloatSoftplus() => Assert.InRange(MaxUlpFloat("softplus", VectorMath.Softplus, Reference.Softplus, -30, 30), 0, 2);

    [Fact] public void DoubleExp() => Assert.InRange(MaxUlpDouble("exp", VectorMath.Exp, Math.Exp, -746, 710), 0, 1);
    [Fact] public void DoubleLog() => Assert.InRange(MaxUlpDouble("log", VectorMath.Log, Math.Log, 0, 4), 0, 4);
    [Fact] public void DoubleLog1p() => Assert.InRange(MaxUlpDouble("log1p", VectorMath.Log1p, Reference.Log1p, -1, 4), 0, 4);
    [Fact] public void DoubleTanh() => Assert.InRange(MaxUlpDouble("tanh", VectorMath.Tanh, Math.Tanh, -20, 20), 0, 4);
    [Fact] public void DoubleSigmoid() => Assert.InRange(MaxUlpDouble("sigmoid", VectorMath.Sigmoid, Reference.Sigmoid, -40, 40), 0, 4);
    [Fact] public void DoubleSoftplus() => Assert.InRange(MaxUlpDouble("softplus", VectorMath.Softplus, Reference.Softplus, -40, 40), 0, 4);
}
