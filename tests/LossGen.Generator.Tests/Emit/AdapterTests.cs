using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Emit;

/// <summary>
/// The trainer adapter structs (<c>{Method}Function</c>): which declarations get one, float and double
/// overloads sharing one struct, fixed scalars as constructor arguments, and snapshots of both kinds.
/// </summary>
public class AdapterTests
{
    private static HarnessResult Run(string declarations, string wrapperStart = "public static partial class Losses\n{", string wrapperEnd = "}")
    {
        string source = "using System;\nusing LossGen;\n\nnamespace Snapshots;\n\n" + wrapperStart + "\n" + declarations + "\n" + wrapperEnd + "\n";
        return GeneratorHarness.Run(source);
    }

    private static string[] AdapterFiles(HarnessResult result) => result.GeneratedTrees
        .Select(t => Path.GetFileName(t.FilePath))
        .Where(name => name.EndsWith("Function.g.cs", StringComparison.Ordinal))
        .ToArray();

    private static string AdapterText(HarnessResult result, string structName) =>
        result.GeneratedTrees.Single(t => Path.GetFileName(t.FilePath).EndsWith("+" + structName + ".g.cs", StringComparison.Ordinal)).GetText().ToString();

    private static void AssertCompiles(HarnessResult result)
    {
        var problems = result.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void FloatAndDoubleOverloadsShareOneStructWithTheFixedScalar()
    {
        HarnessResult result = Run("""
                [Loss("d = abs(p - y); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
                public static partial float Huber(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

                [Loss("d = abs(p - y); d < delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
                public static partial double Huber(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double delta, Span<double> dp);
            """);
        AssertCompiles(result);
        Assert.Equal(new[] { "Snapshots.Losses+HuberFunction.g.cs" }, AdapterFiles(result));
        Snapshot.Verify(AdapterText(result, "HuberFunction"), "AdapterPredictionFloatAndDouble");
    }

    [Fact]
    public void ScalarParameterLossGetsAParametricAdapter()
    {
        HarnessResult result = Run("""
                [Loss("(a * exp(b * x) - y)^2", Reduction = Reduction.Sum)]
                public static partial float ExpFit(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float a, float b, out float da, out float db);
            """);
        AssertCompiles(result);
        Snapshot.Verify(AdapterText(result, "ExpFitFunction"), "AdapterParametric");
    }

    [Fact]
    public void FirstAndSecondOrderOverloadsShareOneStructThatImplementsBothInterfaces()
    {
        HarnessResult result = Run("""
                [Loss("softplus(z) - y * z")]
                public static partial double Logistic(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz);

                [Loss("softplus(z) - y * z")]
                public static partial double Logistic(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz, Span<double> d2z);

                [Loss("softplus(z) - y * z")]
                public static partial float Logistic(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz, Span<float> d2z);
            """);
        AssertCompiles(result);
        Assert.Equal(new[] { "Snapshots.Losses+LogisticFunction.g.cs" }, AdapterFiles(result));
        // double has both overloads; float only the second-order one, whose first-order face drops d2 into pooled scratch.
        Snapshot.Verify(AdapterText(result, "LogisticFunction"), "AdapterSecondOrderPrediction");
    }

    [Fact]
    public void AHessianOutputMakesASecondOrderParametricAdapterInParameterOrder()
    {
        HarnessResult result = Run("""
                [Loss("(a * exp(b * x) - y)^2", Reduction = Reduction.Sum)]
                public static partial double ExpFit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double db, out double da, Span<double> hessian);
            """);
        AssertCompiles(result);
        // The out gradients are declared (b, a): the method's Hessian rows are permuted into the parameters' order (a, b).
        Snapshot.Verify(AdapterText(result, "ExpFitFunction"), "AdapterSecondOrderParametric");
    }

    [Theory]
    [InlineData("Reduction None writes per-element losses", """
            [Loss("(p - y)^2", Reduction = Reduction.None)]
            public static partial void Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp);
        """)]
    [InlineData("two gradients", """
            [Loss("(p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> dy);
        """)]
    [InlineData("three spans", """
            [Loss("(p - y)^2 * w")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, ReadOnlySpan<float> w, Span<float> dp);
        """)]
    [InlineData("the name is taken", """
            [Loss("(p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);
            public struct MseFunction { }
        """)]
    [InlineData("overloads disagree on the fixed scalars", """
            [Loss("(p - y)^2 * w")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float w, Span<float> dp);
            [Loss("(p - y)^2 * v")]
            public static partial double Mse(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double v, Span<double> dp);
        """)]
    [InlineData("two second-order overloads for one element type", """
            [Loss("(p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> d2p);
            [Loss("(p - y)^4")]
            public static partial float Mse(ReadOnlySpan<float> y, ReadOnlySpan<float> p, Span<float> dp, Span<float> d2p);
        """)]
    [InlineData("the declaration has an error", """
            [Loss("(p - y)^^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);
        """)]
    public void NoAdapterWhereTheShapeHasNone(string why, string declarations)
    {
        HarnessResult result = Run(declarations);
        Assert.True(AdapterFiles(result).Length == 0, why);
    }

    [Fact]
    public void ACapitalizedFixedScalarIsAssignedToItsProperty()
    {
        HarnessResult result = Run("""
                [Loss("Scale * (p - y)^2")]
                public static partial double ScaledMse(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double Scale, Span<double> dp);
            """);
        // 'Scale = Scale;' would assign the parameter to itself (CS1717) and leave the property 0.
        AssertCompiles(result);
        Assert.Contains("this.Scale = Scale;", AdapterText(result, "ScaledMseFunction"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two fixed scalars differ only in the case of their first letter", """
            [Loss("(delta + Delta) * (p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, float Delta, Span<float> dp);
        """)]
    [InlineData("a fixed scalar is named like the struct", """
            [Loss("mseFunction * (p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float mseFunction, Span<float> dp);
        """)]
    [InlineData("a fixed scalar is named like a member of object", """
            [Loss("toString * (p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float toString, Span<float> dp);
        """)]
    public void FixedScalarsWhosePropertiesCannotBeDeclaredGetNoAdapter(string why, string declarations)
    {
        HarnessResult result = Run(declarations);
        AssertCompiles(result);
        Assert.True(AdapterFiles(result).Length == 0, why);
    }

    [Fact]
    public void InstanceMethodsGetNoAdapter()
    {
        HarnessResult result = Run("""
                [Loss("(p - y)^2")]
                public partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);
            """, wrapperStart: "public partial class Model\n{");
        AssertCompiles(result);
        Assert.Empty(AdapterFiles(result));
    }

    [Fact]
    public void TheParameterlessConstructorOfAStructWithFixedScalarsIsACompileError()
    {
        HarnessResult result = Run("""
                [Loss("(p - y)^2 * w")]
                public static partial float Weighted(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float w, Span<float> dp);

                public static object Make() => new WeightedFunction();
            """);
        Diagnostic error = Assert.Single(result.Output.GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CS0619", error.Id);
        Assert.Contains("use the constructor taking (w)", error.GetMessage(), StringComparison.Ordinal);
    }
}
