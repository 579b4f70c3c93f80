using System.Collections;
using System.Reflection;
using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LossGen.Generator.Tests.Pipeline;

/// <summary>
/// The incremental pipeline caches: after an edit to an unrelated file every tracked step reports
/// Cached or Unchanged; and no step output holds a Roslyn symbol, syntax node, location or compilation.
/// </summary>
public class IncrementalityTests
{
    private const string Losses = """
        using System;
        using LossGen;

        namespace Tests;

        public static partial class L
        {
            [Loss("(p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

            [Loss("(a * exp(b * x) - y)^2", Reduction = Reduction.Sum)]
            public static partial double Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db);

            [Loss("(p - y)^^2")]
            public static partial float Broken(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
        }
        """;

    private const string Unrelated = "namespace Tests; public static class Other { public static int F() => 1; }";

    private static readonly string[] OurSteps =
    {
        LossGenerator.DeclarationStep, LossGenerator.ModelStep, LossGenerator.SourceStep, LossGenerator.HintStep,
        LossGenerator.AdapterStep, LossGenerator.DiagnosticStep,
    };

    /// <summary>
    /// The one step that is not cached, by design: it joins the (cached, value-equatable) located
    /// diagnostics with the current compilation, to report them at real, suppressible locations.
    /// </summary>
    private static bool IsReporting(IncrementalGeneratorRunStep run) =>
        run.Name == LossGenerator.ReportStep || run.Inputs.Any(i => IsReporting(i.Source));

    [Fact]
    public void UnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Losses, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        SyntaxTree old = compilation.SyntaxTrees.Last();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old,
            CSharpSyntaxTree.ParseText("namespace Tests; public static class Other { public static int F() => 2; public static int G() => 3; }", GeneratorHarness.ParseOptions, old.FilePath));
        driver = driver.RunGenerators(edited);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string step in OurSteps)
        {
            var runs = result.TrackedSteps[step];
            Assert.NotEmpty(runs);
            foreach (var output in runs.SelectMany(r => r.Outputs))
            {
                Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step}: {output.Reason}");
            }
        }
        foreach (var output in result.TrackedOutputSteps.SelectMany(s => s.Value).Where(r => !IsReporting(r)).SelectMany(r => r.Outputs))
        {
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, "output: " + output.Reason);
        }
    }

    [Fact]
    public void EditingAFormulaRegeneratesOnlyThatMethod()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Losses, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree old = compilation.SyntaxTrees.First();
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old,
            CSharpSyntaxTree.ParseText(Losses.Replace("(p - y)^2\")]\n    public static partial float Mse", "(p - y)^4\")]\n    public static partial float Mse", StringComparison.Ordinal), GeneratorHarness.ParseOptions, old.FilePath));
        Assert.NotEqual(old.ToString(), edited.SyntaxTrees.First().ToString());
        driver = driver.RunGenerators(edited);

        var sources = driver.GetRunResult().Results.Single().TrackedSteps[LossGenerator.SourceStep].SelectMany(r => r.Outputs).ToList();
        Assert.Equal(3, sources.Count);
        Assert.Single(sources, o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Equal(2, sources.Count(o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
        Assert.Contains("(p - y)^4", driver.GetRunResult().GeneratedTrees.Single(t => t.FilePath.Contains(".Mse.", StringComparison.Ordinal)).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MovingDeclarationsKeepsTheGeneratedCodeCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Losses, Unrelated);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree old = compilation.SyntaxTrees.First();
        // Two lines above every declaration: their spans move, their content does not.
        CSharpCompilation edited = compilation.ReplaceSyntaxTree(old,
            CSharpSyntaxTree.ParseText("// a comment\n// another\n" + Losses, GeneratorHarness.ParseOptions, old.FilePath));
        driver = driver.RunGenerators(edited);

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        Assert.All(result.TrackedSteps[LossGenerator.DeclarationStep].SelectMany(r => r.Outputs), o => Assert.Equal(IncrementalStepRunReason.Modified, o.Reason));
        foreach (string step in new[] { LossGenerator.ModelStep, LossGenerator.SourceStep, LossGenerator.HintStep, LossGenerator.AdapterStep })
        {
            Assert.All(result.TrackedSteps[step].SelectMany(r => r.Outputs),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"step {step}: {o.Reason}"));
        }
        // Only the broken declaration has diagnostics whose locations moved.
        var diagnostics = result.TrackedSteps[LossGenerator.DiagnosticStep].SelectMany(r => r.Outputs).ToList();
        Assert.Single(diagnostics, o => o.Reason == IncrementalStepRunReason.Modified);
        // And the reported diagnostic points at the moved text.
        Diagnostic lg0001 = Assert.Single(result.Diagnostics, d => d.Id == "LG0001");
        Assert.Equal("^", edited.SyntaxTrees.First().GetText().ToString(lg0001.Location.SourceSpan));
        Assert.Equal(2 + 13, lg0001.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void NoStepOutputHoldsRoslynObjects()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.CreateCompilation(Losses, Unrelated));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        var outputs = OurSteps.SelectMany(step => result.TrackedSteps[step])
            .Concat(result.TrackedOutputSteps.SelectMany(s => s.Value).Where(r => !IsReporting(r)))
            .SelectMany(run => run.Outputs)
            .Select(o => o.Value)
            .ToList();
        Assert.NotEmpty(outputs);
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (object value in outputs)
        {
            AssertNoRoslynObjects(value, "output", visited);
        }
        Assert.True(visited.Count > 10, "the walk saw too little to be meaningful: " + visited.Count);
    }

    private static readonly Type[] Forbidden = { typeof(ISymbol), typeof(SyntaxNode), typeof(Location), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxTree) };

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> visited)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !visited.Add(value))
        {
            return;
        }
        Type type = value.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>) && (bool)type.GetProperty("IsDefault")!.GetValue(value)!)
        {
            return;
        }
        Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), $"{path} holds a {type.FullName}");
        if (value is IEnumerable sequence)
        {
            int i = 0;
            foreach (object? item in sequence)
            {
                AssertNoRoslynObjects(item, $"{path}[{i++}]", visited);
            }
        }
        for (Type? t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (FieldInfo field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, visited);
            }
        }
    }
}
