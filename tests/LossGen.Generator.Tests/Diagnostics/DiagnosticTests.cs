using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Diagnostics;

/// <summary>
/// One test per diagnostic: its id, severity and message, and the exact span it points at. Each
/// case marks the expected span in the declaration with <c>[| |]</c>; a failure prints what the
/// user would see (the source line with carets under the reported span).
/// </summary>
public class DiagnosticTests
{
    private const string FloatPY = "ReadOnlySpan<float> p, ReadOnlySpan<float> y";

    private static string Wrap(string members) => $$"""
        using System;
        using LossGen;

        namespace Tests;

        public static partial class L
        {
        {{members}}
        }
        """;

    /// <summary>
    /// The LG diagnostics of a build (generator and analyzer together), after checking that each is
    /// reported once and that the analyzer alone (the IDE before the generator has run) reports the
    /// same ones at the same places.
    /// </summary>
    internal static List<Diagnostic> LossGenDiagnostics(string source)
    {
        HarnessResult result = GeneratorHarness.Run(source);
        List<Diagnostic> build = result.LossGenDiagnostics;
        var alone = result.AnalyzerAloneDiagnostics.Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
        static string Key(Diagnostic d) => d.Id + "@" + d.Location.SourceSpan + ": " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(build.Select(Key).Distinct(), build.Select(Key));
        Assert.Equal(alone.Select(Key), build.Select(Key));
        return build;
    }

    /// <summary>Asserts exactly one LG diagnostic with <paramref name="expected"/> as "ID Severity: message", at the marked span.</summary>
    private static void AssertSingle(string markedSource, string expected)
    {
        (string source, int start, int length) = SpanMarkup.Parse(markedSource);
        var diagnostics = LossGenDiagnostics(source);
        string seen = string.Join("\n", diagnostics.Select(CaretRenderer.Render));
        Assert.True(diagnostics.Count == 1, "expected one LG diagnostic, got:\n" + seen);
        Diagnostic d = diagnostics[0];
        Assert.Equal(expected, $"{d.Id} {d.Severity}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.True(d.Location.SourceSpan.Start == start && d.Location.SourceSpan.Length == length,
            $"expected the span [{start}, {start + length}) '{source.Substring(start, length)}', got:\n{seen}");
        Assert.True(d.Location.IsInSource);
    }

    private static string Method(string formula, string parameters = FloatPY, string returns = "float", string extra = "") =>
        Wrap($"    [Loss({formula}{extra})]\n    public static partial {returns} M({parameters});");

    [Fact]
    public void LG0001_SyntaxError_PointsAtTheOffendingCharacter() =>
        AssertSingle(Method("\"(p - y)^[|^|]2\""), "LG0001 Error: Syntax error in loss formula: expected a number, a name or '(' but found '^'");

    [Fact]
    public void LG0001_UnexpectedEnd_PointsAtTheEndOfTheFormula() =>
        AssertSingle(Method("\"(p - y[||]\""), "LG0001 Error: Syntax error in loss formula: expected ')' but found the end of the formula");

    [Fact]
    public void LG0001_InvalidCharacter() =>
        AssertSingle(Method("\"p [|#|] y\""), "LG0001 Error: Syntax error in loss formula: the character '#' cannot appear in a formula");

    [Fact]
    public void LG0001_VerbatimLiteralMapsExactly() =>
        AssertSingle(Method("@\"(p - y)^[|^|]2\""), "LG0001 Error: Syntax error in loss formula: expected a number, a name or '(' but found '^'");

    [Fact]
    public void LG0001_RawLiteralMapsExactly() =>
        AssertSingle(Method("\"\"\"(p - y)^[|^|]2\"\"\""), "LG0001 Error: Syntax error in loss formula: expected a number, a name or '(' but found '^'");

    [Fact]
    public void LG0002_InAMultiLineRawLiteralPointsAtTheName() =>
        AssertSingle(Method("\"\"\"\n        d = abs(p - y); // the error\n        d < 1 ? d : [|dd|]\n        \"\"\""),
            "LG0002 Error: The name 'dd' is not a let-binding, an input of the method, or 'pi'; did you mean 'd'?");

