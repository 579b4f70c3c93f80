namespace LossGen.Tests.SecondOrder;

/// <summary>
/// Generated second derivatives (<c>d2x</c>) against closed forms in double: the logistic loss's
/// σ(z)(1 − σ(z)), Poisson's exp(z), Huber's 1/δ inside and 0 outside, log-cosh's 1 − tanh²(d), and a
/// linear formula's zeros; each scaled by the reduction like the gradient (1/n under Mean).
/// </summary>
public class SecondOrderTests
{
    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    private static (double[] A, double[] B) Data(int n, int seed)
    {
        var random = new Random(seed);
        double[] a = new double[n], b = new double[n];
        for (int i = 0; i < n; i++)
        {
            a[i] = 8 * random.NextDouble() - 4;
            b[i] = random.NextDouble() < 0.5 ? 0 : 1;
        }
        return (a, b);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(1000)]
    public void LogisticCurvatureIsSigmoidTimesOneMinusSigmoidOverN(int n)
    {
        (double[] z, double[] y) = Data(n, n);
        double[] dz = new double[n], d2z = new double[n];
        SecondOrderLosses.Logistic(z, y, dz, d2z);
        float[] zf = z.Select(v => (float)v).ToArray(), yf = y.Select(v => (float)v).ToArray();
        float[] dzf = new float[n], d2zf = new float[n];
        SecondOrderLosses.Logistic(zf, yf, dzf, d2zf);
        for (int i = 0; i < n; i++)
        {
            double s = Sigmoid(z[i]);
            Assert.Equal((s - y[i]) / n, dz[i], 1e-15);
            Assert.Equal(s * (1 - s) / n, d2z[i], 1e-15);
            double sf = Sigmoid(zf[i]);
            // Float: computed as e/(1+e)² (no cancellation in 1 − σ), a few ulp.
            Assert.Equal(sf * (1 - sf) / n, d2zf[i], 1e-6 * (sf * (1 - sf) / n));
        }
    }

    [Fact]
    public void PoissonCurvatureIsExpUnderSum()
    {
        (double[] z, double[] y) = Data(101, 5);
        double[] dz = new double[101], d2z = new double[101];
        SecondOrderLosses.Poisson(z, y, dz, d2z);
        for (int i = 0; i < z.Length; i++)
        {
            Assert.Equal(Math.Exp(z[i]), d2z[i], 1e-13 * Math.Exp(z[i]));
        }
    }

    [Fact]
    public void HuberCurvatureIsOneOverDeltaInsideAndZeroOutside()
    {
        double[] p = { -3, -1.5, -0.5, 0, 0.25, 0.999, 1.001, 2, 5 };
        double[] y = new double[p.Length];
        double[] loss = new double[p.Length], dp = new double[p.Length], d2p = Enumerable.Repeat(double.NaN, p.Length).ToArray();
        SecondOrderLosses.Huber(p, y, 1.0, loss, dp, d2p);
        for (int i = 0; i < p.Length; i++)
        {
            Assert.Equal(Math.Abs(p[i]) < 1 ? 1.0 : 0.0, d2p[i]);
        }
    }

    [Fact]
    public void LogCoshCurvatureAloneIsOneMinusTanhSquaredOverN()
    {
        (double[] p, double[] y) = Data(250, 9);
        double[] d2p = new double[p.Length];
        SecondOrderLosses.LogCoshCurvature(p, y, d2p);
        for (int i = 0; i < p.Length; i++)
        {
            double t = Math.Tanh(p[i] - y[i]);
            Assert.Equal((1 - t * t) / p.Length, d2p[i], 1e-14);
        }
    }

    [Fact]
    public void AGradientBoostingObjectiveFillsPerSampleGradientsAndHessians()
    {
        float[] p = { -2f, -0.5f, 0f, 0.5f, 2f }, y = { 0f, 0f, 0f, 0f, 0f };
        float[] loss = new float[5], grad = new float[5], hess = new float[5];
        SecondOrderLosses.AsymmetricObjective(p, y, loss, grad, hess);
        for (int i = 0; i < p.Length; i++)
        {
            float r = p[i] - y[i];
            Assert.Equal(r > 0 ? 6 * r : 2 * r, grad[i]);
            Assert.Equal(r > 0 ? 6f : 2f, hess[i]);
        }
    }

    [Fact]
    public void ALinearFormulaWritesZeros()
    {
        float[] p = { 1, 2, 3 }, y = { 4, 5, 6 };
        float[] d2p = { float.NaN, 7, -1 };
        SecondOrderLosses.Linear(p, y, d2p);
        Assert.Equal(new float[] { 0, 0, 0 }, d2p);
    }

    [Fact]
    public void ASecondDerivativeSpanOfTheWrongLengthIsRejectedBeforeAnyWrite()
    {
        double[] z = { 0.5, -0.5 }, y = { 1, 0 }, dz = { 9, 9 }, d2z = { 9 };
        var e = Assert.Throws<ArgumentException>(() => SecondOrderLosses.Logistic(z, y, dz, d2z));
        Assert.Equal("d2z", e.ParamName);
        Assert.Equal(new double[] { 9, 9 }, dz);
    }
}
