using LossGen.Generator.Declarations;
using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit.Abstractions;

namespace LossGen.Generator.Tests.Pipeline;

/// <summary>
/// Formula text can never break out of the comments, XML docs and string literals that repeat it in
/// generated code: valid formulas with line terminators, comment and XML closers, quotes and
/// backslashes inserted at random positions always give generated files that parse without error
/// (whether the formula still compiles, fails with an LG diagnostic, or becomes a comment); and the
/// same through Roslyn end to end, where no CS8785, CS8795 or error in a generated file may appear.
/// </summary>
public class InjectionFuzzTests(ITestOutputHelper output)
{
    private static readonly string[] Hostile =
    {
        "\n", "\r\n", "\r", "\u0085", "\u2028", "\u2029", "*/", "/*", "-->", "<!--", "]]>", "\"", "\"\"\"", "\\", "//", "</summary>", "#error x", "{", "}",
    };

    private static int Seed => Environment.GetEnvironmentVariable("LOSSGEN_FUZZ_SEED") is string s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 20261129;

    private static string Insert(Random random, string formula)
    {
        int insertions = 1 + random.Next(3);
        for (int k = 0; k < insertions; k++)
        {
            int at = random.Next(formula.Length + 1);
            formula = formula.Substring(0, at) + Hostile[random.Next(Hostile.Length)] + formula.Substring(at);
        }
        return formula;
    }

