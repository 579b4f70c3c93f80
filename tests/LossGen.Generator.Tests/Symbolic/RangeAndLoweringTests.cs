using LossGen.Generator.Binding;
using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// Range analysis states sound intervals, and lowering with it changes no value: the lowered loss and
/// derivatives equal the derived ones (double, GraphEvaluator) at random finite points, for the standard
/// losses and 1,000 random formulas (a NaN may become a number, see below), while the kernels get the
/// cheaper forms the ranges allow.
/// </summary>
public class RangeAndLoweringTests(ITestOutputHelper output)
{
    private static (ExprGraph Graph, Ranges Ranges) Build(Func<ExprGraph, int> build, out int node)
    {
        var g = new ExprGraph();
        node = build(g);
        return (g, new Ranges(g));
    }

    [Fact]
    public void IntervalsFollowTheOperations()
    {
        var (g, r) = Build(g => g.Neg(g.Abs(g.Input(0))), out int minusAbs);
        Assert.Equal((-double.MaxValue, 0.0), (r[minusAbs].Lo, r[minusAbs].Hi));
        int e = g.Exp(minusAbs);
        Assert.True(r[e].Within(0, 1));
        int scaled = g.Mul(g.Const(-2), g.Abs(g.Input(1)));
        Assert.True(r[scaled].IsNonPositive);
        int sum = g.Sub(g.Input(0), g.Input(1));
        Assert.False(r[sum].MayBeNaN); // finite inputs: may overflow, never NaN
        int overflow = g.Sub(g.Exp(g.Input(0)), g.Exp(g.Input(1)));
        Assert.True(r[overflow].MayBeNaN); // ∞ − ∞ after exp overflows
        Assert.True(r[g.Compare(Op.GreaterEqual, g.Abs(g.Input(0)), g.Const(0))].IsTrue);
        Assert.True(r[g.Compare(Op.Less, e, g.Const(-1))].IsFalse);
        Assert.False(r[g.Compare(Op.Greater, g.Input(0), g.Const(0))].IsTrue || r[g.Compare(Op.Greater, g.Input(0), g.Const(0))].IsFalse);
        int quotient = g.Div(g.Const(1), g.Input(0));
        Assert.True(r[quotient].MayBeNaN && double.IsNegativeInfinity(r[quotient].Lo));
        Assert.True(r[g.Log(g.Input(0))].MayBeNaN); // log of a negative
    }

