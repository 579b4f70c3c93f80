using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// The derivatives of a^b at zero follow PyTorch (pow_backward_self, pow_backward_exponent): 0 for
/// d/da where b = 0, 0 for d/db where a = 0 and b ≥ 0; elsewhere the usual b·a^(b−1) and a^b·log(a).
/// Reference values are these closed forms, evaluated independently here.
/// </summary>
public class PowConventionTests
{
    [Theory]
    [InlineData(0.0, 0.0, 1.0, 0.0, 0.0)]
    [InlineData(0.0, 2.0, 0.0, 0.0, 0.0)]
    [InlineData(0.0, 0.5, 0.0, double.PositiveInfinity, 0.0)]
    [InlineData(2.0, 0.0, 1.0, 0.0, 0.6931471805599453)]
    [InlineData(2.0, 3.0, 8.0, 12.0, 5.545177444479562)]
    public void PowAtAndAwayFromZero(double a, double b, double value, double da, double db)
    {
        (DerivedLoss loss, _) = Formulas.Derive("pow(p, y)");
        double[] v = GraphEvaluator.Evaluate(loss.Graph, new Dictionary<int, double> { [0] = a, [1] = b });
        Assert.Equal(value, v[loss.Value]);
        Assert.Equal(da, v[loss.Gradients[0].Node!.Value], 12);
        Assert.Equal(db, v[loss.Gradients[1].Node!.Value], 12);
    }
}
