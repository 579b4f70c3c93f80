using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Emit;

/// <summary>
/// Snapshots of the generated code for representative declarations: float and double, each
/// reduction, scalar gradients, conditionals, let-bindings, transcendental losses with stability
/// rewrites, nested types and instance methods, and a declaration with an error. Each snapshot must
/// also compile without warnings.
/// </summary>
public class GeneratedCodeSnapshotTests
{
    private static void VerifyMethod(string declaration, string method, string snapshot, string usings = "", string wrapperStart = "public static partial class Losses\n{", string wrapperEnd = "}")
    {
        string source = "using System;\nusing LossGen;\n" + usings + "\nnamespace Snapshots;\n\n" + wrapperStart + "\n" + declaration + "\n" + wrapperEnd + "\n";
        HarnessResult result = GeneratorHarness.Run(source);
        var problems = result.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && !d.Id.StartsWith("LG", StringComparison.Ordinal)).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Snapshot.Verify(result.GeneratedText(method), snapshot);
    }

    [Fact]
    public void FloatMeanMse() => VerifyMethod("""
            [Loss("(p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);
        """, "Mse", "FloatMeanMse");

    [Fact]
    public void FloatMeanLogisticWithSecondDerivative() => VerifyMethod("""
            [Loss("softplus(z) - y * z")]
            public static partial float Logistic(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz, Span<float> d2z);
        """, "Logistic", "FloatMeanLogisticWithSecondDerivative");

    [Fact]
    public void FloatMeanCrossEntropyWithRunTimeRowLength() => VerifyMethod("""
            [Loss("logsumexp(z) - z[t]", RowLength = nameof(k))]
            public static partial float CrossEntropy(ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, Span<float> dz);
        """, "CrossEntropy", "FloatMeanCrossEntropyWithRunTimeRowLength");

    /// <summary>A run-time row kernel with fused multiply-adds: per sample (1 − ε)·z[t] and ε·mean(z) are subtracted as FMAs.</summary>
    [Fact]
    public void FloatMeanSmoothedCrossEntropyWithFusedMultiplyAdds() => VerifyMethod("""
            [Loss("logsumexp(z) - (1 - eps) * z[t] - eps * mean(z)", RowLength = nameof(k))]
            public static partial float SmoothedCrossEntropy(ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, float eps, Span<float> dz);
        """, "SmoothedCrossEntropy", "FloatMeanSmoothedCrossEntropyWithFusedMultiplyAdds");

    /// <summary>BCE with logits and a positive-class weight: posWeight − 1 is computed once by Run and passed to the kernel.</summary>
    [Fact]
    public void FloatMeanWeightedBceComputesTheWeightOncePerCall() => VerifyMethod("""
            [Loss("(1 - y) * z + (1 + (posWeight - 1) * y) * softplus(-z)")]
            public static partial float WeightedBce(ReadOnlySpan<float> z, ReadOnlySpan<float> y, float posWeight, Span<float> dz);
        """, "WeightedBce", "FloatMeanWeightedBceComputesTheWeightOncePerCall");

    [Fact]
    public void DoubleSumWithTwoGradients() => VerifyMethod("""
            [Loss("(p - y)^2", Reduction = Reduction.Sum)]
            public static partial double SquaredError(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> dy);
        """, "SquaredError", "DoubleSumWithTwoGradients");

    [Fact]
    public void FloatNoneBceWithLogits() => VerifyMethod("""
            [Loss("max(z, 0) - z * y + softplus(-abs(z))", Reduction = Reduction.None)]
            public static partial void BceWithLogits(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> loss, Span<float> dz);
        """, "BceWithLogits", "FloatNoneBceWithLogits");

    [Fact]
    public void ScalarGradientsForCurveFitting() => VerifyMethod("""
            [Loss("(a * exp(b * x) - y)^2")]
            public static partial float ExpFit(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float a, float b, out float da, out float db);
        """, "ExpFit", "ScalarGradientsForCurveFitting");

    [Fact]
    public void LetBindingsAndConditional() => VerifyMethod("""
            [Loss("d = abs(p - y); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.Sum)]
            public static partial double SmoothL1(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double beta, Span<double> dp);
        """, "SmoothL1", "LetBindingsAndConditional");

    [Fact]
    public void BranchSafeConditional() => VerifyMethod("""
            [Loss("p > 0 ? log(p) : 0")]
            public static partial double SafeLog(ReadOnlySpan<double> p, Span<double> dp);
        """, "SafeLog", "BranchSafeConditional");

    [Fact]
    public void TranscendentalWithStabilityRewrites() => VerifyMethod("""
            [Loss("-(y * log(sigmoid(z)) + (1 - y) * log(1 - sigmoid(z)))")]
            public static partial float LogisticLoss(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);
        """, "LogisticLoss", "TranscendentalWithStabilityRewrites");

    [Fact]
    public void InstanceMethodInNestedTypes() => VerifyMethod("""
                [Loss("(in - out)^2 * weight")]
                internal partial double Weighted(ReadOnlySpan<double> @in, ReadOnlySpan<double> @out, double weight, out double dweight);
        """, "Weighted", "InstanceMethodInNestedTypes",
        wrapperStart: "public partial class Outer<T>\n{\n    internal partial record struct Inner\n    {",
        wrapperEnd: "    }\n}");

    [Fact]
    public void DeclarationWithAnErrorGetsAThrowingBody() => VerifyMethod("""
            [Loss("(p - y)^^2")]
            public static partial float Broken(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
        """, "Broken", "DeclarationWithAnErrorGetsAThrowingBody");
}
