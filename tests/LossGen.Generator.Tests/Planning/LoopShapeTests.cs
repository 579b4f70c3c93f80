using LossGen.Generator.Binding;
using LossGen.Generator.Declarations;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Planning;

/// <summary>
/// The loop decisions of the plan (docs/architecture.md, "Emission"): 4 vectors per iteration for plain arithmetic; an
/// out-of-line tail for kernels with transcendental functions, one vector per iteration for those with one, and for
/// those with two or more, prefetching and two vectors per iteration with the kernel's statements interleaved.
/// </summary>
public class LoopShapeTests
{
    private static KernelPlan PlanOf(string formula) => Formulas.PlanOf(formula, ElementType.Float);

    [Theory]
    [InlineData("(p - y)^2", 4, false)]                                           // MSE: plain arithmetic
    [InlineData("d = abs(p - y); d <= delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)", 4, false)] // Huber
    [InlineData("exp(p) - y * p", 1, false)]                                      // Poisson NLL: one exp, a short body
    [InlineData("max(p, 0) - p * y + softplus(-abs(p))", 2, true)]                // BCE with logits: exp, log1p, sigmoid's quotient
    [InlineData("zt = (2 * y - 1) * p; q = sigmoid(-zt); (0.75 - 0.5 * y) * q^2 * softplus(-zt)", 2, true)] // focal
    public void TheLoopFollowsTheKernelsWeight(string formula, int vectorsPerIteration, bool prefetches)
    {
        KernelPlan plan = PlanOf(formula);
        Assert.Equal(vectorsPerIteration, plan.VectorsPerIteration);
        Assert.Equal(vectorsPerIteration == 2, plan.InterleavesPairs);
        Assert.Equal(vectorsPerIteration < 4, plan.RemainderOutOfLine);
        Assert.Equal(prefetches, plan.Prefetches);
    }

    [Fact]
    public void DoubleKernelsKeepOneVectorPerIteration()
    {
        // Their exp and log1p polynomials are twice as long: two vectors interleaved measured slower (KernelPlan.InterleavesPairs).
        KernelPlan plan = Formulas.PlanOf("max(p, 0) - p * y + softplus(-abs(p))", ElementType.Double);
        Assert.True(plan.IsHeavy && plan.Prefetches);
        Assert.False(plan.InterleavesPairs);
        Assert.Equal(1, plan.VectorsPerIteration);
        Assert.True(plan.RemainderOutOfLine);
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

    [Fact]
    public void AHeavyKernelWritesItsStatementsForTwoVectorsInTheMainLoop()
    {
        HarnessResult result = GeneratorHarness.Run("""
            using System;
            using LossGen;

            public static partial class L
            {
                [Loss("zt = (2 * y - 1) * z; q = sigmoid(-zt); (a * y + (1 - a) * (1 - y)) * q^2 * softplus(-zt)")]
                public static partial float Focal(ReadOnlySpan<float> z, ReadOnlySpan<float> y, float a, Span<float> dz);

                [Loss("logsumexp(z) - z[t]", RowLength = "4")]
                public static partial float CrossEntropy(ReadOnlySpan<float> z, ReadOnlySpan<int> t, Span<float> dz);
            }
            """);
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string focal = result.GeneratedText("Focal");
        string run = focal[focal.IndexOf(" Run(", StringComparison.Ordinal)..focal.IndexOf(" Element(", StringComparison.Ordinal)];
        string loop = run[run.IndexOf("for (; i <= blockEnd; i += 2 * width)", StringComparison.Ordinal)..run.IndexOf("lossSum.Add(lossAcc0 + lossAcc1);", StringComparison.Ordinal)];
        // Each statement of the kernel, once per vector, each input loaded at i and i + width; the scalar and the
        // statement of scalars only (1 - a) are Run's locals, shared by both.
        string[] statements = Statements(focal[focal.IndexOf(" Element(", StringComparison.Ordinal)..]);
        Assert.NotEmpty(statements);
        foreach (string name in statements)
        {
            Assert.Contains("Vector<float> " + name + "_0 = ", loop, StringComparison.Ordinal);
            Assert.Contains("Vector<float> " + name + "_1 = ", loop, StringComparison.Ordinal);
        }
        Assert.Contains("Vector<float> z_1 = Vector.LoadUnsafe(in zRef, (nuint)(i + width));", loop, StringComparison.Ordinal);
        Assert.Contains("aVector", loop, StringComparison.Ordinal);
        Assert.DoesNotContain("Element(", loop, StringComparison.Ordinal);
        Assert.Contains("lossAcc1 += ", loop, StringComparison.Ordinal);
        Assert.Contains("KernelSupport.PrefetchPair(in zRef, i);", loop, StringComparison.Ordinal);
        Assert.Contains("ElementOutOfLine(", run[run.IndexOf("lossSum.Add(lossAcc0 + lossAcc1);", StringComparison.Ordinal)..], StringComparison.Ordinal);

        // A kernel over unrolled rows keeps one vector per iteration and calls its kernel.
        string rows = result.GeneratedText("CrossEntropy");
        Assert.Contains("// Main loop: one vector per iteration", rows, StringComparison.Ordinal);
        Assert.DoesNotContain("i + width", rows, StringComparison.Ordinal);
        Assert.Contains("Element(", rows[rows.IndexOf("// Main loop", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>The names of the locals that a kernel method's statements declare (<c>Vector&lt;float&gt; name = …;</c>).</summary>
    private static string[] Statements(string kernel) =>
        System.Text.RegularExpressions.Regex.Matches(kernel[..kernel.IndexOf("\n        }", StringComparison.Ordinal)], @"Vector<float> (\w+) = ")
            .Select(m => m.Groups[1].Value).ToArray();
}