    [Fact]
    public void GeneratedFilesParseWhateverTheFormulaHolds()
    {
        int seed = Seed;
        var random = new Random(seed);
        var generator = new RandomFormulas(seed);
        var parse = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        int compiled = 0, rejected = 0;
        for (int i = 0; i < 3_000; i++)
        {
            string valid = i % 2 == 0 ? Formulas.Standard[random.Next(Formulas.Standard.Length)] : generator.Smooth(1 + random.Next(20));
            string formula = Insert(random, valid);
            CompileResult result = LossCompiler.Compile(Formulas.Declaration(formula, i % 3 == 0 ? ElementType.Double : ElementType.Float, i % 3, "a", "b"));
            Assert.NotNull(result.Source);
            var errors = CSharpSyntaxTree.ParseText(result.Source!.Text, parse).GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error || d.Id == "CS1570").ToList();
            Assert.True(errors.Count == 0, $"seed {seed}, case {i}, formula {System.Text.Json.JsonSerializer.Serialize(formula)}:\n{string.Join("\n", errors)}\n{result.Source.Text}");
            if (result.Diagnostics.Any(d => d.IsError))
            {
                rejected++;
            }
            else
            {
                compiled++;
            }
        }
        output.WriteLine($"seed {seed}: 3000 formulas with hostile insertions, {compiled} compiled, {rejected} rejected");
        Assert.True(compiled > 100 && rejected > 1000, "both paths should be exercised");
    }

    [Fact]
    public void ThroughRoslynNoInsertionBreaksTheBuildOfOtherDeclarations()
    {
        int seed = Seed + 1;
        var random = new Random(seed);
        var members = new List<string>();
        for (int i = 0; i < 120; i++)
        {
            string formula = Insert(random, Formulas.Standard[random.Next(Formulas.Standard.Length)]);
            // Alternate the ways of writing it: an escaped regular literal, or a multi-line raw literal where it can be one.
            string literal = i % 2 == 0 || formula.Contains("\"\"\"", StringComparison.Ordinal) || formula.EndsWith('"')
                ? SymbolDisplay.FormatLiteral(formula, quote: true)
                : "\"\"\"\n        " + string.Join("\n        ", formula.Replace("\r\n", "\n").Split('\n', '\r', '\u0085', '\u2028', '\u2029')) + "\n        \"\"\"";
            string t = i % 2 == 0 ? "float" : "double";
            members.Add($"    [Loss({literal})]\n    public static partial {t} M{i}(ReadOnlySpan<{t}> p, ReadOnlySpan<{t}> y, {t} a, {t} b, Span<{t}> dp, out {t} da);");
        }
        string source = "using System;\nusing LossGen;\n#pragma warning disable LG0030\nnamespace Fuzz;\npublic static partial class L\n{\n" + string.Join("\n", members) + "\n}\n";
        Assert.DoesNotContain(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetDiagnostics(), d => d.Severity == DiagnosticSeverity.Error);
        HarnessResult result = GeneratorHarness.Run(source);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001" or "LG0099");
        Assert.Equal(120, result.GeneratedTrees.Count(t => Path.GetFileName(t.FilePath).StartsWith("Fuzz.L.M", StringComparison.Ordinal)));
        var compilerErrors = result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compilerErrors.Count == 0, $"seed {seed}:\n" + string.Join("\n", compilerErrors.Take(10)));
        output.WriteLine($"seed {seed}: 120 declarations, {result.LossGenDiagnostics.Count(d => d.Severity == DiagnosticSeverity.Error)} LG errors, no compiler error");
    }

    [Fact]
    public void ParametersAndBindingsNamedLikeWhatTheKernelUsesStillCompileAndRun()
    {
        const string source = """
            using System;
            using LossGen;

            namespace Names;

            public static partial class L
            {
                [Loss("(width - mask)^2 * scale2f + lossAcc0 * pRef + Vector * KernelSupport")]
                public static partial float N4(ReadOnlySpan<float> width, ReadOnlySpan<float> mask, float scale2f, float lossAcc0, float pRef, float Vector, float KernelSupport, Span<float> dwidth, out float dscale2f);

                [Loss("Exp = x - y; Sign = Exp^2; Sign * Math + Element + MemoryMarshal + Vector_")]
                public static partial double N5(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double Math, double Element, double MemoryMarshal, double Vector_, Span<double> dx, out double dMath);

                // The out-of-line kernel copy of transcendental kernels and the row kernels' loop methods.
                [Loss("softplus(z) * ElementOutOfLine - z * y")]
                public static partial float N6(ReadOnlySpan<float> z, ReadOnlySpan<float> y, float ElementOutOfLine, Span<float> dz);

                [Loss("logsumexp(z) - z[t] + AlongRows + AcrossSamples", RowLength = "k")]
                public static partial float N7(ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, float AlongRows, float AcrossSamples, Span<float> dz);

                public static double Call(double[] x, double[] y, double[] dx) => N5(x, y, 2, 3, 4, 5, dx, out _);
            }
            """;
        HarnessResult result = GeneratorHarness.Run(source);
        var errors = result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(10)));
        Assert.DoesNotContain(result.LossGenDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var call = GeneratorHarness.Load(result.Output).GetType("Names.L")!.GetMethod("Call")!;
        double[] x = { 1, 2, 4 }, y = { 0, 0, 1 }, dx = new double[3];
        double value = (double)call.Invoke(null, new object[] { x, y, dx })!;
        // mean of (x − y)^2 · 2 + 3 + 4 + 5 and its gradient 2 · 2 (x − y) / n.
        Assert.Equal((1.0 + 4 + 9) * 2 / 3 + 12, value, 12);
        Assert.Equal(new[] { 4.0 / 3, 8.0 / 3, 12.0 / 3 }, dx);
    }

    [Fact]
    public void AMistypedOverloadGetsItsDiagnosticAndTheOtherOverloadStillWorks()
    {
        const string source = """
            using System;
            using LossGen;

            namespace Overloads;

            public static partial class L
            {
                [Loss("(p - y)^2")]
                public static partial double Mse(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp);

                [Loss("(p - y)^2")]
                public static partial double Mse(ReadOnlySpan<double> p, ReadOnlySpan<float> y, Span<double> dp);

                [Loss("abs(p - y)")]
                public static partial float Unrelated(ReadOnlySpan<float> p, ReadOnlySpan<float> y);

                public static double Call(double[] p, double[] y, double[] dp) => Mse(p, y, dp);
            }
            """;
        HarnessResult result = GeneratorHarness.Run(source);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "LG0099");
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Id is "CS8795" or "CS0111" or "CS0757");
        Diagnostic lg0021 = Assert.Single(result.LossGenDiagnostics);
        Assert.Equal("LG0021", lg0021.Id);
        Assert.Equal(
            new[] { "Overloads.L.Mse(ReadOnlySpan{double},ReadOnlySpan{double},Span{double}).g.cs", "Overloads.L.Mse(ReadOnlySpan{double},ReadOnlySpan{float},Span{double}).g.cs", "Overloads.L.Unrelated.g.cs" },
            result.GeneratedTrees.Select(t => Path.GetFileName(t.FilePath)).Where(n => !n.Contains('+', StringComparison.Ordinal)).OrderBy(n => n, StringComparer.Ordinal));

        var call = GeneratorHarness.Load(result.Output).GetType("Overloads.L")!.GetMethod("Call")!;
        double[] p = { 1, 2, 4 }, y = { 0, 0, 1 }, dp = new double[3];
        double value = (double)call.Invoke(null, new object[] { p, y, dp })!;
        Assert.Equal((1.0 + 4 + 9) / 3, value, 15);
        Assert.Equal(new[] { 2.0 / 3, 4.0 / 3, 6.0 / 3 }, dp);
    }
}
