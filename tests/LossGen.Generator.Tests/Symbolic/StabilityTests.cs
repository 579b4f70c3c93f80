using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// The numerically stable rewrites are applied, recorded, and keep value and gradient finite and
/// correct at large |x| (±800 in double, where exp overflows). The float kernels are checked at
/// ±100 in LossGen.Tests.
/// </summary>
public class StabilityTests
{
    [Theory]
    [InlineData("log(sigmoid(p))", "softplus")]
    [InlineData("log(1 - sigmoid(p))", "softplus")]
    [InlineData("log(1 + exp(p))", "softplus")]
    [InlineData("log(exp(p) + 1)", "softplus")]
    [InlineData("log(1 + p)", "log1p")]
    public void RewriteIsAppliedAndRecorded(string formula, string expectedFunction)
    {
        var (loss, _) = Formulas.Derive(formula);
        var reachable = loss.Graph.Reachable(new[] { loss.Value });
        Assert.Contains(reachable, id => OpFacts.FunctionName(loss.Graph[id].Op) == expectedFunction);
        Assert.DoesNotContain(reachable, id => loss.Graph[id].Op == Op.Log);
        Assert.Contains(reachable, id => loss.Graph.NoteOf(id) is not null);
    }

    [Theory]
    // formula, p, exact value, exact d/dp (closed forms in double)
    [InlineData("log(sigmoid(p))", 800.0, 0.0, 0.0)]
    [InlineData("log(sigmoid(p))", -800.0, -800.0, 1.0)]
    [InlineData("log(1 - sigmoid(p))", 800.0, -800.0, -1.0)]
    [InlineData("log(1 - sigmoid(p))", -800.0, 0.0, 0.0)]
    [InlineData("log(1 + exp(p))", 800.0, 800.0, 1.0)]
    [InlineData("log(1 + exp(p))", -800.0, 0.0, 0.0)]
    [InlineData("softplus(p)", 800.0, 800.0, 1.0)]
    [InlineData("sigmoid(p)", -800.0, 0.0, 0.0)]
    [InlineData("sigmoid(p)", 800.0, 1.0, 0.0)]
    [InlineData("max(p, 0) - p * y + softplus(-abs(p))", 800.0, 0.0, 0.0)]
    [InlineData("max(p, 0) - p * y + softplus(-abs(p))", -800.0, 800.0, -1.0)]
    public void LargeArgumentsStayFiniteAndExact(string formula, double p, double value, double gradient)
    {
        var (loss, _) = Formulas.Derive(formula);
        double[] values = GraphEvaluator.Evaluate(loss.Graph, new Dictionary<int, double> { [0] = p, [1] = 1 });
        double dp = values[loss.Gradients.Single(g => g.Input.Name == "p").Node!.Value];
        Assert.True(double.IsFinite(values[loss.Value]) && double.IsFinite(dp), $"{formula} at {p}: {values[loss.Value]}, {dp}");
        Assert.Equal(value, values[loss.Value], 9);
        Assert.Equal(gradient, dp, 9);
    }

    [Fact]
    public void Log1pRewriteKeepsSmallArgumentsAccurate()
    {
        var (loss, _) = Formulas.Derive("log(1 + p)");
        double[] values = GraphEvaluator.Evaluate(loss.Graph, new Dictionary<int, double> { [0] = 1e-12, [1] = 0 });
        // log(1 + 1e-12) computed naively has a relative error near 1e-4; log1p is exact to rounding.
        Assert.Equal(1e-12 - 0.5e-24, values[loss.Value], 1e-27);
    }
}
