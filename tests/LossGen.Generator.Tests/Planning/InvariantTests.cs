using LossGen.Generator.Binding;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace LossGen.Generator.Tests.Planning;

/// <summary>
/// Statements of scalar inputs and constants only are marked invariant: <c>Run</c> computes them once before the loop
/// and passes them to the kernel, which would otherwise recompute them for every vector (the JIT does not hoist them).
/// </summary>
public class InvariantTests(ITestOutputHelper output)
{
    private static KernelPlan PlanOf(string formula) => Formulas.PlanOf(formula);

    [Fact]
    public void TheWeightOfAWeightedLogisticLossIsComputedOncePerCall()
    {
        // BCE with logits and a positive-class weight: posWeight − 1 is the same for every element.
        KernelPlan plan = PlanOf("(1 - y) * p + (1 + (posWeight - 1) * y) * softplus(-p)");
        PlanStatement weight = Assert.Single(plan.Invariants);
        Assert.Equal(Op.Sub, weight.Op);
        Assert.Equal(new[] { "posWeight" }, weight.Operands.Where(o => o.Kind == OperandKind.Parameter).Select(o => o.Name));
        // posWeight is read by nothing else per element, so the kernel does not take it; it takes the hoisted statement.
        Assert.Equal(new[] { "p", "y" }, plan.KernelInputs.Select(i => i.Name));
        Assert.Equal(plan.Statements.Count - 1, plan.KernelStatements);
    }

    [Fact]
    public void AKernelWithoutScalarInputsHasNoInvariants()
    {
        KernelPlan plan = PlanOf("max(p, 0) - p * y + softplus(-abs(p))");
        Assert.Empty(plan.Invariants);
        Assert.Equal(plan.Statements.Count, plan.KernelStatements);
    }

    [Fact]
    public void InvariantsAreExactlyTheStatementsOfScalarsAndConstants()
    {
        // Over the standard formulas and random ones with scalar inputs: an invariant statement reads only constants,
        // scalar inputs and earlier invariants; every other statement reads an element-wise input or a per-element
        // local (nothing that could be hoisted is left in the loop). That a scalar input read only by hoisted statements
        // may be left out of the kernel's parameters is checked by compiling and running such kernels (below).
        var generator = new RandomFormulas(29);
        // Random formulas read the scalars a and b beside p and y.
        var formulas = Formulas.Standard.Concat(Enumerable.Range(0, 400).Select(k => generator.Any(1 + k % 25))).ToList();
        int invariants = 0;
        foreach (string formula in formulas)
        {
            (DerivedLoss derived, LossSignature signature) = Formulas.Derive(formula, Formulas.ScalarsOf(formula));
            KernelPlan plan = KernelPlanner.Plan(derived, signature);
            var scalars = new HashSet<string>(plan.Inputs.Where(i => i.IsScalar).Select(i => i.Name));
            var hoisted = new HashSet<string>();
            foreach (PlanStatement s in plan.Statements)
            {
                bool allInvariant = s.Operands.All(o => o.Kind is OperandKind.Constant or OperandKind.True or OperandKind.False
                    || o.Kind == OperandKind.Parameter && scalars.Contains(o.Name)
                    || o.Kind == OperandKind.Local && hoisted.Contains(o.Name));
                Assert.True(allInvariant == s.Invariant, $"{formula}: {s.Name} = {s.Comment} is {(s.Invariant ? "" : "not ")}marked invariant");
                if (s.Invariant)
                {
                    hoisted.Add(s.Name);
                }
            }
            invariants += hoisted.Count;
        }
        output.WriteLine($"{invariants} invariant statements in {formulas.Count} formulas");
        Assert.True(invariants > 100, "too few invariant statements to say anything: " + invariants);
    }

