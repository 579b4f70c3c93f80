using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// <see cref="VanishingProof"/> accepts a factor only when it is exactly 0 at x = 0 through steps the kernels compute
/// exactly, and lowering turns f · sign(x) into a sign flip only then: f(0) ≠ 0, an unknown input, a value that float
/// rounds, an infinity at x = ±0, a divisor that is no power of two, a transcendental away from its exact point or a
/// possibly infinite co-factor all refuse.
/// </summary>
public class VanishingProofTests
{
    /// <summary>Builds f over p (input 0), y (input 1) and x = p − y; returns whether f is proved to vanish where x = 0.</summary>
    private static bool Proved(Func<ExprGraph, int, int, int, int> build)
    {
        var g = new ExprGraph();
        int p = g.Input(0), y = g.Input(1);
        int x = g.Sub(p, y);
        int f = build(g, x, p, y);
        return VanishingProof.VanishesWhereZero(g, new Ranges(g), f, x);
    }

    [Fact]
    public void ProvesFactorsThatVanishExactly()
    {
        // log-cosh's gradient factor 1 − 2·e/(1 + e), e = exp(−2|x|): e = 1, 1/2, 0.
        Assert.True(Proved((g, x, _, _) =>
        {
            int e = g.ExpNonPositive(g.Mul(g.Const(-2), g.Abs(x)));
            return g.Sub(g.Const(1), g.Mul(g.Const(2), g.DivOnePlus(e, e)));
        }));
        Assert.True(Proved((g, x, _, _) => g.Tanh(x)));
        Assert.True(Proved((g, x, _, _) => g.Log1pUnit(g.Abs(x))));
        Assert.True(Proved((g, x, _, _) => g.Log(g.Add(g.Const(1), g.Mul(x, x)))));
        Assert.True(Proved((g, x, _, _) => g.Sub(g.Sqrt(g.Add(g.Mul(x, x), g.Const(1))), g.Const(1))));
        // A zero factor times a finite unknown: y · x and (y · 1/3) · |x| (1/3 is no float, but the zero decides).
        Assert.True(Proved((g, x, _, y) => g.Mul(y, x)));
        Assert.True(Proved((g, x, _, y) => g.Mul(g.Mul(y, g.Const(1.0 / 3)), g.Abs(x))));
    }

    [Fact]
    public void RefusesWhatItCannotProve()
    {
        Assert.False(Proved((g, x, _, _) => g.Add(x, g.Const(1))), "f(0) = 1");
        Assert.False(Proved((g, _, _, y) => g.Mul(y, y)), "depends on y alone");
        Assert.False(Proved((g, x, _, y) => g.Add(g.Abs(x), y)), "an unknown term");
        // exp(y) may be +∞, and ∞ · 0 is NaN.
        Assert.False(Proved((g, x, _, y) => g.Mul(g.Exp(y), x)), "a possibly infinite co-factor");
        // Each of the next three would be proved (0 in double) without the rule it names.
        // Only floats: (x + 0.1) − 0.1 is 0 in double at x = 0, but 0.1 rounds in a float kernel.
        Assert.False(Proved((g, x, _, _) => g.Sub(g.Add(x, g.Const(0.1)), g.Const(0.1))), "0.1 is no float");
        // The refined quotient 3/(1 + 2) = 1 in double, but the kernel's refinement of 3·(1/3) is not proved exact: 3 is no power of two.
        Assert.False(Proved((g, x, _, _) => g.Sub(g.DivOnePlus(g.Const(3), g.Add(g.Abs(x), g.Const(2))), g.Const(1))), "a divisor of 3");
        // Only finite values: sign(1/x) − 1 is 0 at x = +0 (1/+0 = +∞) but −2 at x = −0, where |x|·(that) · sign(x) is
        // +0 and the flip would give +2.
        Assert.False(Proved((g, x, _, _) => g.Sub(g.Sign(g.Div(g.Const(1), x)), g.Const(1))), "an infinity at x = ±0");
        // Transcendental functions only at their exact points (here log1p(1) − ln 2, and ln 2 is no float either).
        Assert.False(Proved((g, x, _, _) => g.Sub(g.Log1pUnit(g.ExpNonPositive(g.Neg(g.Abs(x)))), g.Const(0.6931471805599453))));
        Assert.False(Proved((g, x, _, _) => g.Exp(g.Add(x, g.Const(1)))), "exp away from 0");
        // The same difference written the other way round is another node: not followed.
        Assert.False(Proved((g, _, p, y) => g.Tanh(g.Sub(y, p))));
    }

    [Theory]
    [InlineData("d = p - y; a = abs(d); a + softplus(-2 * a) - 0.6931471805599453", true)]
    [InlineData("abs(p - y) * log1p(abs(p - y))", true)]
    [InlineData("abs(p - y) * (1 + y * y)", false)]
    [InlineData("abs(p - y) * exp(y)", false)]
    public void LoweringFlipsSignBitsOnlyWhereProved(string formula, bool flips)
    {
        DerivedLoss lowered = Lowering.Lower(Formulas.Derive(formula).Loss);
        int dp = lowered.Gradients.Single(g => g.Input.Name == "p").Node!.Value;
        var ops = lowered.Graph.Reachable([dp]).Select(id => lowered.Graph[id].Op).ToList();
        Assert.Equal(flips, ops.Contains(Op.MulSign));
        Assert.Equal(!flips, ops.Contains(Op.Sign));
    }

    [Fact]
    public void FlippedGradientsAreZeroWhereTheProductWas()
    {
        // At x = ±0 the product f · sign(x) is 0; the flip gives ±f(0), which the proof says is 0.
        foreach (string formula in new[] { "d = p - y; a = abs(d); a + softplus(-2 * a) - 0.6931471805599453", "abs(p - y) * log1p(abs(p - y))" })
        {
            DerivedLoss lowered = Lowering.Lower(Formulas.Derive(formula).Loss);
            int dp = lowered.Gradients.Single(g => g.Input.Name == "p").Node!.Value;
            foreach ((double p, double y) in new[] { (0.0, 0.0), (-0.0, 0.0), (1.5, 1.5), (-3.0, -3.0) })
            {
                double[] values = GraphEvaluator.Evaluate(lowered.Graph, new Dictionary<int, double> { [0] = p, [1] = y });
                Assert.Equal(0.0, Math.Abs(values[dp]));
            }
        }
    }
}
