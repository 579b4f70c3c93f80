using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// The IR supports second derivatives without a rewrite: the first derivative is an ordinary node of
/// the same DAG and is differentiated again by the same sweep. Checked against closed forms.
/// </summary>
public class SecondDerivativeTests
{
    [Theory]
    [InlineData("p^3", 1.3)]
    [InlineData("exp(2 * p)", 0.7)]
    [InlineData("log(p)", 1.9)]
    [InlineData("sigmoid(p)", 0.4)]
    [InlineData("tanh(p)", -0.6)]
    [InlineData("softplus(p)", 1.1)]
    [InlineData("sqrt(p)", 2.5)]
    [InlineData("(p - y)^2 / y", 0.8)]
    [InlineData("p > 0 ? p^3 : 0", 0.9)]
    public void DifferentiatingTwiceGivesTheClosedForm(string formula, double p)
    {
        const double y = 1.7;
        double s = 1 / (1 + Math.Exp(-p)), t = Math.Tanh(p);
        double expected = formula switch
        {
            "p^3" => 6 * p,
            "exp(2 * p)" => 4 * Math.Exp(2 * p),
            "log(p)" => -1 / (p * p),
            "sigmoid(p)" => s * (1 - s) * (1 - 2 * s),
            "tanh(p)" => -2 * t * (1 - t * t),
            "softplus(p)" => s * (1 - s),
            "sqrt(p)" => -0.25 * Math.Pow(p, -1.5),
            "(p - y)^2 / y" => 2 / y,
            _ => 6 * p,
        };
        var (loss, _) = Formulas.Derive(formula);
        ExprGraph g = loss.Graph;
        int first = loss.Gradients.Single(x => x.Input.Name == "p").Node!.Value;
        int second = Differentiator.Derivative(g, first, g.Input(0))!.Value;
        double[] values = GraphEvaluator.Evaluate(g, new Dictionary<int, double> { [0] = p, [1] = y });
        Assert.Equal(expected, values[second], 12);
    }
}