    [Fact]
    public void HoistedStatementsNamedLikeTheLoopsLocalsComputeTheLoss()
    {
        // Let-bindings of scalars only named like Run's own locals (n, i, width; mask, inverseN, lossSum in the float one)
        // and like a type Run names (nuint, which gets a name of its own): Run computes them once, and its own locals
        // declared after them take a trailing '_' (i_, width_, mask_, ...). `scale` reads p and y: a kernel local named
        // like Run's scale. c is read by hoisted statements only, so the kernel does not take it.
        // l = (p − y)²·c² + e^c·p + (c² + 1)(1 + e^c) (double) or + (c² + 1) (float), mean over n; ∂l/∂p = (2(p − y)·c² + e^c)/n.
        const string source = """
            using System;
            using LossGen;

            namespace Hoisting;

            public static partial class L
            {
                [Loss("n = c * c; i = exp(c); width = n + 1; nuint = width * i; scale = (p - y)^2 * n + i * p; scale + width + nuint")]
                public static partial double Weighted(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double c, Span<double> dp);

                [Loss("mask = c * c; inverseN = exp(c); lossSum = mask + 1; (p - y)^2 * mask + inverseN * p + lossSum")]
                public static partial float WeightedFloat(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float c, Span<float> dp);

                public static double Call(double[] p, double[] y, double c, double[] dp) => Weighted(p, y, c, dp);

                public static float CallFloat(float[] p, float[] y, float c, float[] dp) => WeightedFloat(p, y, c, dp);
            }
            """;
        HarnessResult result = GeneratorHarness.Run(source);
        var errors = result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        string text = result.GeneratedText("Weighted");
        Assert.Contains("Vector<double> n_ = cVector * cVector;", text, StringComparison.Ordinal);
        Assert.Contains("Vector<double> i = Exp(cVector);", text, StringComparison.Ordinal);
        Assert.Contains("Vector<double> width = n_ + Vector<double>.One;", text, StringComparison.Ordinal);
        Assert.Contains("int width_ = Vector<double>.Count;", text, StringComparison.Ordinal);
        Assert.Contains("int i_ = 0;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exp(c", text[text.IndexOf("private static Vector<double> Element", StringComparison.Ordinal)..], StringComparison.Ordinal);
        string floatText = result.GeneratedText("WeightedFloat");
        Assert.Contains("Vector<float> mask = cVector * cVector;", floatText, StringComparison.Ordinal);
        Assert.Contains("Vector<float> inverseN = Exp(cVector);", floatText, StringComparison.Ordinal);
        Assert.Contains("double inverseN_ = 1d / n;", floatText, StringComparison.Ordinal);
        Assert.Contains("WideSum lossSum_ = default;", floatText, StringComparison.Ordinal);
        Assert.Contains("private static Vector<float> Element(Vector<float> p, Vector<float> y, Vector<float> mask, Vector<float> inverseN, Vector<float> lossSum, out Vector<float> dp)", floatText, StringComparison.Ordinal);

        Type type = GeneratorHarness.Load(result.Output).GetType("Hoisting.L")!;
        var call = type.GetMethod("Call")!;
        var callFloat = type.GetMethod("CallFloat")!;
        var random = new Random(3);
        foreach (int n in new[] { 1, 3, 8, 9, 37, 100 })
        {
            double c = random.NextDouble() * 2 - 1;
            double[] p = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            double[] y = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 4 - 2).ToArray();
            double expected = Enumerable.Range(0, n).Sum(k => (p[k] - y[k]) * (p[k] - y[k]) * c * c + Math.Exp(c) * p[k]) / n;
            double constant = (c * c + 1) * (1 + Math.Exp(c));
            double[] dp = new double[n];
            double value = (double)call.Invoke(null, new object[] { p, y, c, dp })!;
            Assert.Equal(expected + constant, value, 1e-12);
            for (int k = 0; k < n; k++)
            {
                Assert.Equal((2 * (p[k] - y[k]) * c * c + Math.Exp(c)) / n, dp[k], 1e-13);
            }

            float[] pf = p.Select(v => (float)v).ToArray(), yf = y.Select(v => (float)v).ToArray(), dpf = new float[n];
            float valueFloat = (float)callFloat.Invoke(null, new object[] { pf, yf, (float)c, dpf })!;
            Assert.Equal(expected + c * c + 1, valueFloat, 1e-5 * Math.Max(1, Math.Abs(expected)));
            for (int k = 0; k < n; k++)
            {
                Assert.Equal(dp[k], dpf[k], 1e-6 * Math.Max(1, Math.Abs(dp[k])));
            }
        }
    }

    [Fact]
    public void RowKernelsComputeValuesOfScalarsAndKOncePerCall()
    {
        // Label-smoothed cross-entropy over a run-time K: 1 − ε, ε − 1 and −ε/K (a division) are the same for every
        // sample; both layouts (rows along the vector, K = 19; samples across the lanes, K = 3) compute them before the
        // loop over samples. Checked against the loss computed here: logsumexp(z) − (1 − ε)·z[t] − ε·mean(z), and its
        // gradient softmax(z) − (1 − ε)·onehot(t) − ε/K, both over n.
        const string source = """
            using System;
            using LossGen;

            namespace RowHoisting;

            public static partial class L
            {
                [Loss("logsumexp(z) - (1 - eps) * z[t] - eps * mean(z)", RowLength = nameof(k))]
                public static partial double Smoothed(ReadOnlySpan<double> z, ReadOnlySpan<int> t, int k, double eps, Span<double> dz);

                public static double Call(double[] z, int[] t, int k, double eps, double[] dz) => Smoothed(z, t, k, eps, dz);
            }
            """;
        HarnessResult result = GeneratorHarness.Run(source);
        var errors = result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        string text = result.GeneratedText("Smoothed");
        foreach (string layout in new[] { "AlongRows(", "AcrossSamples(" })
        {
            string method = text[text.IndexOf("private static double " + layout, StringComparison.Ordinal)..];
            int division = method.IndexOf("// -eps / K\n", StringComparison.Ordinal);
            int sampleLoop = method.IndexOf("for (", StringComparison.Ordinal);
            Assert.True(division > 0 && division < sampleLoop, layout + ": -eps / K is not computed before the loop over samples");
        }
        // Once per layout, where the samples' loop bodies (one in AlongRows, two in AcrossSamples: whole blocks and the tail) had it each.
        Assert.Equal(2, text.Split('\n').Count(line => line.Trim() == "// -eps / K"));

        var call = GeneratorHarness.Load(result.Output).GetType("RowHoisting.L")!.GetMethod("Call")!;
        var random = new Random(5);
        foreach ((int n, int k) in new[] { (1, 3), (7, 3), (9, 19), (2, 19) })
        {
            double eps = random.NextDouble() * 0.3;
            double[] z = Enumerable.Range(0, n * k).Select(_ => random.NextDouble() * 6 - 3).ToArray();
            int[] t = Enumerable.Range(0, n).Select(_ => random.Next(k)).ToArray();
            double[] dz = new double[n * k];
            double value = (double)call.Invoke(null, new object[] { z, t, k, eps, dz })!;
            double expected = 0;
            for (int r = 0; r < n; r++)
            {
                double[] row = z.Skip(r * k).Take(k).ToArray();
                double max = row.Max(), sum = row.Sum(x => Math.Exp(x - max));
                expected += max + Math.Log(sum) - (1 - eps) * row[t[r]] - eps * row.Average();
                for (int j = 0; j < k; j++)
                {
                    double gradient = Math.Exp(row[j] - max) / sum - (j == t[r] ? 1 - eps : 0) - eps / k;
                    Assert.Equal(gradient / n, dz[r * k + j], 1e-14);
                }
            }
            Assert.Equal(expected / n, value, 1e-12);
        }
    }
}
