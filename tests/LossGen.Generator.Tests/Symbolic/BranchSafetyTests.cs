using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// A value or derivative from the branch of ?: that is not taken never reaches the result. The
/// evaluator computes both branches in every lane (as vector code does), so a 0/1-mask
/// multiplication would turn the untaken branch's ∞ into NaN here.
/// </summary>
public class BranchSafetyTests
{
    private static (double Value, double Dp) At(string formula, double p, double y = 1)
    {
        var (loss, _) = Formulas.Derive(formula);
        double[] values = GraphEvaluator.Evaluate(loss.Graph, new Dictionary<int, double> { [0] = p, [1] = y });
        int? dp = loss.Gradients.Single(g => g.Input.Name == "p").Node;
        return (values[loss.Value], dp is int node ? values[node] : 0);
    }

    [Theory]
    [InlineData("p > 0 ? log(p) : 0", 0.0)]
    [InlineData("p > 0 ? log(p) : 0", -1.0)]
    [InlineData("p > 0 ? sqrt(p) : 0", 0.0)]
    [InlineData("p > 0 ? sqrt(p) : 0", -1.0)]
    [InlineData("p > 0 ? (p > 1 ? log(p - 1) : sqrt(p)) : 0", 0.0)]
    [InlineData("p > 0 ? (p > 1 ? log(p - 1) : sqrt(p)) : 0", -1.0)]
    [InlineData("(p > 0 ? log(p) : 0) + (p > 1 ? log(p) : 0)", 0.0)]
    [InlineData("(p > 0 ? log(p) : 0) * y", 0.0)]
    [InlineData("exp(p > 0 ? log(p) : 0) - 1", 0.0)]
    [InlineData("min(p > 0 ? log(p) : 0, 5)", 0.0)]
    [InlineData("max(p > 0 ? sqrt(p) : 0, -5)", -1.0)]
    [InlineData("clamp(p > 0 ? log(p) : 0, -1, 1)", 0.0)]
    [InlineData("xlogy(p, p)", 0.0)]
    [InlineData("p <= 0 || p > 10 ? 0 : log(p) * sqrt(p)", 0.0)]
    [InlineData("!(p > 0) ? 0 : log(p)^2", 0.0)]
    public void UntakenBranchNeverLeaks(string formula, double p)
    {
        (double value, double dp) = At(formula, p);
        Assert.Equal(0.0, value);
        Assert.Equal(0.0, dp);
    }

    [Fact]
    public void TakenBranchStillDifferentiates()
    {
        (double value, double dp) = At("p > 0 ? log(p) : 0", 2.0);
        Assert.Equal(Math.Log(2), value, 15);
        Assert.Equal(0.5, dp, 15);
    }

    [Theory]
    [InlineData("abs(p)", 0.0, 0.0, 0.0)]
    [InlineData("max(p, 0)", 0.0, 0.0, 0.5)]
    [InlineData("min(p, 0)", 0.0, 0.0, 0.5)]
    [InlineData("max(p, y)", 1.0, 1.0, 0.5)]
    [InlineData("clamp(p, 0, 1)", 0.0, 0.0, 1.0)]
    [InlineData("clamp(p, 0, 1)", 1.0, 1.0, 1.0)]
    [InlineData("clamp(p, 0, 1)", -1.0, 0.0, 0.0)]
    [InlineData("clamp(p, 0, 1)", 2.0, 1.0, 0.0)]
    [InlineData("sign(p) * 3", 0.0, 0.0, 0.0)]
    public void KinksFollowTheConventions(string formula, double p, double expectedValue, double expectedGradient)
    {
        (double value, double dp) = At(formula, p);
        Assert.Equal(expectedValue, value);
        Assert.Equal(expectedGradient, dp);
    }

    [Fact]
    public void MaxTieSplitsTheGradientBetweenBothArguments()
    {
        var (loss, _) = Formulas.Derive("max(p, y)");
        double[] values = GraphEvaluator.Evaluate(loss.Graph, new Dictionary<int, double> { [0] = 2, [1] = 2 });
        Assert.Equal(0.5, values[loss.Gradients.Single(g => g.Input.Name == "p").Node!.Value]);
        Assert.Equal(0.5, values[loss.Gradients.Single(g => g.Input.Name == "y").Node!.Value]);
    }
}
