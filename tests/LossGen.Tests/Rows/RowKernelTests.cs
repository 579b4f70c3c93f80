namespace LossGen.Tests.Rows;

/// <summary>
/// Generated row kernels against independent references: central finite differences of the value in double
/// (random data without ties), closed forms at ties and at logits of ±1e4, the unrolled (constant K) kernel
/// against the one vectorized along the row (run-time K), and validation before any write.
/// </summary>
public class RowKernelTests
{
    private static double[] Random(int length, int seed, double scale = 2)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ => (random.NextDouble() * 2 - 1) * scale).ToArray();
    }

    private static int[] Classes(int n, int k, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.Next(k)).ToArray();
    }

    /// <summary>Worst |FD − analytic| / max(1, |FD|) over every coordinate, with a central difference of step h.</summary>
    private static double WorstError(Func<double[], double> f, double[] point, double[] analytic)
    {
        double worst = 0;
        for (int i = 0; i < point.Length; i++)
        {
            double h = 1e-5 * Math.Max(1, Math.Abs(point[i]));
            double[] plus = (double[])point.Clone(), minus = (double[])point.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (f(plus) - f(minus)) / (2 * h);
            worst = Math.Max(worst, Math.Abs(fd - analytic[i]) / Math.Max(1, Math.Abs(fd)));
        }
        return worst;
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(5, 13)]
    [InlineData(40, 11)]
    public void MixedFormulaMatchesFiniteDifferencesConstantAndRuntime(int k, int n)
    {
        double[] z = Random(n * k, 1), w = Random(n, 2);
        int[] t = Classes(n, k, 3);
        double[] dz = new double[n * k], dw = new double[n], dzr = new double[n * k], dwr = new double[n];
        double value = k == 5 ? RowLosses.MixConstant(z, w, t, dz, dw) : RowLosses.MixConstant40(z, w, t, dz, dw);
        double runtime = RowLosses.MixRuntime(z, w, t, k, dzr, dwr);
        Assert.Equal(value, runtime, 12);
        for (int i = 0; i < dz.Length; i++)
        {
            Assert.Equal(dz[i], dzr[i], 12);
        }
        double F(double[] zz, double[] ww) => RowLosses.MixRuntime(zz, ww, t, k, new double[n * k], new double[n]);
        Assert.True(WorstError(zz => F(zz, w), z, dz) < 1e-7, "dz");
        Assert.True(WorstError(ww => F(z, ww), w, dw) < 1e-7, "dw");
    }

    /// <summary>
    /// Both layouts of the run-time kernel — across samples (K below two vectors: 16 floats, 8 doubles) and along the
    /// rows — and the block tails of each, against the closed form of softmax cross-entropy in double.
    /// </summary>
    [Theory]
    [InlineData(1, 9)]
    [InlineData(2, 1)]
    [InlineData(3, 20)]
    [InlineData(7, 17)]
    [InlineData(8, 8)]
    [InlineData(15, 9)]
    [InlineData(16, 3)]
    [InlineData(17, 20)]
    [InlineData(33, 5)]
    public void CatalogueCrossEntropyMatchesTheClosedFormOnBothLayouts(int k, int n)
    {
        double[] z = Random(n * k, 40 + k).Select(v => 3 * v).ToArray();
        int[] t = Classes(n, k, 50 + n);
        double expected = 0;
        var gradient = new double[n * k];
        for (int r = 0; r < n; r++)
        {
            double m = Enumerable.Range(0, k).Max(j => z[r * k + j]);
            double s = Enumerable.Range(0, k).Sum(j => Math.Exp(z[r * k + j] - m));
            expected += (m + Math.Log(s) - z[r * k + t[r]]) / n;
            for (int j = 0; j < k; j++)
            {
                gradient[r * k + j] = (Math.Exp(z[r * k + j] - m) / s - (j == t[r] ? 1 : 0)) / n;
            }
        }
        var dz = new double[n * k];
        Assert.Equal(expected, Losses.CrossEntropyLoss(z, t, k, dz), 1e-13);
        for (int i = 0; i < dz.Length; i++)
        {
            Assert.Equal(gradient[i], dz[i], 1e-15);
        }
        float[] zf = z.Select(v => (float)v).ToArray();
        var dzf = new float[n * k];
        Assert.Equal(expected, Losses.CrossEntropyLoss(zf, t, k, dzf), 2e-6);
        for (int i = 0; i < dzf.Length; i++)
        {
            Assert.Equal(gradient[i], dzf[i], 2e-7);
        }
        var losses = new float[n];
        Losses.CrossEntropyLossNone(zf, t, k, losses, dzf);
        Assert.Equal(expected * n, losses.Sum(v => (double)v), 1e-5 * n);
    }

    [Fact]
    public void ScalarParametersAndPerSampleInputsMatchFiniteDifferences()
    {
        int n = 23, k = 7;
        double[] z = Random(n * k, 4), y = Random(n * k, 5);
        int[] t = Classes(n, k, 6);
        double a = 0.7, b = -1.3;
        double[] dz = new double[n * k], dy = new double[n * k], dzr = new double[n * k], dyr = new double[n * k];
        double value = RowLosses.ScaledConstant(z, y, t, a, b, dz, dy, out double da, out double db);
        double runtime = RowLosses.ScaledRuntime(z, y, t, a, b, k, dzr, dyr, out double dar, out double dbr);
        Assert.Equal(value, runtime, 12);
        Assert.Equal(da, dar, 12);
        Assert.Equal(db, dbr, 12);
        double F(double[] zz, double[] yy, double aa, double bb) => RowLosses.ScaledRuntime(zz, yy, t, aa, bb, k, new double[n * k], new double[n * k], out _, out _);
        Assert.True(WorstError(zz => F(zz, y, a, b), z, dz) < 1e-7, "dz");
        Assert.True(WorstError(yy => F(z, yy, a, b), y, dy) < 1e-7, "dy");
        Assert.True(WorstError(p => F(z, y, p[0], p[1]), [a, b], [da, db]) < 1e-7, "da, db");
    }

    [Fact]
    public void TiesAtTheMaxAndMinShareTheGradientEvenly()
    {
        // Row 0: a three-way tie at the max; row 1: all equal (max and min both tie four ways).
        double[] z = [3, 3, 3, 1, 2, 2, 2, 2];
        int k = 4;
        double[] dz = new double[8], dzr = new double[8];
        RowLosses.Extremes(z.AsSpan(0, 8), dz);
        RowLosses.ExtremesRuntime(z.AsSpan(0, 8), k, dzr);
        double third = 1.0 / 3;
        double[] expected = [third, third, third, 1, 0.25 + 0.25, 0.25 + 0.25, 0.25 + 0.25, 0.25 + 0.25];
        for (int i = 0; i < 8; i++)
        {
            Assert.Equal(expected[i], dz[i], 15);
            Assert.Equal(expected[i], dzr[i], 15);
        }
    }

    [Fact]
    public void ExtremeLogitsGiveTheClosedFormWithoutNaN()
    {
        int n = 9, k = 10;
        float[] z = new float[n * k];
        var random = new Random(7);
        for (int i = 0; i < z.Length; i++)
        {
            z[i] = (float)((random.NextDouble() * 2 - 1) * 1e4);
        }
        int[] t = Classes(n, k, 8);
        float[] dz = new float[n * k];
        float value = RowLosses.CrossEntropy10(z, t, dz);
        double expected = 0;
        for (int r = 0; r < n; r++)
        {
            double m = Enumerable.Range(0, k).Max(j => (double)z[r * k + j]);
            double s = Enumerable.Range(0, k).Sum(j => Math.Exp(z[r * k + j] - m));
            expected += (m + Math.Log(s) - z[r * k + t[r]]) / n;
            for (int j = 0; j < k; j++)
            {
                double g = (Math.Exp(z[r * k + j] - m) / s - (j == t[r] ? 1 : 0)) / n;
                Assert.True(Math.Abs(dz[r * k + j] - g) <= 1e-6, $"dz[{r},{j}] = {dz[r * k + j]}, closed form {g}");
            }
        }
        Assert.False(float.IsNaN(value));
        Assert.Equal(expected, value, expected * 1e-6);
    }

    [Fact]
    public void OneClassHasZeroLossAndGradient()
    {
        double[] loss = new double[3], dz = new double[3];
        RowLosses.SingleClass([5, -2, 1e300], [0, 0, 0], loss, dz);
        Assert.All(loss, l => Assert.Equal(0, l));
        Assert.All(dz, d => Assert.Equal(0, d));
    }

    [Fact]
    public void ValidationNamesTheParameterAndTheRowAndWritesNothing()
    {
        double[] z = Random(3 * 5, 9), w = Random(3, 10);
        double[] dz = Enumerable.Repeat(42.0, 15).ToArray(), dw = Enumerable.Repeat(42.0, 3).ToArray();
        var outOfRange = Assert.Throws<ArgumentOutOfRangeException>(() => RowLosses.MixRuntime(z, w, [0, 5, 1], 5, dz, dw));
        Assert.Equal("t", outOfRange.ParamName);
        Assert.Contains("row 1", outOfRange.Message);
        Assert.Equal("t", Assert.Throws<ArgumentOutOfRangeException>(() => RowLosses.MixConstant(z, w, [0, -1, 1], dz, dw)).ParamName);
        Assert.Equal("dz", Assert.Throws<ArgumentException>(() => RowLosses.MixRuntime(z, w, [0, 1, 2], 5, dz.AsSpan(1), dw)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => RowLosses.MixConstant(z.AsSpan(0, 14), w, [0, 1, 2], dz, dw)).ParamName);
        Assert.Equal("k", Assert.Throws<ArgumentOutOfRangeException>(() => RowLosses.MixRuntime(z, w, [0, 1, 2], 0, dz, dw)).ParamName);
        Assert.Equal("z", Assert.Throws<ArgumentException>(() => RowLosses.ExtremesRuntime(z.AsSpan(0, 14), 5, dz.AsSpan(0, 14))).ParamName);
        Assert.All(dz, d => Assert.Equal(42.0, d));
        Assert.All(dw, d => Assert.Equal(42.0, d));
    }
}
