using LossGen.Generator.Binding;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LossGen.Generator.Tests.Planning;

/// <summary>
/// The planner prints a product that is added or subtracted once, and used nowhere else, as one fused multiply-add;
/// the plan computes the same values as the lowered loss (evaluated statement by statement in double, against the
/// lowered graph evaluated node by node). Row kernels over a run-time K fuse by the same rule (Contraction.Find); their
/// fused statements are covered by the catalogue's row losses (KL divergence, soft-label and weighted cross-entropy,
/// softmax focal), which LossGen.Tests checks against PyTorch values and finite differences.
/// </summary>
public class ContractionTests(ITestOutputHelper output)
{
    private static KernelPlan PlanOf(string formula) => Formulas.PlanOf(formula);

    private static string Show(KernelPlan plan) => string.Join("; ", plan.Statements.Select(s => s.Name + " = " + s.Op + "(" + string.Join(", ", s.Operands.Select(Show)) + ")"));

    private static string Show(PlanOperand o) => o.Kind == OperandKind.Constant ? o.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) : o.Name;

    [Fact]
    public void ASingleUseProductSubtractedFromAValueBecomesOneNegatedMultiplyAdd()
    {
        // exp(p) − y·p: the product y·p has no other use (dp = exp(p) − y, dy = −p).
        KernelPlan plan = PlanOf("exp(p) - y * p");
        PlanStatement value = plan.Statements.Single(s => s.Name == plan.Value.Name);
        Assert.Equal(Op.NegatedMultiplyAdd, value.Op);
        Assert.Equal(new[] { "y", "p" }, value.Operands.Take(2).Select(Show).OrderByDescending(n => n));
        Assert.DoesNotContain(plan.Statements, s => s.Op == Op.Mul);
    }

    [Fact]
    public void AProductWithAnotherUseStaysAStatement()
    {
        // p·y feeds the sum and the exponential: it must exist as a value of its own, so nothing is fused with it.
        KernelPlan plan = PlanOf("p * y + exp(p * y)");
        Assert.Contains(plan.Statements, s => s.Op == Op.Mul && s.Operands.Select(Show).OrderBy(n => n).SequenceEqual(new[] { "p", "y" }));
        Assert.DoesNotContain(plan.Statements, s => s.Op is Op.MultiplyAdd or Op.MultiplySubtract or Op.NegatedMultiplyAdd
            && s.Operands.Take(2).Select(Show).OrderBy(n => n).SequenceEqual(new[] { "p", "y" }));
    }

    [Fact]
    public void ALetBoundProductKeepsItsName()
    {
        KernelPlan plan = PlanOf("m = p * y; m + 1");
        Assert.Contains(plan.Statements, s => s.Name == "m" && s.Op == Op.Mul);
        Assert.Contains(plan.Statements, s => s.Op == Op.Add && s.Operands.Any(o => o.Name == "m"));
    }

    [Fact]
    public void ARootProductIsNotFused()
    {
        // xy + z where xy is also a root (say, a derivative): it must be stored, so it stays a statement.
        var g = new ExprGraph();
        int xy = g.Mul(g.Input(0), g.Input(1));
        int sum = g.Add(xy, g.Input(2));
        (Dictionary<int, FusedStatement> fused, HashSet<int> absorbed) = Contraction.Find(g, g.Reachable(new[] { sum, xy }), new[] { sum, xy }, new Dictionary<int, string>());
        Assert.Empty(fused);
        Assert.Empty(absorbed);
        // The same sum with xy used only by it is fused.
        (fused, absorbed) = Contraction.Find(g, g.Reachable(new[] { sum }), new[] { sum }, new Dictionary<int, string>());
        Assert.Equal(new FusedStatement(Op.MultiplyAdd, g[xy].A, g[xy].B, g[sum].B), fused[sum]);
        Assert.Equal(new[] { xy }, absorbed);
    }

    [Theory]
    [InlineData("sqrt(p * p - y * y)")]
    [InlineData("p * y + exp(p) * exp(y)")]
    public void ASumOrDifferenceOfTwoProductsIsLeftAsWritten(string formula)
    {
        // Fusing one product would round the two differently: p·p − y·y would not be exactly 0 at p = y.
        KernelPlan plan = PlanOf(formula);
        Assert.DoesNotContain(plan.Statements, s => s.ForValue && s.Op is Op.MultiplyAdd or Op.MultiplySubtract or Op.NegatedMultiplyAdd);
    }

    [Theory]
    [InlineData("d = abs(p - y); d - 0.5 * delta", -0.5)] // a·b − constant product: d + (−0.5)·delta
    [InlineData("exp(p) - 2 * y", -2.0)]                   // c − 2·y = (−2)·y + c
    [InlineData("p * y - 3", -3.0)]                        // a·b − 3 = a·b + (−3)
    public void ANegatedConstantIsFoldedIntoAPlainMultiplyAdd(string formula, double constant)
    {
        KernelPlan plan = PlanOf(formula);
        PlanStatement value = plan.Statements.Single(s => s.Name == plan.Value.Name);
        Assert.Equal(Op.MultiplyAdd, value.Op);
        Assert.Contains(value.Operands, o => o.Kind == OperandKind.Constant && o.Value == constant);
        output.WriteLine(Show(plan));
    }

    [Fact]
    public void PlansComputeWhatTheLoweredLossComputes()
    {
        var random = new Random(17);
        var generator = new RandomFormulas(17);
        var formulas = Formulas.Standard.Concat(Enumerable.Range(0, 600).Select(_ => generator.Any(1 + random.Next(30)))).ToList();
        int compared = 0, fusedStatements = 0;
        double worst = 0;
        foreach (string formula in formulas)
        {
            (DerivedLoss derived, LossSignature signature) = Formulas.Derive(formula, Formulas.ScalarsOf(formula));
            KernelPlan plan = KernelPlanner.Plan(derived, signature);
            DerivedLoss lowered = Lowering.Lower(derived);
            fusedStatements += plan.Statements.Count(s => s.Op is Op.MultiplyAdd or Op.MultiplySubtract or Op.NegatedMultiplyAdd);
            var inputs = signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput).ToList();
            for (int k = 0; k < 4; k++)
            {
                var point = inputs.ToDictionary(p => p.Index, _ => 4 * random.NextDouble() - 2);
                double[] expected = GraphEvaluator.Evaluate(lowered.Graph, point);
                var parameters = inputs.ToDictionary(p => p.Name, p => point[p.Index]);
                Dictionary<string, double> locals = Evaluate(plan, parameters);
                double Read(PlanOperand o) => Operand(o, locals, parameters);
                var pairs = new List<(double Expected, double Actual)> { (expected[lowered.Value], Read(plan.Value)) };
                pairs.AddRange(lowered.Gradients.Zip(plan.Gradients).Where(z => z.First.Node is not null)
                    .Select(z => (expected[z.First.Node!.Value], z.Second.Factor * Read(z.Second.Core!))));
                foreach ((double x, double y) in pairs)
                {
                    if (!double.IsFinite(x))
                    {
                        continue;
                    }
                    double error = Math.Abs(x - y) / Math.Max(1, Math.Abs(x));
                    worst = Math.Max(worst, error);
                    Assert.True(error <= 1e-12, $"{formula} at ({string.Join(", ", point.Values)}): the plan computes {y}, the lowered loss {x}");
                    compared++;
                }
            }
        }
        output.WriteLine($"{compared} values compared over {formulas.Count} formulas ({fusedStatements} fused multiply-adds), worst relative difference {worst:E2}");
        Assert.True(fusedStatements > 100, "too few fused statements to say anything: " + fusedStatements);
        Assert.True(compared > 2_000, "too few values compared: " + compared);
    }

    /// <summary>Runs the plan's statements in double: each op's <see cref="OpInfo.Evaluate"/>, truth values as 1 and 0.</summary>
    private static Dictionary<string, double> Evaluate(KernelPlan plan, Dictionary<string, double> parameters)
    {
        var locals = new Dictionary<string, double>();
        double Read(PlanOperand o) => Operand(o, locals, parameters);
        foreach (PlanStatement s in plan.Statements)
        {
            double a = Read(s.Operands[0]);
            double b = s.Operands.Count > 1 ? Read(s.Operands[1]) : 0;
            double c = s.Operands.Count > 2 ? Read(s.Operands[2]) : 0;
            locals[s.Name] = OpTable.Of(s.Op).Evaluate!(a, b, c);
        }
        return locals;
    }

    private static double Operand(PlanOperand o, Dictionary<string, double> locals, Dictionary<string, double> parameters) => o.Kind switch
    {
        OperandKind.Local => locals[o.Name],
        OperandKind.Parameter => parameters[o.Name],
        OperandKind.Constant => o.Value,
        OperandKind.True => 1,
        _ => 0,
    };
}
