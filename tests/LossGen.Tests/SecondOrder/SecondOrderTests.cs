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
    public void TheScalarHessianMatchesItsClosedForm()
    {
        var random = new Random(4);
        int n = 203;
        double[] x = Enumerable.Range(0, n).Select(_ => 2 * random.NextDouble()).ToArray();
        double[] y = x.Select(v => 2.5 * Math.Exp(-1.3 * v) + 0.05 * (random.NextDouble() - 0.5)).ToArray();
        const double a = 2.2, b = -1.1;
        double[] hessian = new double[4];
        SecondOrderLosses.ExpFit(x, y, a, b, out _, out _, hessian);
        // l = r², r = a e − y with e = exp(b x): ∂²l/∂a² = 2 e², ∂²l/∂a∂b = 2 a x e² + 2 r x e, ∂²l/∂b² = 2 (a x e)² + 2 r a x² e.
        double haa = 0, hab = 0, hbb = 0;
        for (int i = 0; i < n; i++)
        {
            double e = Math.Exp(b * x[i]), r = a * e - y[i];
            haa += 2 * e * e;
            hab += 2 * a * x[i] * e * e + 2 * r * x[i] * e;
            hbb += 2 * (a * x[i] * e) * (a * x[i] * e) + 2 * r * a * x[i] * x[i] * e;
        }
        Assert.Equal(haa, hessian[0], 1e-12 * Math.Abs(haa));
        Assert.Equal(hab, hessian[1], 1e-12 * Math.Abs(hab));
        Assert.Equal(hab, hessian[2], 1e-12 * Math.Abs(hab));
        Assert.Equal(hbb, hessian[3], 1e-12 * Math.Abs(hbb));
    }

    [Fact]
    public void TheScalarHessianUnderMeanInFloatWithALinearParameter()
    {
        float[] x = { 0.1f, 0.5f, 0.9f, 1.3f, 1.7f }, y = { 2.0f, 1.4f, 0.9f, 0.5f, 0.3f };
        float[] hessian = Enumerable.Repeat(float.NaN, 9).ToArray();
        SecondOrderLosses.ExpFitMean(x, y, 2.2f, -1.1f, 0.1f, out _, out _, out _, hessian);
        // ∂²l/∂c² = 2, ∂²l/∂a∂c = 2 e, ∂²l/∂b∂c = 2 a x e, all over n; checked in double.
        double cc = 2, ac = 0, bc = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double e = Math.Exp(-1.1 * x[i]);
            ac += 2 * e / x.Length;
            bc += 2 * 2.2 * x[i] * e / x.Length;
        }
        Assert.Equal(cc, hessian[8], 1e-6);
        Assert.Equal(ac, hessian[2], 1e-5);
        Assert.Equal(ac, hessian[6], 1e-5);
        Assert.Equal(bc, hessian[5], 1e-5);
        Assert.Equal(bc, hessian[7], 1e-5);
        Assert.DoesNotContain(hessian, float.IsNaN);
        Assert.Equal("hessian", Assert.Throws<ArgumentException>(() => SecondOrderLosses.ExpFitMean(x, y, 1, 1, 1, out _, out _, out _, new float[8])).ParamName);
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
