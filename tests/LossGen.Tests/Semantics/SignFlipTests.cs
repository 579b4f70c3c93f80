namespace LossGen.Tests.Semantics;

/// <summary>
/// Gradients of the form f · sign(d), d = p − y, at run time: where the generator flips f's sign bit by d's instead of
/// multiplying, the gradient is still exactly 0 at d = ±0 (the convention sign(0) = 0) and elsewhere within the
/// tolerance of the closed form and never of the opposite sign (it may be 0 where the closed form is tiny),
/// in float and double, in full vectors and in the tail. References are closed forms in double: tanh(d) for log-cosh,
/// sign(d)·(log1p|d| + |d|/(1 + |d|)), sign(d)·(1 + y²).
/// </summary>
public class SignFlipTests
{
    private delegate void Kernel<T>(ReadOnlySpan<T> p, ReadOnlySpan<T> y, Span<T> loss, Span<T> dp);

    /// <summary>21 lanes (two float vectors of 8 and a tail): d = +0, −0, exact ties, tiny, large, both signs; ties in the tail too.</summary>
    private static (double[] P, double[] Y) Points()
    {
        var p = new List<double> { 0, -0.0, 1.5, -3, 0.25, -0.25, 1e-30, -1e-30, 100, -100, 2, -7.5 };
        var y = new List<double> { 0, 0, 1.5, -3, 0, 0, 0, 0, 0, 0, 2.5, -7 };
        var random = new Random(5);
        while (p.Count < 19)
        {
            p.Add(6 * random.NextDouble() - 3);
            y.Add(6 * random.NextDouble() - 3);
        }
        // Two more ties in the tail.
        p.AddRange([0.75, -0.0]);
        y.AddRange([0.75, 0]);
        return (p.ToArray(), y.ToArray());
    }

    private static double SignOf(double d) => d > 0 ? 1 : d < 0 ? -1 : 0;

    public static TheoryData<string> Cases => new() { "log-cosh", "abs-log1p", "weighted-abs" };

    private static Func<double, double, double> Reference(string name) => name switch
    {
        "log-cosh" => (p, y) => Math.Tanh(p - y),
        "abs-log1p" => (p, y) => SignOf(p - y) * (Math.Log(1 + Math.Abs(p - y)) + Math.Abs(p - y) / (1 + Math.Abs(p - y))),
        _ => (p, y) => SignOf(p - y) * (1 + y * y),
    };

    /// <summary>Every gradient is 0 at a tie and within <paramref name="tolerance"/> (relative above 1) of the reference elsewhere, never of the opposite sign.</summary>
    private static void Check(string name, double[] p, double[] y, double[] dp, double tolerance)
    {
        Func<double, double, double> reference = Reference(name);
        for (int i = 0; i < p.Length; i++)
        {
            double expected = reference(p[i], y[i]);
            if (p[i] - y[i] == 0)
            {
                Assert.True(dp[i] == 0, $"{name}[{i}]: {dp[i]} at a tie");
                continue;
            }
            Assert.True(Math.Sign(dp[i]) != -Math.Sign(expected) && Math.Abs(dp[i] - expected) <= tolerance * Math.Max(1, Math.Abs(expected)),
                $"{name}[{i}] at d = {p[i] - y[i]}: {dp[i]}, expected {expected}");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void FloatGradientsFollowTheClosedFormAndVanishAtTies(string name)
    {
        Kernel<float> kernel = name switch
        {
            "log-cosh" => SignFlipLosses.LogCoshF,
            "abs-log1p" => SignFlipLosses.AbsLog1pF,
            _ => SignFlipLosses.WeightedAbsF,
        };
        (double[] p, double[] y) = Points();
        float[] pf = p.Select(v => (float)v).ToArray(), yf = y.Select(v => (float)v).ToArray();
        var loss = new float[p.Length];
        var dp = new float[p.Length];
        kernel(pf, yf, loss, dp);
        // The reference at the float inputs: ties stay ties, 1e-30 stays a nonzero difference.
        Check(name, pf.Select(v => (double)v).ToArray(), yf.Select(v => (double)v).ToArray(), dp.Select(v => (double)v).ToArray(), 2e-6);
    }

    [Theory]
    [InlineData("log-cosh")]
    [InlineData("abs-log1p")]
    public void DoubleGradientsFollowTheClosedFormAndVanishAtTies(string name)
    {
        Kernel<double> kernel = name == "log-cosh" ? SignFlipLosses.LogCoshD : SignFlipLosses.AbsLog1pD;
        (double[] p, double[] y) = Points();
        var loss = new double[p.Length];
        var dp = new double[p.Length];
        kernel(p, y, loss, dp);
        Check(name, p, y, dp, 1e-14);
    }

    [Fact]
    public void MultiplySignIsTheProductWhereverTheSignIsNotZero()
    {
        double[] values = [1.5, -2, 0, -0.0, double.PositiveInfinity, 3e-300];
        double[] signs = [3, -3, double.PositiveInfinity, double.NegativeInfinity, 1e-320, -1e-320, 0, -0.0];
        foreach (double value in values)
        {
            foreach (double sign in signs)
            {
                // Where sign is ±0 the flip follows its sign bit (the product would be 0; the generator never relies on it there).
                double expected = sign != 0 ? value * Math.Sign(sign) : double.IsNegative(sign) ? -value : value;
                double d = global::LossGen.Numerics.VectorMath.MultiplySign(new System.Numerics.Vector<double>(value), new System.Numerics.Vector<double>(sign))[0];
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(d));
                float f = global::LossGen.Numerics.VectorMath.MultiplySign(new System.Numerics.Vector<float>((float)value), new System.Numerics.Vector<float>((float)sign))[0];
                float expectedF = (float)sign != 0 ? (float)value * MathF.Sign((float)sign) : float.IsNegative((float)sign) ? -(float)value : (float)value;
                Assert.Equal(BitConverter.SingleToInt32Bits(expectedF), BitConverter.SingleToInt32Bits(f));
            }
        }
    }
}