    [Fact]
    public void EveryIntervalHoldsAtRandomPoints()
    {
        var random = new Random(5);
        var generator = new RandomFormulas(5);
        int checkedValues = 0;
        for (int i = 0; i < 300; i++)
        {
            string formula = i % 2 == 0 ? generator.Smooth(1 + random.Next(25)) : generator.Any(1 + random.Next(30));
            (DerivedLoss derived, LossSignature signature) = Formulas.Derive(formula, "a", "b");
            DerivedLoss lowered = Lowering.Lower(derived);
            var inputs = signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput).ToList();
            var ranges = new Ranges(lowered.Graph);
            for (int k = 0; k < 10; k++)
            {
                var point = inputs.ToDictionary(p => p.Index, _ => Sample(random));
                double[] values = GraphEvaluator.Evaluate(lowered.Graph, point);
                for (int id = 0; id < lowered.Graph.Count; id++)
                {
                    Interval interval = ranges[id];
                    double v = values[id];
                    if (double.IsNaN(v) || lowered.Graph[id].Op is Op.True or Op.False || OpFacts.IsTruthValued(lowered.Graph[id].Op))
                    {
                        continue;
                    }
                    // Doubles round: allow the interval's own rounding at its ends.
                    static double Slack(double bound) => double.IsInfinity(bound) ? 0 : 1e-12 * Math.Max(1, Math.Abs(bound));
                    Node bad = lowered.Graph[id];
                    Assert.True(v >= interval.Lo - Slack(interval.Lo) && v <= interval.Hi + Slack(interval.Hi), $"{formula}: node {id} {bad.Op}({(bad.A >= 0 ? values[bad.A] + " in [" + ranges[bad.A].Lo + ", " + ranges[bad.A].Hi + "]" : "")}, {(bad.B >= 0 ? values[bad.B] + " in [" + ranges[bad.B].Lo + ", " + ranges[bad.B].Hi + "]" : "")}) = {v} outside [{interval.Lo}, {interval.Hi}]");
                    checkedValues++;
                }
            }
        }
        output.WriteLine($"{checkedValues} node values inside their intervals");
    }

    [Fact]
    public void LoweringChangesNoValueOrDerivative()
    {
        var random = new Random(11);
        var generator = new RandomFormulas(11);
        var formulas = Formulas.Standard.Concat(Enumerable.Range(0, 1_000).Select(_ => generator.Any(1 + random.Next(30)))).ToList();
        double worst = 0;
        int compared = 0, nans = 0, skipped = 0;
        foreach (string formula in formulas)
        {
            (DerivedLoss derived, LossSignature signature) = Formulas.Derive(formula, Formulas.ScalarsOf(formula));
            DerivedLoss lowered = Lowering.Lower(derived);
            var inputs = signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput).ToList();
            for (int k = 0; k < 5; k++)
            {
                var point = inputs.ToDictionary(p => p.Index, _ => Sample(random));
                double[] before = GraphEvaluator.Evaluate(derived.Graph, point);
                double[] after = GraphEvaluator.Evaluate(lowered.Graph, point);
                // Where the formula as written passes through ±∞ (1/0, overflow), IEEE's signed zeros decide
                // the result, and the smart constructors' x · 0 → 0 (which loses the sign of zero) may meet a
                // constant that the ranges decided: skip points with an infinite value along the way. NaN
                // values (log of a negative in an untaken branch, say) stay in: that is where pruning must
                // not unmask them.
                if (derived.Graph.Reachable(derived.Roots).Any(id => double.IsInfinity(before[id])))
                {
                    skipped++;
                    continue;
                }
                var pairs = new List<(int Before, int After)> { (derived.Value, lowered.Value) };
                pairs.AddRange(derived.Gradients.Zip(lowered.Gradients).Where(z => z.First.Node is not null).Select(z => (z.First.Node!.Value, z.Second.Node!.Value)));
                foreach ((int b, int a) in pairs)
                {
                    double x = before[b], y = after[a];
                    if (double.IsNaN(x))
                    {
                        // A NaN made by 0 · ∞ may become a number: a sign or comparison decided by the ranges
                        // yields a constant, and x · 0 → 0 then drops the other factor (the documented rule).
                        nans++;
                        continue;
                    }
                    if (double.IsInfinity(x))
                    {
                        Assert.True(x.Equals(y), $"{formula} at ({string.Join(", ", point.Values)}): {x} became {y}");
                        continue;
                    }
                    double error = Math.Abs(x - y) / Math.Max(1, Math.Abs(x));
                    worst = Math.Max(worst, error);
                    Assert.True(error <= 1e-12, $"{formula} at ({string.Join(", ", point.Values)}): {x} became {y}");
                    compared++;
                }
            }
        }
        output.WriteLine($"{compared} values compared over {formulas.Count} formulas, worst relative difference {worst:E2}; {skipped} points skipped (infinite along the way), {nans} NaN values not compared");
        Assert.True(compared > 3_000, "too few points compared: " + compared);
    }

    [Theory]
    [InlineData("d = p - y; a = abs(d); a + softplus(-2 * a) - 0.6931471805599453", "ExpNonPositive,Log1pUnit,MulSign", "Abs(Neg),Max,Log1p(,Exp(,Select,Sign(")]
    [InlineData("max(z, 0) - z * y + softplus(-abs(z))", "ExpNonPositive,Log1pUnit", "Sign,Log1p(,Exp(")]
    [InlineData("sigmoid(-abs(p))", "ExpNonPositive", "Select,Exp(")]
    public void KernelsGetTheCheaperFormsTheRangesAllow(string formula, string present, string absent)
    {
        string z = formula.Contains('z', StringComparison.Ordinal) ? "z" : "p";
        DerivedLoss lowered = Lowering.Lower(Formulas.Derive(formula.Replace("z", "p", StringComparison.Ordinal)).Loss);
        _ = z;
        var ops = lowered.Graph.Reachable(lowered.Roots).Select(id => lowered.Graph[id]).ToList();
        string Describe(Node n) => n.Op + "(" + (n.A >= 0 ? lowered.Graph[n.A].Op.ToString() : "") + ")";
        var described = ops.Select(Describe).ToList();
        foreach (string op in present.Split(','))
        {
            Assert.Contains(described, d => d.StartsWith(op, StringComparison.Ordinal));
        }
        foreach (string op in absent.Split(','))
        {
            Assert.DoesNotContain(described, d => d.Contains(op.TrimEnd('('), StringComparison.Ordinal) && (op.EndsWith('(') ? d.StartsWith(op, StringComparison.Ordinal) : true));
        }
    }

    private static double Sample(Random random) => random.Next(10) switch
    {
        0 => 0,
        1 => -(random.NextDouble() * 50),
        2 => random.NextDouble() * 50,
        _ => 4 * random.NextDouble() - 2,
    };
}
