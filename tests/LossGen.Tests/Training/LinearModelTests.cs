using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>The linear model's forward and backward passes: against finite differences, and bit-identical for any thread count.</summary>
public class LinearModelTests
{
    private static (double[] X, double[] Y, double[] W) Data(int n, int d, int seed)
    {
        var random = new Random(seed);
        double[] x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] y = Enumerable.Range(0, n).Select(_ => random.NextDouble()).ToArray();
        double[] w = Enumerable.Range(0, d).Select(_ => random.NextDouble() - 0.5).ToArray();
        return (x, y, w);
    }

    private static double Loss(double[] x, double[] y, double[] w, double b)
    {
        var z = new double[y.Length];
        LinearModel.Predict<double>(x, w, b, z);
        return Losses.MseLoss(z, y, new double[y.Length]);
    }

    [Fact]
    public void BackwardOfAGeneratedLossMatchesFiniteDifferences()
    {
        (double[] x, double[] y, double[] w) = Data(300, 13, 1);
        const double b = 0.2;
        var z = new double[300];
        LinearModel.Predict<double>(x, w, b, z);
        var dz = new double[300];
        Losses.MseLoss(z, y, dz);
        var dw = new double[13];
        double db = LinearModel.Backward<double>(x, dz, dw, new LinearWorkspace<double>(threads: 1, chunkRows: 64));
        for (int j = 0; j < 13; j++)
        {
            double[] plus = (double[])w.Clone(), minus = (double[])w.Clone();
            plus[j] += 1e-6;
            minus[j] -= 1e-6;
            double fd = (Loss(x, y, plus, b) - Loss(x, y, minus, b)) / 2e-6;
            Assert.Equal(fd, dw[j], 1e-8);
        }
        Assert.Equal((Loss(x, y, w, b + 1e-6) - Loss(x, y, w, b - 1e-6)) / 2e-6, db, 1e-8);
    }

    [Fact]
    public void PredictIsTheDotProductPlusBias()
    {
        double[] x = { 1, 2, 3, 4, 5, 6 };
        var z = new double[2];
        LinearModel.Predict<double>(x, new double[] { 1, 0, -1 }, 0.5, z);
        Assert.Equal(new[] { 1 - 3 + 0.5, 4 - 6 + 0.5 }, z);
    }

    [Fact]
    public void BackwardIsBitIdenticalForAnyThreadCount()
    {
        (double[] x, double[] y, double[] w) = Data(10_007, 17, 2);
        float[] xf = x.Select(v => (float)v).ToArray(), gf = y.Select(v => (float)v - 0.5f).ToArray();
        var reference = new float[17];
        float referenceBias = LinearModel.Backward<float>(xf, gf, reference, new LinearWorkspace<float>(threads: 1, chunkRows: 512));
        for (int threads = 2; threads <= Environment.ProcessorCount; threads++)
        {
            var dw = new float[17];
            float db = LinearModel.Backward<float>(xf, gf, dw, new LinearWorkspace<float>(threads, chunkRows: 512));
            Assert.Equal(reference, dw);
            Assert.Equal(referenceBias, db);
        }
        // Also run with more workers than chunks and with the default thread count.
        var all = new float[17];
        LinearModel.Backward<float>(xf, gf, all, new LinearWorkspace<float>(chunkRows: 512));
        Assert.Equal(reference, all);
    }

    [Fact]
    public void ShapesAreValidatedWithTheParameterName()
    {
        var e = Assert.Throws<ArgumentException>(() => LinearModel.Predict<double>(new double[7], new double[3], 0, new double[2]));
        Assert.Equal("x", e.ParamName);
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => new LinearWorkspace<double>(threads: -1)).ParamName);
    }
}
