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
}
