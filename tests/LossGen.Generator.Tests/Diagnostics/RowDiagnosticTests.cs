using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Diagnostics;

/// <summary>The row-loss diagnostics (LG0012–LG0016, LG0038–LG0040): message and exact span, as in <see cref="DiagnosticTests"/>.</summary>
public class RowDiagnosticTests
{
    private const string Ce = "ReadOnlySpan<float> z, ReadOnlySpan<int> t, Span<float> dz";

    private static string Method(string attribute, string parameters = Ce) => $$"""
        using System;
        using LossGen;

        namespace Tests;

        public static partial class L
        {
            [Loss({{attribute}})]
            public static partial float M({{parameters}});
        }
        """;

    private static void AssertSingle(string markedSource, string expected)
    {
        (string source, int start, int length) = SpanMarkup.Parse(markedSource);
        var diagnostics = DiagnosticTests.LossGenDiagnostics(source);
        string seen = string.Join("\n", diagnostics.Select(CaretRenderer.Render));
        Assert.True(diagnostics.Count == 1, "expected one LG diagnostic, got:\n" + seen);
        Diagnostic d = diagnostics[0];
        Assert.Equal(expected, $"{d.Id} {d.Severity}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
        Assert.True(d.Location.SourceSpan.Start == start && d.Location.SourceSpan.Length == length,
            $"expected the span [{start}, {start + length}) '{source.Substring(start, length)}', got:\n{seen}");
    }

    [Fact]
    public void ValidRowLossesHaveNoDiagnostics()
    {
        Assert.Empty(DiagnosticTests.LossGenDiagnostics(Method("\"logsumexp(z) - z[t]\", RowLength = \"10\"")));
        Assert.Empty(DiagnosticTests.LossGenDiagnostics(Method("\"logsumexp(z) - z[t]\", RowLength = nameof(k)", "ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, Span<float> dz")));
        Assert.Empty(DiagnosticTests.LossGenDiagnostics(Method("\"m = max(z); w * (m + log(sum(exp(z - m))) - mean(z))\", RowLength = \"40\"", "ReadOnlySpan<float> z, ReadOnlySpan<float> w, Span<float> dz, Span<float> dw")));
    }

    [Fact]
    public void LG0012_TheLossIsARow() =>
        AssertSingle(Method("\"[|z - z[t]|]\", RowLength = \"10\""), "LG0012 Error: This is a row (K values per sample), but the loss must be one value per sample; reduce the row first with sum, mean, max, min, logsumexp or a gather such as 'z[t]'");

    [Fact]
    public void LG0013_GatherFromAReduction() =>
        AssertSingle(Method("\"[|max(z)|][t]\", RowLength = \"10\""), "LG0013 Error: Only a row has components to gather, and this is one value per sample; index a row input or a row expression, as in 'z[t]'");

    [Fact]
    public void LG0014_FloatIndex() =>
        AssertSingle(Method("\"logsumexp(z) - z[[|y|]]\", RowLength = \"10\"", "ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz"),
            "LG0014 Error: The index of a gather must be a class-index input declared 'ReadOnlySpan<int>'; 'y' is not one");

    [Fact]
    public void LG0014_MisspeltIndex() =>
        AssertSingle(Method("\"logsumexp(z) - z[[|tt|]]\", RowLength = \"10\""), "LG0014 Error: The index of a gather must be a class-index input declared 'ReadOnlySpan<int>'; did you mean 't'?");

    [Fact]
    public void LG0014_ExpressionIndex() =>
        AssertSingle(Method("\"logsumexp(z) - z[[|1|]] - z[t]\", RowLength = \"10\""), "LG0014 Error: The index of a gather must be a class-index input declared 'ReadOnlySpan<int>'; an expression or a number cannot index a row");

    [Fact]
    public void LG0015_IndicesAsANumber() =>
        AssertSingle(Method("\"logsumexp(z) - z[t] + [|t|]\", RowLength = \"10\""), "LG0015 Error: 't' holds class indices (ReadOnlySpan<int>), which may only index a row, as in 'z[t]'");

    [Fact]
    public void LG0016_ReductionWithoutRowLength() =>
        AssertSingle(Method("\"[|logsumexp|](z) - z[t]\""), "LG0016 Error: 'logsumexp' works on rows of K values per sample, which needs the attribute's RowLength: write RowLength = \"10\" for a constant K or RowLength = nameof(k) for an 'int k' parameter");

    [Fact]
    public void LG0016_IndexWithoutRowLength() =>
        AssertSingle(Method("\"[|z[t]|]\""), "LG0016 Error: Indexing works on rows of K values per sample, which needs the attribute's RowLength: write RowLength = \"10\" for a constant K or RowLength = nameof(k) for an 'int k' parameter");

    [Theory]
    [InlineData("\"0\"", "\"0\" is not a positive number of values per row: K must be an integer from 1 to 2147483647")]
    [InlineData("\"-3\"", "\"-3\" is not a positive number of values per row: K must be an integer from 1 to 2147483647")]
    [InlineData("\"kk\"", "\"kk\" is neither a positive integer constant (RowLength = \"10\") nor the name of an 'int' parameter (RowLength = nameof(k)); did you mean 'k'?")]
    // Not close to any name: the only 'int' parameter is suggested.
    [InlineData("\"classes\"", "\"classes\" is neither a positive integer constant (RowLength = \"10\") nor the name of an 'int' parameter (RowLength = nameof(k)); did you mean 'k'?")]
    public void LG0038_InvalidRowLength(string rowLength, string message) =>
        AssertSingle(Method("\"logsumexp(z) - z[t]\", [|RowLength = " + rowLength + "|]", "ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, Span<float> dz"),
            "LG0038 Error: RowLength " + message);

    [Fact]
    public void LG0038_RowLengthNamesAFloat() =>
        AssertSingle(Method("\"logsumexp(z) - z[t] + 0 * q\", [|RowLength = nameof(q)|]", "ReadOnlySpan<float> z, ReadOnlySpan<int> t, float q, Span<float> dz"),
            "LG0038 Error: RowLength \"q\" names the parameter 'q', which is not an 'int' passed by value; the run-time row length is declared 'int q'");

    [Fact]
    public void LG0039_RowLengthWithoutRows() =>
        AssertSingle(Method("\"(p - y)^2\", [|RowLength = \"10\"|]", "ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp"),
            "LG0039 Error: RowLength is set, but the formula has no row: a row is an input used inside sum, mean, max, min or logsumexp of one argument, or indexed as in 'z[t]'");

    [Fact]
    public void LG0040_SecondDerivativeOfARowLoss() =>
        AssertSingle(Method("\"logsumexp(z) - z[t]\", RowLength = \"10\"", Ce + ", Span<float> [|d2z|]"),
            "LG0040 Error: Second derivatives ('d2z') are not available for row losses in this version; declare the gradient only");

    [Fact]
    public void ConstantRowLengthUpTo32IsUnrolledBeyondItLooped()
    {
        string Kernel(string k)
        {
            HarnessResult result = GeneratorHarness.Run(Method("\"logsumexp(z) - z[t]\", RowLength = \"" + k + "\""));
            Assert.DoesNotContain(result.AllDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
            return result.GeneratedText("M");
        }
        string unrolled = Kernel("32");
        Assert.DoesNotContain("for (; j", unrolled);
        Assert.Contains("LoadStrided(in zRef", unrolled);
        Assert.Contains("z_31", unrolled);
        string looped = Kernel("33");
        Assert.Contains("for (; j <= 33 - width; j += width)", looped);
    }
}