    [Fact]
    public void LG0001_InAVerbatimLiteralOverLinesWithDoubledQuotes() =>
        AssertSingle(Method("@\"d = abs(p - y); // \"\"quoted\"\"\r\n    d [|$|] 2\""),
            "LG0001 Error: Syntax error in loss formula: the character '$' cannot appear in a formula");

    [Fact]
    public void LG0001_InAConcatenationPointsIntoTheRightPart() =>
        AssertSingle(Method("\"d = abs(p - y);\\n\" +\n        \"d ^[|)|]\""),
            "LG0001 Error: Syntax error in loss formula: expected a number, a name or '(' but found ')'");

    [Fact]
    public void LG0001_EscapedLiteralMapsExactly() =>
        AssertSingle(Method("\"(p - y)\\t^[|^|]2\""), "LG0001 Error: Syntax error in loss formula: expected a number, a name or '(' but found '^'");

    [Fact]
    public void LG0002_UnknownName() =>
        AssertSingle(Method("\"(p - [|q|])^2\""), "LG0002 Error: The name 'q' is not a let-binding, an input of the method, or 'pi'");

    [Theory]
    [InlineData("P", "; did you mean 'p'?")]
    [InlineData("yy", "; did you mean 'y'?")]
    [InlineData("delt", "; did you mean 'delta'?")]
    [InlineData("exp", "; 'exp' is a function: write 'exp(x)'")]
    [InlineData("zzz", "")]
    public void LG0002_SuggestsTheNearestName(string name, string hint) =>
        AssertSingle(Method("\"d = p - y; d^2 / [|" + name + "|]\"", FloatPY + ", float delta"),
            "LG0002 Error: The name '" + name + "' is not a let-binding, an input of the method, or 'pi'" + hint);

    [Fact]
    public void LG0003_UnknownFunction() =>
        AssertSingle(Method("\"[|foo|](p - y)\""), "LG0003 Error: 'foo' is not a LossGen function: the functions are exp, log, log1p, sqrt, tanh, abs, sign, sigmoid, softplus, min, max, pow, xlogy, clamp");

    [Theory]
    [InlineData("Exp", "did you mean 'exp'?")]
    [InlineData("Log", "did you mean 'log'?")]
    [InlineData("expp", "did you mean 'exp'?")]
    [InlineData("sigmod", "did you mean 'sigmoid'?")]
    [InlineData("ln", "write 'log' instead")]
    [InlineData("relu", "write 'max(x, 0)' instead")]
    [InlineData("softmax", "softmax over a row is exp(z - logsumexp(z)) in a row loss (RowLength); its log is z - logsumexp(z)")]
    public void LG0003_SuggestsWhatToWrite(string name, string hint) =>
        AssertSingle(Method("\"[|" + name + "|](p - y)\""), "LG0003 Error: '" + name + "' is not a LossGen function: " + hint);

    [Fact]
    public void LG0004_WrongArgumentCount() =>
        AssertSingle(Method("\"[|max(p, y, 1)|] - y\""), "LG0004 Error: 'max' takes 2 argument(s), but 3 were given");

    [Fact]
    public void LG0005_LetBindingReusesAParameterName() =>
        AssertSingle(Method("\"[|p|] = 2; p * y\""), "LG0005 Error: The let-binding 'p' reuses the name of the parameter 'p'");

    [Fact]
    public void LG0005_LetBindingReusesABindingName() =>
        AssertSingle(Method("\"d = p; [|d|] = y; d\""), "LG0005 Error: The let-binding 'd' reuses the name of an earlier let-binding");

    [Fact]
    public void LG0006_TruthValueUsedAsNumber() =>
        AssertSingle(Method("\"[|(p > y)|] * 2\""), "LG0006 Error: A truth value (comparison, &&, ||, !) is used as a number; it may only be the condition of '?:'");

    [Fact]
    public void LG0007_NumberUsedAsTruthValue() =>
        AssertSingle(Method("\"[|p|] ? y : 0\""), "LG0007 Error: A number is used where a truth value is needed; write a comparison such as 'x > 0'");

    [Fact]
    public void LG0008_FormulaTooDeep_PointsWhereTheLimitIsCrossed() =>
        // The expression is level 1, so the 256th '-' (offset 255) is level 257.
        AssertSingle(Method("\"" + new string('-', 255) + "[|-|]" + new string('-', 44) + "p + y\""), "LG0008 Error: The formula is nested more than 256 levels deep");

