using System.Numerics;

namespace LossGen.Tests.Matrix;

/// <summary>The contract of generated bodies beyond the numbers: validation, in-place gradients, overwrite, alignment, unused inputs.</summary>
public class KernelContractTests
{
    [Theory]
    [InlineData(1000)]
    [InlineData(37)]
    [InlineData(5)]
    public void InPlaceGradientEqualsOutOfPlace(int n)
    {
        (float[] p, float[] y) = MatrixTests.FloatInputs(n, 1);
        var dp = new float[n];
        float expected = MatrixLosses.BceWithLogitsF(p, y, dp, new float[n]);
        float[] inPlace = (float[])p.Clone();
        float actual = MatrixLosses.BceWithLogitsF(inPlace, y, inPlace, new float[n]);
        Assert.Equal(expected, actual);
        Assert.Equal(dp, inPlace);
    }

    [Fact]
    public void LengthMismatchThrowsBeforeWritingAnything()
    {
        (float[] p, float[] y) = MatrixTests.FloatInputs(100, 2);
        float[] dp = Enumerable.Repeat(42f, 100).ToArray();
        float[] dy = Enumerable.Repeat(42f, 100).ToArray();
        var e = Assert.Throws<ArgumentException>(() => MatrixLosses.MseF(p, y.AsSpan(0, 99), dp, dy));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("99", e.Message, StringComparison.Ordinal);
        Assert.Contains("100", e.Message, StringComparison.Ordinal);
        Assert.All(dp, v => Assert.Equal(42f, v));

        var e2 = Assert.Throws<ArgumentException>(() => MatrixLosses.MseF(p, y, dp, dy.AsSpan(0, 50)));
        Assert.Equal("dy", e2.ParamName);
        Assert.All(dp, v => Assert.Equal(42f, v));

        var e3 = Assert.Throws<ArgumentException>(() => MatrixLosses.LogNoneD(new double[3], new double[3], new double[4], new double[3], new double[3]));
        Assert.Equal("loss", e3.ParamName);
    }

    [Fact]
    public void GradientsAreOverwrittenNotAccumulated()
    {
        (float[] p, float[] y) = MatrixTests.FloatInputs(50, 3);
        var first = new float[50];
        MatrixLosses.MseF(p, y, first, new float[50]);
        float[] second = Enumerable.Repeat(1000f, 50).ToArray();
        MatrixLosses.MseF(p, y, second, new float[50]);
        Assert.Equal(first, second);
    }

    [Fact]
    public void UnusedInputGradientIsFilledWithZeros()
    {
        (float[] p, float[] y) = MatrixTests.FloatInputs(33, 4);
        float[] dy = Enumerable.Repeat(float.NaN, 33).ToArray();
        MatrixLosses.ExpF(p, y, new float[33], dy);
        Assert.All(dy, v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData(1001)]
    [InlineData(77)]
    public void ResultsAreBitwiseIdenticalWhateverTheAlignment(int n)
    {
        (float[] p, float[] y) = MatrixTests.FloatInputs(n, 5);
        var dp = new float[n];
        float reference = MatrixLosses.SoftplusF(p, y, dp, new float[n]);
        for (int offset = 1; offset < Vector<float>.Count; offset++)
        {
            var pBuffer = new float[n + offset];
            var yBuffer = new float[n + 2 * offset];
            var dpBuffer = new float[n + 3 * offset];
            p.CopyTo(pBuffer, offset);
            y.CopyTo(yBuffer, 2 * offset);
            float value = MatrixLosses.SoftplusF(pBuffer.AsSpan(offset, n), yBuffer.AsSpan(2 * offset, n), dpBuffer.AsSpan(3 * offset, n), new float[n]);
            Assert.Equal(BitConverter.SingleToInt32Bits(reference), BitConverter.SingleToInt32Bits(value));
            Assert.Equal(dp, dpBuffer.AsSpan(3 * offset, n).ToArray());
        }
    }

    [Fact]
    public void TailElementsGetTheSameResultsAsBodyElements()
    {
        // Element i's gradient does not depend on whether it falls in the vector body or the masked tail.
        int width = Vector<float>.Count;
        (float[] p, float[] y) = MatrixTests.FloatInputs(4 * width, 6);
        var full = new float[p.Length];
        MatrixLosses.SigmoidSumF(p, y, full, new float[p.Length]);
        for (int n = 1; n < p.Length; n++)
        {
            var part = new float[n];
            MatrixLosses.SigmoidSumF(p.AsSpan(0, n), y.AsSpan(0, n), part, new float[n]);
            Assert.Equal(full.AsSpan(0, n).ToArray(), part); // Sum: no 1/n scaling, so bit for bit
        }
    }

    [Fact]
    public void InterleavedElementsGetTheSameResultsAsElementsComputedAlone()
    {
        // The main loop of a heavy kernel computes the vectors at i and i + width with the kernel's statements written out
        // for both; the vectors after it call the kernel out of line. Element k of 6 vectors falls in the main loop; with
        // n = k + 1 it falls in the remainder or the masked tail: the same bits either way.
        int n = 6 * Vector<float>.Count;
        var random = new Random(11);
        float[] z = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 16 - 8)).ToArray();
        float[] y = Enumerable.Range(0, n).Select(_ => (float)random.Next(2)).ToArray();
        var loss = new float[n];
        var dz = new float[n];
        InterleavedLosses.FocalNoneF(z, y, 0.25f, loss, dz);
        for (int k = 0; k < n; k++)
        {
            var lossPart = new float[k + 1];
            var dzPart = new float[k + 1];
            InterleavedLosses.FocalNoneF(z.AsSpan(0, k + 1), y.AsSpan(0, k + 1), 0.25f, lossPart, dzPart);
            Assert.Equal(BitConverter.SingleToInt32Bits(loss[k]), BitConverter.SingleToInt32Bits(lossPart[k]));
            Assert.Equal(BitConverter.SingleToInt32Bits(dz[k]), BitConverter.SingleToInt32Bits(dzPart[k]));
        }

