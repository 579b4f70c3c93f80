namespace LossGen.Tests.Semantics;

/// <summary>
/// The generated kernels at run time: untaken branches never leak (value and gradient exactly 0, not
/// NaN), and the stable forms stay finite and correct at x = ±100 (float) and ±800 (double), where
/// the naive forms overflow. Expected values are closed forms.
/// </summary>
public class StabilityAndBranchSafetyTests
{
    private delegate void FloatNone(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    private delegate void DoubleNone(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);

    private static (float[] Loss, float[] Dp) Run(FloatNone f, params float[] p)
    {
        var loss = new float[p.Length];
        var dp = new float[p.Length];
        f(p, loss, dp);
        return (loss, dp);
    }

    private static (double[] Loss, double[] Dp) Run(DoubleNone f, params double[] p)
    {
        var loss = new double[p.Length];
        var dp = new double[p.Length];
        f(p, loss, dp);
        return (loss, dp);
    }

    [Fact]
    public void UntakenBranchesNeverLeakNaN()
    {
        foreach (FloatNone f in new FloatNone[] { SemanticsLosses.SafeLogF, SemanticsLosses.NestedF, SemanticsLosses.KinksF })
        {
            // Both points in the vector body and in the tail (9 elements: one vector of 8 plus a tail).
            var (loss, dp) = Run(f, 0f, -1f, 0f, -1f, -0f, -5f, 0f, -1f, 0f);
            Assert.All(loss, v => Assert.Equal(0f, v));
            Assert.All(dp, v => Assert.Equal(0f, v));
        }
        var (l, d) = Run(SemanticsLosses.SafeSqrtD, 0d, -1d, 0d, -1d, 0d);
        Assert.All(l, v => Assert.Equal(0d, v));
        Assert.All(d, v => Assert.Equal(0d, v));
    }

    [Fact]
    public void TakenBranchesStillDifferentiate()
    {
        var (loss, dp) = Run(SemanticsLosses.SafeLogF, 2f, 4f);
        Assert.Equal(MathF.Log(2), loss[0], 6);
        Assert.Equal(0.25f, dp[1], 6);
    }

    [Fact]
    public void FloatStableFormsAtPlusMinus100()
    {
        var (ls, dls) = Run(SemanticsLosses.LogSigmoidF, 100f, -100f);
        // log σ(100) = -log1p(e^-100) ≈ -e^-100, a subnormal float (the literal rounds the same way); log σ(-100) = -100.
        Assert.Equal(new[] { -3.7200760e-44f, -100f }, ls);
        Assert.Equal(new[] { 3.7200760e-44f, 1f }, dls); // 1 - σ(p) = σ(-p)
        var (lo, dlo) = Run(SemanticsLosses.LogOneMinusSigmoidF, 100f, -100f);
        Assert.Equal(new[] { -100f, -3.7200760e-44f }, lo);
        Assert.Equal(new[] { -1f, -3.7200760e-44f }, dlo); // -σ(p)
        var (lp, dlp) = Run(SemanticsLosses.LogOnePlusExpF, 100f, -100f);
        Assert.Equal(100f, lp[0]);
        Assert.Equal(3.7200760e-44f, lp[1]); // e^-100, a subnormal float, kept rather than flushed to 0
        Assert.Equal(new[] { 1f, 3.7200760e-44f }, dlp);
        var (lq, dlq) = Run(SemanticsLosses.SigmoidSoftplusF, 100f, -100f);
        Assert.Equal(101f, lq[0]);
        Assert.InRange(lq[1], 7.2e-44f, 7.6e-44f); // 2 e^-100 as a sum of two rounded subnormals (within one subnormal step)
        Assert.All(dlq, v => Assert.True(float.IsFinite(v)));
    }

    [Fact]
    public void DoubleStableFormsAtPlusMinus800()
    {
        var (ls, dls) = Run(SemanticsLosses.LogSigmoidD, 800d, -800d);
        Assert.Equal(-800d, ls[1]);
        Assert.Equal(0d, ls[0]); // -softplus(-800) = -e^-800, below the smallest double
        Assert.Equal(new[] { 0d, 1d }, dls);
        var (lo, dlo) = Run(SemanticsLosses.LogOneMinusSigmoidD, 800d, -800d);
        Assert.Equal(-800d, lo[0]);
        Assert.Equal(new[] { -1d, 0d }, dlo);
        var (lp, dlp) = Run(SemanticsLosses.LogOnePlusExpD, 800d, -800d);
        Assert.Equal(new[] { 800d, 0d }, lp);
        Assert.Equal(new[] { 1d, 0d }, dlp);
        var (lq, dlq) = Run(SemanticsLosses.SigmoidSoftplusD, 800d, -800d);
        Assert.Equal(new[] { 801d, 0d }, lq);
        Assert.All(dlq, v => Assert.True(double.IsFinite(v)));
    }

    [Fact]
    public void Log1pRewriteKeepsTinyArguments()
    {
        var (loss, dp) = Run(SemanticsLosses.Log1pRewriteF, 1e-10f, -1e-10f);
        Assert.Equal(1e-10f, loss[0]); // log(1 + 1e-10) in float would be 0
        Assert.Equal(-1e-10f, loss[1]);
        Assert.Equal(new[] { 1f, 1f }, dp);
    }
}