    [Fact]
    public void LG0008_LongOperatorChainCountsAsDepth()
    {
        // p + p + ... is a left-deep tree: its height passes 256 at the 256th '+'.
        string formula = "p" + string.Concat(Enumerable.Repeat(" + p", 300));
        int end = "p".Length + 256 * " + p".Length;
        AssertSingle(Method("\"[|" + formula.Substring(0, end) + "|]" + formula.Substring(end) + "\""), "LG0008 Error: The formula is nested more than 256 levels deep");
    }

    [Fact]
    public void LG0009_FormulaTooLarge_CoversTheLiteral() =>
        AssertSingle(Method("[|\"" + string.Join(" + ", Enumerable.Repeat("p", 10_001)) + "\"|]"), "LG0009 Error: The formula is too large: 40001 characters (the limit is 20000 characters)");

    [Fact]
    public void LG0010_NullFormula() =>
        AssertSingle(Method("[|null!|]"), "LG0010 Error: The [Loss] attribute needs a non-null constant formula string");

    [Fact]
    public void LG0011_NumberOutOfRange() =>
        AssertSingle(Method("\"[|1e999|] * (p - y)\""), "LG0011 Error: The number '1e999' is not finite in double precision");

    [Fact]
    public void LG0020_UnsupportedParameterType() =>
        AssertSingle(Method("\"p\"", "ReadOnlySpan<float> p, ReadOnlySpan<long> [|k|]"), "LG0020 Error: Parameter 'k' has no LossGen role: its type System.ReadOnlySpan<long> is not ReadOnlySpan<T>, Span<T> or T for T = float or double");

    [Fact]
    public void LG0020_RefScalar() =>
        AssertSingle(Method("\"p * a\"", "ReadOnlySpan<float> p, ref float [|a|]"), "LG0020 Error: Parameter 'a' has no LossGen role: a scalar is passed by value (an input) or as 'out' (a gradient)");

    [Fact]
    public void LG0021_MixedElementTypes() =>
        AssertSingle(Method("\"p - y\"", "ReadOnlySpan<float> p, ReadOnlySpan<double> [|y|]"), "LG0021 Error: Parameter 'y' uses double, but the loss's element type is float; every span, scalar and the return type must use one of float or double");

    [Fact]
    public void LG0022_GradientWithoutInput() =>
        AssertSingle(Method("\"p - y\"", FloatPY + ", Span<float> [|dq|]"), "LG0022 Error: Gradient output 'dq' has no matching input: there is no input named 'q'; an output is named 'loss' or 'd' followed by an input's name (e.g. 'dp' for the input 'p')");

    [Theory]
    [InlineData("gradP", "an output is named 'loss' or 'd' followed by an input's name; did you mean 'dp'?")]
    [InlineData("dP2", "did you mean 'd2p'? A second derivative is named 'd2' followed by the input's name")]
    [InlineData("dp2", "did you mean 'd2p'? A second derivative is named 'd2' followed by the input's name")]
    [InlineData("dpp", "there is no input named 'pp'; did you mean 'dp'?")]
    [InlineData("d2q", "there is no input named 'q' for this second derivative; it is named 'd2' followed by an input's name (e.g. 'd2p' for the input 'p')")]
    [InlineData("d2pp", "there is no input named 'pp' for this second derivative; did you mean 'd2p'?")]
    public void LG0022_SuggestsTheGradientName(string name, string hint) =>
        AssertSingle(Method("\"p - y\"", FloatPY + ", Span<float> [|" + name + "|]"), "LG0022 Error: Gradient output '" + name + "' has no matching input: " + hint);

    [Fact]
    public void LG0022_AnInputDeclaredAsASpanIsNamed()
    {
        HarnessResult result = GeneratorHarness.Run(Wrap("    [Loss(\"(p - y)^2\")]\n    public static partial float M(Span<float> p, ReadOnlySpan<float> y, Span<float> dp);").Replace("[|", "").Replace("|]", ""));
        var messages = result.LossGenDiagnostics.Where(d => d.Id == "LG0022").Select(d => d.GetMessage()).ToList();
        Assert.Contains("Gradient output 'p' has no matching input: 'p' is a Span, which LossGen reads as an output; declare the input 'p' as a ReadOnlySpan", messages);
        Assert.Contains("Gradient output 'dp' has no matching input: 'p' is declared as a Span, which LossGen reads as an output; declare the input 'p' as a ReadOnlySpan", messages);
    }