        // Against the closed form in double: α_t·q²·softplus(−z_t) with q = σ(−z_t), z_t = (2y − 1)z.
        for (int k = 0; k < n; k++)
        {
            double zt = (2.0 * y[k] - 1) * z[k], q = 1 / (1 + Math.Exp(zt)), alpha = 0.25 * y[k] + 0.75 * (1 - y[k]);
            double softplus = Math.Max(-zt, 0) + Math.Log(1 + Math.Exp(-Math.Abs(zt)));
            double expected = alpha * q * q * softplus;
            Assert.True(Math.Abs(loss[k] - expected) <= 1e-6 * Math.Abs(expected) + 1e-30, $"loss[{k}] = {loss[k]}, expected {expected}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(1003)]
    public void InterleavedLoopsSumScalarGradientsOfBothVectors(int n)
    {
        // Each of the two vectors of an iteration has its own accumulators: dropping one would lose half the sum.
        // References in double from the same float inputs; bounds scale with the magnitudes that are rounded.
        var random = new Random(n);
        float[] p = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] y = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 3)).ToArray();
        const float a = 1.5f, b = 0.7f;
        var dp = new float[n];
        float value = InterleavedLosses.ExpFitSumF(p, y, a, b, dp, out float da, out float db);
        double expectedValue = 0, expectedDa = 0, expectedDb = 0, valueScale = 0, daScale = 0, dbScale = 0;
        for (int k = 0; k < n; k++)
        {
            double e = Math.Exp(b * (double)p[k]), r = a * e - y[k], size = a * e + y[k], log = Math.Log(1 + (double)p[k] * p[k]);
            expectedValue += r * r + log;
            valueScale += size * size + log;
            expectedDa += 2 * r * e;
            daScale += 2 * size * e;
            expectedDb += 2 * r * a * e * p[k];
            dbScale += 2 * size * a * e * Math.Abs(p[k]);
            double expectedDp = 2 * r * a * b * e + 2 * p[k] / (1 + (double)p[k] * p[k]);
            double dpScale = 2 * size * a * b * e + 2 * Math.Abs(p[k]) / (1 + (double)p[k] * p[k]);
            Assert.True(Math.Abs(dp[k] - expectedDp) <= 1e-6 * dpScale, $"dp[{k}] = {dp[k]}, expected {expectedDp}");
        }
        Assert.True(Math.Abs(value - expectedValue) <= 1e-6 * valueScale, $"value {value}, expected {expectedValue}");
        Assert.True(Math.Abs(da - expectedDa) <= 1e-6 * daScale, $"da {da}, expected {expectedDa}");
        Assert.True(Math.Abs(db - expectedDb) <= 1e-6 * dbScale, $"db {db}, expected {expectedDb}");
    }
}
