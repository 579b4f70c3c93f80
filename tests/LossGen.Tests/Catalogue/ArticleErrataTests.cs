namespace LossGen.Tests.Catalogue;

/// <summary>
/// The source article's gradients were wrong (sign of the MSE gradient; the cross-entropy and log-loss
/// derivatives). These tests prove the catalogue's gradients of its four losses against central finite
/// differences in double, and the closed forms that docs/losses.md states.
/// </summary>
public class ArticleErrataTests
{
    private delegate double Loss(double[] input, double[] target, double[] gradient);

    private static void AgainstFiniteDifferences(Loss loss, double[] input, double[] target)
    {
        var gradient = new double[input.Length];
        loss(input, target, gradient);
        for (int i = 0; i < input.Length; i++)
        {
            double h = 1e-6;
            double[] plus = (double[])input.Clone(), minus = (double[])input.Clone();
            plus[i] += h;
            minus[i] -= h;
            double fd = (loss(plus, target, new double[input.Length]) - loss(minus, target, new double[input.Length])) / (2 * h);
            Assert.True(Math.Abs(fd - gradient[i]) <= 1e-7 * Math.Max(1, Math.Abs(fd)), $"element {i}: {gradient[i]:R} vs finite differences {fd:R}");
        }
    }

    [Fact]
    public void MseGradientIsTwoOverNTimesPredictionMinusTarget()
    {
        double[] p = { 0.3, -1.2, 2.5, 0.0 }, y = { 1.0, -1.0, 2.0, 0.5 };
        var g = new double[4];
        Losses.MseLoss(p, y, g);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(2.0 / 4 * (p[i] - y[i]), g[i], 15); // (2/n)(ŷ − y): the article had the sign wrong
        }
        AgainstFiniteDifferences((a, b, c) => Losses.MseLoss(a, b, c), p, y);
    }

    [Fact]
    public void LogLossGradientIsPredictionMinusTargetOverPq()
    {
        double[] p = { 0.3, 0.9, 0.05, 0.6 }, y = { 1, 0, 0, 1 };
        var g = new double[4];
        Losses.BceLoss(p, y, g);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal((p[i] - y[i]) / (p[i] * (1 - p[i])) / 4, g[i], 12);
        }
        AgainstFiniteDifferences((a, b, c) => Losses.BceLoss(a, b, c), p, y);
    }

    [Fact]
    public void CrossEntropyOnLogitsGradientIsSigmoidMinusTarget()
    {
        double[] z = { -2.0, 0.3, 4.0, -0.7 }, y = { 0, 1, 1, 0 };
        var g = new double[4];
        Losses.BceWithLogitsLoss(z, y, 1.0, g);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal((1 / (1 + Math.Exp(-z[i])) - y[i]) / 4, g[i], 12); // (σ(z) − y)/n
        }
        AgainstFiniteDifferences((a, b, c) => Losses.BceWithLogitsLoss(a, b, 1.0, c), z, y);
    }

    [Fact]
    public void SmoothL1GradientIsClampedDifferenceOverBeta()
    {
        double[] p = { 0.3, -1.2, 2.5, 0.1 }, y = { 1.0, -1.0, 0.0, 0.05 };
        var g = new double[4];
        Losses.SmoothL1Loss(p, y, 1.0, g);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(Math.Clamp(p[i] - y[i], -1, 1) / 4, g[i], 15);
        }
        AgainstFiniteDifferences((a, b, c) => Losses.SmoothL1Loss(a, b, 1.0, c), p, y);
    }
}