    [Fact]
    public void LG0022_AnInputDeclaredOutIsNamed()
    {
        HarnessResult result = GeneratorHarness.Run(Wrap("    [Loss(\"(a * x - y)^2\")]\n    public static partial float M(ReadOnlySpan<float> x, ReadOnlySpan<float> y, out float a, out float da);"));
        var messages = result.LossGenDiagnostics.Where(d => d.Id == "LG0022").Select(d => d.GetMessage()).ToList();
        Assert.Contains("Gradient output 'a' has no matching input: 'a' is an out scalar, which LossGen reads as an output; declare the input 'a' without 'out'", messages);
        Assert.Contains("Gradient output 'da' has no matching input: 'a' is declared as an out scalar, which LossGen reads as an output; declare the input 'a' without 'out'", messages);
        Assert.DoesNotContain(messages, m => m.Contains("Span", StringComparison.Ordinal));
    }

    /// <summary>The gradient of a parameter that is no input, but not because it was declared as an output, is not told to make it a ReadOnlySpan.</summary>
    [Theory]
    [InlineData("\"(p - y)^2\"", "ReadOnlySpan<float> p, ReadOnlySpan<float> y, ref float q, Span<float> [|dq|]", "there is no input named 'q'")]
    [InlineData("\"(p - y)^2\"", "ReadOnlySpan<float> y, ReadOnlySpan<double> p, Span<float> [|dp|]", "there is no input named 'p'")]
    [InlineData("\"logsumexp(z) - z[t]\", RowLength = nameof(k)", "ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, Span<float> dz, Span<float> [|dt|]", "there is no input named 't'")]
    [InlineData("\"logsumexp(z) - z[t]\", RowLength = nameof(k)", "ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, Span<float> dz, Span<float> [|dk|]", "there is no input named 'k'")]
    public void LG0022_ParametersThatAreNotOutputsAreNotCalledSpans(string attribute, string parameters, string hint)
    {
        HarnessResult result = GeneratorHarness.Run(Wrap("    [Loss(" + attribute + ")]\n    public static partial float M(" + parameters + ");").Replace("[|", "").Replace("|]", ""));
        string message = Assert.Single(result.LossGenDiagnostics, d => d.Id == "LG0022").GetMessage();
        Assert.Contains(hint, message, StringComparison.Ordinal);
        Assert.DoesNotContain("Span", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LG0022_ADerivativeNameEndingInTwoOfAScalarIsNotSentToD2()
    {
        // d2s would be LG0036 (no second derivative of a scalar input): the hint is the gradient's name.
        AssertSingle(Method("\"s * (p - y)\"", FloatPY + ", float s, out float [|ds2|]"), "LG0022 Error: Gradient output 'ds2' has no matching input: there is no input named 's2'; did you mean 'ds'?");
    }

    [Fact]
    public void LG0023_NoneWithoutLossSpan() =>
        AssertSingle(Wrap("    [Loss(\"p - y\", Reduction = Reduction.None)]\n    public static partial void [|M|](" + FloatPY + ");"), "LG0023 Error: With Reduction.None the method must declare 'Span<float> loss' to receive the per-element losses");

    [Fact]
    public void LG0024_WrongReturnType() =>
        AssertSingle(Wrap("    [Loss(\"p - y\", Reduction = Reduction.Sum)]\n    public static partial void [|M|](" + FloatPY + ");"), "LG0024 Error: With Reduction.Sum the method must return float");

    [Fact]
    public void LG0025_ScalarGradientWithNone() =>
        AssertSingle(Method("\"a * p\"", "ReadOnlySpan<float> p, float a, Span<float> loss, out float [|da|]", "void", ", Reduction = Reduction.None"), "LG0025 Error: Scalar gradient 'da' needs Reduction.Mean or Reduction.Sum; with Reduction.None there is no single value to differentiate");

    [Fact]
    public void LG0026_NoElementwiseInput() =>
        AssertSingle(Wrap("    [Loss(\"a * a\")]\n    public static partial float [|M|](float a, out float da);"), "LG0026 Error: A loss needs at least one element-wise input 'ReadOnlySpan<float>' or 'ReadOnlySpan<double>'");

    [Fact]
    public void LG0027_MethodNotPartial() =>
        AssertSingle(Wrap("    [Loss(\"p - y\")]\n    public static float [|M|](" + FloatPY + ");"), "LG0027 Error: Method 'Tests.L.M' must be declared 'partial' without a body; LossGen writes the body");

    [Fact]
    public void LG0028_ContainingTypeNotPartial() => AssertSingle("""
        using System;
        using LossGen;

        public static partial class Outer
        {
            public static class [|Inner|]
            {
                [Loss("p - y")]
                public static partial float M(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
            }
        }
        """, "LG0028 Error: Type 'Outer.Inner', which contains the [Loss] method 'M', must be declared 'partial' (write 'static partial class Inner') so that LossGen can add the method's body");

    [Fact]
    public void LG0028_NamesEveryNonPartialTypeOnTheWay() =>
        Assert.Equal(
            new[] { "LG0028 Type 'N.Outer', which contains the [Loss] method 'M', must be declared 'partial' (write 'partial class Outer') so that LossGen can add the method's body",
                    "LG0028 Type 'N.Outer.Inner<T>', which contains the [Loss] method 'M', must be declared 'partial' (write 'partial struct Inner<T>') so that LossGen can add the method's body" },
            LossGenDiagnostics("""
                using System;
                using LossGen;
                namespace N;
                public class Outer
                {
                    public struct Inner<T>
                    {
                        [Loss("p - y")]
                        public static partial float M(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
                    }
                }
                """).Select(d => d.Id + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void LG0029_GenericMethod() =>
        AssertSingle(Wrap("    [Loss(\"p - y\")]\n    public static partial float [|M|]<T>(" + FloatPY + ");"), "LG0029 Error: Method 'M' must not be generic; choose float or double");

    [Fact]
    public void LG0030_UnusedInput_IsAWarning() =>
        AssertSingle(Method("\"(p - 1)^2\"", "ReadOnlySpan<float> p, ReadOnlySpan<float> [|y|], Span<float> dy"), "LG0030 Warning: The formula never uses input 'y'; its gradient 'dy' is filled with zeros");

    [Fact]
    public void LG0031_LossSpanWithoutNone() =>
        AssertSingle(Method("\"p - y\"", FloatPY + ", Span<float> [|loss|]"), "LG0031 Error: 'Span<float> loss' receives per-element losses and is only allowed with Reduction.None");

    [Fact]
    public void LG0032_DuplicateGradient() =>
        AssertSingle(Method("\"p - y\"", FloatPY + ", Span<float> dp, Span<float> [|dP|]"), "LG0032 Error: Input 'p' already has the gradient output 'dp'");

    [Fact]
    public void LG0033_InvalidReduction() =>
        AssertSingle(Wrap("    [Loss(\"p - y\", [|Reduction = (Reduction)7|])]\n    public static partial float M(" + FloatPY + ");"), "LG0033 Error: Reduction value 7 is not Mean, Sum or None");

    [Fact]
    public void LG0034_GradientOfTheWrongKind() =>
        AssertSingle(Method("\"a * p\"", "ReadOnlySpan<float> p, float a, Span<float> [|da|]"), "LG0034 Error: Gradient output 'da' for scalar input 'a' must be declared as 'out float da'");

    [Fact]
    public void LG0011_ANumberBeyondFloat() =>
        AssertSingle(Method("\"(p - y)^2 + [|1e39|]\""), "LG0011 Error: The number '1e39' is not finite in float precision");

    [Fact]
    public void LG0005_IsNotFollowedByLG0002ForTheSameName() =>
        AssertSingle(Method("\"[|p|] = y * 2; p^2\""), "LG0005 Error: The let-binding 'p' reuses the name of the parameter 'p'");

    [Fact]
    public void LG0022_SuggestsLossForLosses() =>
        AssertSingle(Method("\"p - y\"", FloatPY + ", Span<float> [|losses|]", returns: "void", extra: ", Reduction = Reduction.None").Replace("public static partial void M(", "public static partial void M("),
            "LG0022 Error: Gradient output 'losses' has no matching input: the per-element losses of Reduction.None go to a span named 'loss'; did you mean 'loss'?");

    [Fact]
    public void ArrayParametersAreOneMistakeNotTwo() =>
        Assert.Equal(new[] { "LG0020", "LG0020" }, LossGenDiagnostics(Method("\"(p - y)^2\"", "float[] p, float[] y")).Select(d => d.Id));

    [Fact]
    public void LG0037_HessianWithoutScalarGradients() =>
        AssertSingle(Method("\"(a * p - y)^2\"", FloatPY + ", float a, Span<float> [|hessian|]"),
            "LG0037 Error: The Hessian output 'hessian' is taken in the scalar parameters that have gradient outputs, and there are none; declare them (e.g. 'out float da' for the scalar 'a')");

    [Fact]
    public void LG0025_AHessianNeedsAReduction() =>
        AssertSingle(Method("\"(a * p - y)^2\"", FloatPY + ", float a, Span<float> loss, Span<float> [|hessian|]", returns: "void", extra: ", Reduction = Reduction.None"),
            "LG0025 Error: Scalar gradient 'hessian' needs Reduction.Mean or Reduction.Sum; with Reduction.None there is no single value to differentiate");

    [Fact]
    public void LG0022_SuggestsHessian() =>
        AssertSingle(Method("\"(a * p - y)^2\"", FloatPY + ", float a, out float da, Span<float> [|hesian|]"),
            "LG0022 Error: Gradient output 'hesian' has no matching input: the Hessian of the scalar parameters goes to a span named 'hessian'; did you mean 'hessian'?");

    [Fact]
    public void LG0036_SecondDerivativeOfAScalarInput() =>
        AssertSingle(Method("\"(a * p - y)^2\"", FloatPY + ", float a, Span<float> [|d2a|]"),
            "LG0036 Error: Second-derivative output 'd2a' is for the scalar input 'a'; second derivatives ('d2' + name) are for element-wise inputs, and those of scalar parameters come as one matrix: declare 'Span<T> hessian' beside their gradient outputs");

    [Fact]
    public void LG0034_ASecondDerivativeIsASpan() =>
        AssertSingle(Method("\"(p - y)^2\"", FloatPY + ", out float [|d2p|]"), "LG0034 Error: Gradient output 'd2p' for element-wise input 'p' must be declared as 'Span<float> d2p'");

    [Fact]
    public void LG0032_ASecondDerivativeOnce() =>
        AssertSingle(Method("\"(p - y)^2\"", FloatPY + ", Span<float> d2p, Span<float> [|d2P|]"), "LG0032 Error: Input 'p' already has the gradient output 'd2p'");

    [Fact]
    public void LG0035_MethodAlreadyImplemented() =>
        AssertSingle(Wrap("    [Loss(\"p - y\")]\n    public static float [|M|](" + FloatPY + ") => 0;"), "LG0035 Error: Method 'M' already has a body; a [Loss] method is a partial declaration whose body LossGen writes");

    [Fact]
    public void Warnings_CanBeSuppressedWithPragma()
    {
        string source = Wrap("#pragma warning disable LG0030\n    [Loss(\"(p - 1)^2\")]\n    public static partial float M(" + FloatPY + ");\n#pragma warning restore LG0030");
        var result = GeneratorHarness.Run(source);
        // Suppressed wherever it comes from: the generator (a build) and the analyzer (the IDE, before the generator runs).
        Assert.Contains(GeneratorHarness.Run(source.Replace("#pragma warning disable LG0030\n", "")).LossGenDiagnostics, d => d.Id == "LG0030");
        Assert.DoesNotContain(result.LossGenDiagnostics, d => d.Id == "LG0030" && !d.IsSuppressed);
        Assert.DoesNotContain(result.AnalyzerAloneDiagnostics, d => d.Id == "LG0030" && !d.IsSuppressed);
    }

    [Fact]
    public void ErrorsStillGetABody_SoTheUserNeverSeesCS8795()
    {
        var result = GeneratorHarness.Run(Method("\"(p - y)^^2\""));
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Id is "CS8795" or "CS8785");
        Assert.Contains("throw new global::System.InvalidOperationException(\"LG0001: Syntax error", result.GeneratedText("M"));
    }

    [Fact]
    public void EveryDescriptorHasAHelpLinkIntoTheDocs()
    {
        foreach (var descriptor in new LossDiagnosticAnalyzer().SupportedDiagnostics)
        {
            Assert.EndsWith("docs/diagnostics.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal);
        }
    }
}
