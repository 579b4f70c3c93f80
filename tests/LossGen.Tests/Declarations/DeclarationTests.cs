using LossGen.Tests.Declarations.First;
using Second = LossGen.Tests.Declarations.Second;

namespace LossGen.Tests.Declarations;

/// <summary>
/// Multi-line formulas give the same values and gradients as the single-line form, bit for bit; and
/// every declaration of the overload matrix was generated into its own file and computes its own formula.
/// </summary>
public class DeclarationTests
{
    private static readonly float[] P = { -3f, -1.5f, -0.25f, 0f, 0.1f, 0.9f, 1f, 2.5f, 7f, -7f, 0.5f };
    private static readonly float[] Y = { 0f, 0.5f, 0.25f, 0f, -0.1f, 1.9f, -1f, 2f, 0f, 0f, 0.75f };

    private delegate float Huber(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    public static TheoryData<string> MultiLineForms() => new() { "raw", "verbatim", "every terminator", "concatenated" };

    [Theory]
    [MemberData(nameof(MultiLineForms))]
    public void MultiLineFormulasMatchTheOneLineForm(string form)
    {
        Huber huber = form switch
        {
            "raw" => MultiLineLosses.HuberRaw,
            "verbatim" => MultiLineLosses.HuberVerbatim,
            "every terminator" => MultiLineLosses.HuberEveryTerminator,
            _ => MultiLineLosses.HuberConcatenated,
        };
        foreach (float delta in new[] { 0.5f, 1f, 3f })
        {
            var expectedGradient = new float[P.Length];
            var gradient = new float[P.Length];
            float expected = MultiLineLosses.HuberOneLine(P, Y, delta, expectedGradient);
            float value = huber(P, Y, delta, gradient);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(value));
            Assert.Equal(expectedGradient, gradient);
        }
    }

    [Fact]
    public void MultiLineHuberMatchesItsClosedForm()
    {
        double[] p = P.Select(v => (double)v).ToArray();
        double[] y = Y.Select(v => (double)v).ToArray();
        var gradient = new double[p.Length];
        const double delta = 1;
        double value = MultiLineLosses.HuberRawDouble(p, y, delta, gradient);
        double expected = 0;
        for (int i = 0; i < p.Length; i++)
        {
            double d = Math.Abs(p[i] - y[i]);
            expected += d < delta ? 0.5 * d * d / delta : d - 0.5 * delta;
            double slope = d < delta ? (p[i] - y[i]) / delta : Math.Sign(p[i] - y[i]);
            Assert.Equal(slope / p.Length, gradient[i], 15);
        }
        Assert.Equal(expected / p.Length, value, 15);
    }

    [Fact]
    public void EveryMatrixDeclarationComputesItsOwnFormula()
    {
        // Σ (p - y)^2 and Σ |p - y| in double, the references for every factor below.
        double squares = P.Zip(Y, (p, y) => (double)(p - y) * (p - y)).Sum();
        double absolutes = P.Zip(Y, (p, y) => (double)Math.Abs(p - y)).Sum();
        double mean = squares / P.Length;
        var dp = new float[P.Length];

        Assert.Equal(mean, Shared.Mse(P, Y, dp), 5);
        Assert.Equal(2 * (P[0] - Y[0]) / P.Length, dp[0], 6);
        var dpd = new double[P.Length];
        Assert.Equal(mean, Shared.Mse(P.Select(v => (double)v).ToArray(), Y.Select(v => (double)v).ToArray(), dpd), 12);
        Assert.Equal(squares, Shared.Mse(P.Select(v => (double)v).ToArray(), Y.Select(v => (double)v).ToArray()), 12);
        Assert.Equal(absolutes / P.Length, Shared.MSE(P, Y), 5);
        Assert.Equal(2 * mean, Shared.Nested.Mse(P, Y), 5);
        Assert.Equal(3 * mean, Generic<int>.Mse(P, Y), 5);
        Assert.Equal(4 * mean, Generic<int, string>.Mse(P, Y), 5);
        Assert.Equal(5 * mean, Generic.Mse(P, Y), 5);
        Assert.Equal(6 * mean, Second.Shared.Mse(P, Y), 5);
        Assert.Equal(7 * mean, Second.Shared.Nested.Mse(P, Y), 5);
        Assert.Equal(8 * mean, Second.SHARED.Mse(P, Y), 5);
        Assert.Equal(10 * mean, Shared.Split(P, Y), 5);
    }
}
