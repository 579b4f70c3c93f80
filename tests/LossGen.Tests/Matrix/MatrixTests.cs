using System.Numerics;

namespace LossGen.Tests.Matrix;

/// <summary>
/// Compile-and-run matrix: every operator, function and standard loss, generated in float and
/// double, called at n = 0, 1, 7, W − 1, W, 4W + 3 and 1000 (W = Vector&lt;T&gt;.Count), against an
/// independent reference: the hand-written closed form of each per-element loss in double, and
/// its central finite differences (one Richardson step) for the gradients.
/// </summary>
public class MatrixTests
{
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (MatrixCase c in MatrixCases.All)
        {
            data.Add(c.Name);
        }
        return data;
    }

    internal static int[] Sizes(int width) => new[] { 0, 1, 7, width - 1, width, 4 * width + 3, 1000 };

    /// <summary>∂f/∂p and ∂f/∂y by central differences, or null near a kink (two step sizes disagree).</summary>
    internal static (double Dp, double Dy)? ReferenceGradient(Func<double, double, double> f, double p, double y)
    {
        static double D(Func<double, double> g, double x, double h) => (g(x + h) - g(x - h)) / (2 * h);
        static double R(Func<double, double> g, double x, double h) => (4 * D(g, x, h / 2) - D(g, x, h)) / 3;
        double dp = R(q => f(q, y), p, 1e-4), dpFine = R(q => f(q, y), p, 2.5e-5);
        double dy = R(q => f(p, q), y, 1e-4), dyFine = R(q => f(p, q), y, 2.5e-5);
        if (Math.Abs(dp - dpFine) > 1e-8 * Math.Max(1, Math.Abs(dp)) || Math.Abs(dy - dyFine) > 1e-8 * Math.Max(1, Math.Abs(dy)))
        {
            return null;
        }
        return (dp, dy);
    }

    internal static (float[] P, float[] Y) FloatInputs(int n, int seed)
    {
        var random = new Random(seed);
        var p = new float[n];
        var y = new float[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = (float)(0.2 + 1.6 * random.NextDouble());
            y[i] = (float)(0.2 + 1.6 * random.NextDouble());
        }
        return (p, y);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void FloatKernelMatchesTheReference(string name)
    {
        MatrixCase c = MatrixCases.All.Single(x => x.Name == name);
        foreach (int n in Sizes(Vector<float>.Count))
        {
            (float[] p, float[] y) = FloatInputs(n, n + 17);
            var dp = new float[n];
            var dy = Enumerable.Repeat(float.NaN, n).ToArray(); // must be overwritten (zeros where y is unused)
            float value = c.Float(p, y, dp, dy);
            CheckMean(c, n, value, p.Select(v => (double)v).ToArray(), y.Select(v => (double)v).ToArray(), dp.Select(v => (double)v).ToArray(), dy.Select(v => (double)v).ToArray(), valueTolerance: 2e-6, gradientTolerance: 2e-5, valueFloor: 0.1);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void DoubleKernelMatchesTheReference(string name)
    {
        MatrixCase c = MatrixCases.All.Single(x => x.Name == name);
        foreach (int n in Sizes(Vector<double>.Count))
        {
            (float[] pf, float[] yf) = FloatInputs(n, n + 29);
            double[] p = pf.Select(v => (double)v + 1e-9).ToArray();
            double[] y = yf.Select(v => (double)v - 1e-9).ToArray();
            var dp = new double[n];
            var dy = Enumerable.Repeat(double.NaN, n).ToArray();
            double value = c.Double(p, y, dp, dy);
            CheckMean(c, n, value, p, y, dp, dy, valueTolerance: 1e-12, gradientTolerance: 1e-8, valueFloor: 1e-3);
        }
    }

    private static void CheckMean(MatrixCase c, int n, double value, double[] p, double[] y, double[] dp, double[] dy, double valueTolerance, double gradientTolerance, double valueFloor)
    {
        if (n == 0)
        {
            Assert.True(double.IsNaN(value), $"{c.Name}: the mean of no elements is NaN");
            return;
        }
        double sum = 0, scale = 0;
        int skipped = 0;
        for (int i = 0; i < n; i++)
        {
            double l = c.Reference(p[i], y[i]);
            sum += l;
            scale += Math.Abs(l);
            if (ReferenceGradient(c.Reference, p[i], y[i]) is not (double gp, double gy))
            {
                skipped++;
                continue;
            }
            Assert.True(Math.Abs(dp[i] - gp / n) <= gradientTolerance * Math.Max(1, Math.Abs(gp)) / n,
                $"{c.Name} (n = {n}) dp[{i}] = {dp[i]:R}, reference {gp / n:R} at p = {p[i]:R}, y = {y[i]:R}");
            Assert.True(Math.Abs(dy[i] - gy / n) <= gradientTolerance * Math.Max(1, Math.Abs(gy)) / n,
                $"{c.Name} (n = {n}) dy[{i}] = {dy[i]:R}, reference {gy / n:R} at p = {p[i]:R}, y = {y[i]:R}");
        }
        Assert.True(skipped <= Math.Max(1, n / 50), $"{c.Name}: {skipped} of {n} elements too close to a kink");
        double expected = sum / n;
        // The floor allows for cancellation inside a formula (log-cosh near 0 subtracts terms of size ~0.7).
        Assert.True(Math.Abs(value - expected) <= valueTolerance * Math.Max(scale / n, valueFloor),
            $"{c.Name} (n = {n}): {value:R}, reference {expected:R}");
    }

    [Fact]
    public void SumAndNoneReductionsMatchTheReference()
    {
        foreach (var r in MatrixCases.Reductions)
        {
            foreach (int n in Sizes(Vector<float>.Count))
            {
                (float[] p, float[] y) = FloatInputs(n, n + 3);
                var dp = new float[n];
                var dy = new float[n];
                float sum = r.SumF(p, y, dp, dy);
                var loss = new float[n];
                var dpNone = new float[n];
                var dyNone = new float[n];
                r.NoneF(p, y, loss, dpNone, dyNone);
                double expected = 0;
                for (int i = 0; i < n; i++)
                {
                    double l = r.Reference(p[i], y[i]);
                    expected += l;
                    Assert.True(Math.Abs(loss[i] - l) <= 2e-6 * Math.Max(1, Math.Abs(l)), $"{r.Name} None loss[{i}] = {loss[i]}, reference {l}");
                    if (ReferenceGradient(r.Reference, p[i], y[i]) is (double gp, double gy))
                    {
                        Assert.True(Math.Abs(dp[i] - gp) <= 2e-5 * Math.Max(1, Math.Abs(gp)), $"{r.Name} Sum dp[{i}]");
                        Assert.True(Math.Abs(dy[i] - gy) <= 2e-5 * Math.Max(1, Math.Abs(gy)), $"{r.Name} Sum dy[{i}]");
                    }
                    // Sum and None gradients are the same per-element derivatives, bit for bit.
                    Assert.Equal(dp[i], dpNone[i]);
                    Assert.Equal(dy[i], dyNone[i]);
                }
                Assert.True(Math.Abs(sum - expected) <= 2e-6 * Math.Max(1, Math.Abs(expected)), $"{r.Name} Sum (n = {n}) = {sum}, reference {expected}");
                if (n == 0)
                {
                    Assert.Equal(0f, sum);
                }

                double[] pd = p.Select(v => (double)v).ToArray(), yd = y.Select(v => (double)v).ToArray();
                var dpd = new double[n];
                var dyd = new double[n];
                double sumD = r.SumD(pd, yd, dpd, dyd);
                Assert.True(Math.Abs(sumD - expected) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{r.Name} double Sum (n = {n}) = {sumD}, reference {expected}");
                var lossD = new double[n];
                r.NoneD(pd, yd, lossD, new double[n], new double[n]);
                for (int i = 0; i < n; i++)
                {
                    Assert.True(Math.Abs(lossD[i] - r.Reference(pd[i], yd[i])) <= 1e-13 * Math.Max(1, Math.Abs(lossD[i])), $"{r.Name} double None loss[{i}]");
                }
            }
        }
    }

    [Fact]
    public void ScalarGradientOfASquareKeepsItsFactorTwo()
    {
        // (p + a - y)^2: d/da = 2 (p + a - y), a constant factor that the span gradient folds into 1/n.
        (float[] p, float[] y) = FloatInputs(37, 8);
        var dp = new float[37];
        MatrixLosses.InterceptF(p, y, 0.25f, dp, out float da);
        double expected = 0;
        for (int i = 0; i < 37; i++)
        {
            expected += 2.0 * (p[i] + 0.25 - y[i]) / 37;
            Assert.Equal(2.0 * (p[i] + 0.25 - y[i]) / 37, dp[i], 1e-6);
        }
        Assert.Equal(expected, da, 1e-5);
    }

    [Fact]
    public void ScalarGradientsMatchTheReference()
    {
        static double F(double p, double y, double a, double b) => Math.Pow(a * Math.Exp(b * p) - y, 2);
        const double a = 1.3, b = -0.4;
        foreach (int n in Sizes(Vector<float>.Count))
        {
            (float[] p, float[] y) = FloatInputs(n, n + 5);
            double sum = 0, dA = 0, dB = 0;
            for (int i = 0; i < n; i++)
            {
                sum += F(p[i], y[i], a, b);
                dA += (F(p[i], y[i], a + 1e-6, b) - F(p[i], y[i], a - 1e-6, b)) / 2e-6;
                dB += (F(p[i], y[i], a, b + 1e-6) - F(p[i], y[i], a, b - 1e-6)) / 2e-6;
            }
            float meanF = MatrixLosses.ExpFitMeanF(p, y, (float)a, (float)b, new float[n], out float daF, out float dbF);
            float sumF = MatrixLosses.ExpFitSumF(p, y, (float)a, (float)b, new float[n], out float daSumF, out float dbSumF);
            double[] pd = p.Select(v => (double)v).ToArray(), yd = y.Select(v => (double)v).ToArray();
            double meanD = MatrixLosses.ExpFitMeanD(pd, yd, a, b, new double[n], out double daD, out double dbD);
            if (n == 0)
            {
                Assert.True(float.IsNaN(meanF) && float.IsNaN(daF) && float.IsNaN(dbF) && double.IsNaN(meanD) && double.IsNaN(daD));
                Assert.Equal((0f, 0f, 0f), (sumF, daSumF, dbSumF));
                continue;
            }
            Assert.Equal(sum / n, meanF, 1e-5 * Math.Max(1, sum / n));
            Assert.Equal(dA / n, daF, 1e-4 * Math.Max(1, Math.Abs(dA / n)));
            Assert.Equal(dB / n, dbF, 1e-4 * Math.Max(1, Math.Abs(dB / n)));
            Assert.Equal(sum, sumF, 1e-5 * Math.Max(1, sum));
            Assert.Equal(dA, daSumF, 1e-4 * Math.Max(1, Math.Abs(dA)));
            Assert.Equal(dB, dbSumF, 1e-4 * Math.Max(1, Math.Abs(dB)));
            Assert.Equal(sum / n, meanD, 1e-12 * Math.Max(1, sum / n));
            Assert.Equal(dA / n, daD, 1e-7 * Math.Max(1, Math.Abs(dA / n)));
            Assert.Equal(dB / n, dbD, 1e-7 * Math.Max(1, Math.Abs(dB / n)));
        }
    }
}
