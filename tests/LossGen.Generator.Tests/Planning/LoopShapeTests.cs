using LossGen.Generator.Binding;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Planning;

/// <summary>
/// The loop decisions of the plan (docs/architecture.md, "Emission"): 4 vectors per iteration for plain arithmetic, one
/// with an out-of-line tail for kernels with transcendental functions, and prefetching for kernels with two or more.
/// </summary>
public class LoopShapeTests
{
    private static KernelPlan PlanOf(string formula) => Formulas.PlanOf(formula);

    [Theory]
    [InlineData("(p - y)^2", 4, false)]                                           // MSE: plain arithmetic
    [InlineData("d = abs(p - y); d <= delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", 4, false)] // Huber
    [InlineData("exp(p) - y * p", 1, false)]                                      // Poisson NLL: one exp, a short body
    [InlineData("max(p, 0) - p * y + softplus(-abs(p))", 1, true)]                // BCE with logits: exp, log1p, sigmoid's quotient
    [InlineData("zt = (2 * y - 1) * p; q = sigmoid(-zt); (0.75 - 0.5 * y) * q^2 * softplus(-zt)", 1, true)] // focal
    public void TheLoopFollowsTheKernelsWeight(string formula, int vectorsPerIteration, bool prefetches)
    {
        KernelPlan plan = PlanOf(formula);
        Assert.Equal(vectorsPerIteration, plan.VectorsPerIteration);
        Assert.Equal(vectorsPerIteration == 1, plan.RemainderOutOfLine);
        Assert.Equal(prefetches, plan.Prefetches);
    }

    [Fact]
    public void ATranscendentalOfScalarsOnlyDoesNotMakeTheKernelHeavy()
    {
        // exp(a) is computed once per call before the loop: the loop itself is plain arithmetic.
        KernelPlan plan = PlanOf("(p - y)^2 * exp(a)");
        Assert.Contains(plan.Invariants, s => s.Op == Op.Exp);
        Assert.False(plan.IsHeavy);
        Assert.Equal(4, plan.VectorsPerIteration);
    }
}
