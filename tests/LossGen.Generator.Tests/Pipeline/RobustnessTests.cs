using LossGen.Generator.Declarations;
using LossGen.Generator.Diagnostics;
using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit.Abstractions;

namespace LossGen.Generator.Tests.Pipeline;

/// <summary>
/// Bad input never crashes anything: deep nesting, huge formulas, random bytes, unicode,
/// unterminated constructs, every prefix of every formula and a seeded fuzz of ≥ 20,000 random and
/// mutated formulas all end in LG diagnostics (or valid code), never in an exception, a stack
/// overflow or LG0099 (the internal-error diagnostic that a caught exception would become).
/// </summary>
public class RobustnessTests(ITestOutputHelper output)
{
    /// <summary>Compiles on a thread with a 1 MB stack, the size of a compiler or IDE worker thread.</summary>
    private static CompileResult CompileOnSmallStack(string formula, ElementType element = ElementType.Float)
    {
        CompileResult? result = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = LossCompiler.Compile(Formulas.Declaration(formula, element, 0, "a", "b"));
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }, maxStackSize: 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Null(failure);
        return result!;
    }

    private static void AssertHandled(CompileResult result, string formula)
    {
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticDescriptors.InternalError.Id);
        Assert.NotNull(result.Source); // a body is always generated, throwing where the formula is wrong
        if (result.Diagnostics.Any(d => d.IsError))
        {
            Assert.Contains("InvalidOperationException", result.Source!.Text, StringComparison.Ordinal);
        }
        _ = formula;
    }

    public static TheoryData<string, string> Pathological()
    {
        var data = new TheoryData<string, string>
        {
            { "10,000 nested parentheses", new string('(', 10_000) + "p" + new string(')', 10_000) },
            { "10,000 unary minus", new string('-', 10_000) + "p" },
            { "10,000 nested calls", string.Concat(Enumerable.Repeat("exp(", 10_000)) + "p" + new string(')', 10_000) },
            { "10,000 powers", string.Concat(Enumerable.Repeat("p^", 10_000)) + "p" },
            { "10,000 conditionals", string.Concat(Enumerable.Repeat("p > 0 ? ", 10_000)) + "p" + string.Concat(Enumerable.Repeat(" : 0", 10_000)) },
            { "10,000 let-bindings", string.Concat(Enumerable.Range(0, 10_000).Select(i => $"t{i} = {(i == 0 ? "p" : "t" + (i - 1))} * 1.0001;")) + "t9999" },
            { "100 KB formula", string.Join(" + ", Enumerable.Repeat("p * y", 100_000 / 8)) },
            { "unterminated call", "max(p, (y" },
            { "unterminated conditional", "p > 0 ? p" },
            { "unterminated binding", "d = " },
            { "only operators", "+-*/^" },
            { "NUL and control characters", "p\0 + \u0001y" },
            { "lone surrogate", "p + \uD800" },
            { "right-to-left and emoji", "\u202Ep + y\U0001F4A5" },
            { "ideographic", "損失(p)" },
            { "huge exponent", "p ^ 1e308" },
            { "integer exponent 64", "p ^ 64" },
            { "integer exponent -64", "p ^ -64" },
            { "exponent 65", "p ^ 65" },
            { "chain of 200 let-bindings doubling", string.Concat(Enumerable.Range(0, 200).Select(i => $"t{i} = {(i == 0 ? "p" : "t" + (i - 1))} * {(i == 0 ? "y" : "t" + (i - 1))};")) + "t199" },
        };
        return data;
    }

    [Theory]
    [MemberData(nameof(Pathological))]
    public void PathologicalFormulasEndInDiagnosticsOrCode(string name, string formula)
    {
        CompileResult result = CompileOnSmallStack(formula);
        AssertHandled(result, formula);
        output.WriteLine($"{name}: {string.Join(", ", result.Diagnostics.Select(d => d.Id).DefaultIfEmpty("compiled"))}");
    }

    [Fact]
    public void DeepNestingIsReportedAsTooDeep()
    {
        // 9,000 levels fit the 20,000-character limit, so the depth limit is what stops them.
        CompileResult result = CompileOnSmallStack(new string('(', 9_000) + "p" + new string(')', 9_000));
        Assert.Contains(result.Diagnostics, d => d.Id == DiagnosticDescriptors.FormulaTooDeep.Id);
    }

    [Fact]
    public void EveryPrefixOfEveryFormulaIsHandled()
    {
        var formulas = Formulas.Standard.Concat(((IEnumerable<object[]>)Symbolic.DerivativeTests.Rules).Select(r => (string)r[0])).ToList();
        int count = 0;
        foreach (string formula in formulas)
        {
            for (int length = 0; length <= formula.Length; length++)
            {
                AssertHandled(LossCompiler.Compile(Formulas.Declaration(formula.Substring(0, length), ElementType.Float, 0, Formulas.ScalarsOf(formula))), formula.Substring(0, length));
                count++;
            }
        }
        output.WriteLine($"{count} prefixes of {formulas.Count} formulas handled");
    }

    [Fact]
    public void SeededFuzzOf20000FormulasNeverThrows()
    {
        int seed = Environment.GetEnvironmentVariable("LOSSGEN_FUZZ_SEED") is string s ? int.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 20261125;
        var random = new Random(seed);
        var generator = new RandomFormulas(seed);
        var pool = Formulas.Standard.ToList();
        int compiled = 0, rejected = 0;
        var ids = new SortedDictionary<string, int>();
        for (int i = 0; i < 20_000; i++)
        {
            string formula = (i % 4) switch
            {
                0 => generator.Any(1 + random.Next(40)),
                1 => generator.Noise(random.Next(60)),
                _ => generator.Mutate(pool[random.Next(pool.Count)]),
            };
            if (i % 4 == 0 && pool.Count < 500)
            {
                pool.Add(formula);
            }
            var element = i % 2 == 0 ? ElementType.Float : ElementType.Double;
            CompileResult result;
            try
            {
                result = LossCompiler.Compile(Formulas.Declaration(formula, element, i % 3, "a", "b"));
                AssertHandled(result, formula);
            }
            catch (Exception exception)
            {
                Assert.Fail($"fuzz seed {seed}, case {i}, formula {System.Text.Json.JsonSerializer.Serialize(formula)}: {exception}");
                return;
            }
            foreach (var d in result.Diagnostics)
            {
                ids[d.Id] = ids.GetValueOrDefault(d.Id) + 1;
            }
            if (result.Diagnostics.Any(d => d.IsError))
            {
                rejected++;
            }
            else
            {
                compiled++;
            }
        }
        output.WriteLine($"seed {seed}: 20000 formulas, {compiled} compiled, {rejected} rejected with diagnostics: {string.Join(", ", ids.Select(kv => kv.Key + "×" + kv.Value))}");
        Assert.True(compiled > 1000 && rejected > 1000, "the fuzz should exercise both paths");
    }

    [Fact]
    public void FuzzedFormulasThroughTheRealCompilerProduceNoCrashAndValidCode()
    {
        // A smaller sample through Roslyn itself: no AD0001/CS8785, and every accepted formula's
        // generated code compiles without errors.
        const int seed = 77;
        var random = new Random(seed);
        var generator = new RandomFormulas(seed);
        var members = new List<string>();
        for (int i = 0; i < 150; i++)
        {
            string formula = i % 3 == 0 ? generator.Noise(random.Next(30)) : generator.Any(1 + random.Next(30));
            string literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(formula, quote: true);
            string t = i % 2 == 0 ? "float" : "double";
            members.Add($"    [Loss({literal})]\n    public static partial {t} M{i}(ReadOnlySpan<{t}> p, ReadOnlySpan<{t}> y, {t} a, {t} b, Span<{t}> dp, out {t} da);");
        }
        string source = "using System;\nusing LossGen;\n#pragma warning disable LG0030\nnamespace Fuzz;\npublic static partial class L\n{\n" + string.Join("\n", members) + "\n}\n";
        HarnessResult result = GeneratorHarness.Run(source);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id is "CS8785" or "AD0001");
        Assert.DoesNotContain(result.AnalyzerDiagnostics.Concat(result.AnalyzerAloneDiagnostics), d => d.Id is "AD0001" or "LG0099");
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Id == "LG0099");
        var compilerErrors = result.CompilerDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(compilerErrors.Count == 0, string.Join("\n", compilerErrors.Take(10)));
        Assert.Equal(150, result.GeneratedTrees.Count());
    }
}
