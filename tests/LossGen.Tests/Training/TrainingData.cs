using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>Small seeded data sets for the trainer's tests.</summary>
internal static class TrainingData
{
    /// <summary>y = slope0 x₀ − x₁ + 0.5 + noise (slope0 = 2 unless given) over n rows of 2 features, seeded.</summary>
    public static (double[] X, double[] Y) Regression(int n, ulong seed, double slope0 = 2)
    {
        var random = new SeededRandom(seed);
        var x = new double[n * 2];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[2 * i] = random.NextDouble() * 2 - 1;
            x[2 * i + 1] = random.NextDouble() * 2 - 1;
            y[i] = slope0 * x[2 * i] - x[2 * i + 1] + 0.5 + 0.1 * (random.NextDouble() - 0.5);
        }
        return (x, y);
    }

    /// <summary>Asserts that two results have the same parameters and history, bit for bit.</summary>
    public static void AssertSameBits(TrainingResult<double> expected, TrainingResult<double> actual)
    {
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Parameters.Select(BitConverter.DoubleToInt64Bits), actual.Parameters.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(Bits(expected.History), Bits(actual.History));
    }

    private static IEnumerable<(long, long, long, long)> Bits(IEnumerable<EpochReport> history) =>
        history.Select(r => (BitConverter.DoubleToInt64Bits(r.Loss), BitConverter.DoubleToInt64Bits(r.ValidationLoss), BitConverter.DoubleToInt64Bits(r.LearningRate), BitConverter.DoubleToInt64Bits(r.GradientNorm)));
}
