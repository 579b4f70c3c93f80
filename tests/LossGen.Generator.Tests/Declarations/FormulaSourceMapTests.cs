using LossGen.Generator.Declarations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGen.Generator.Tests.Declarations;

/// <summary>
/// Offsets in a formula's value map back to the right source characters for every way of writing a C#
/// string: each value character of the formula, mapped back, must be the source text that produces it.
/// </summary>
public class FormulaSourceMapTests
{
    public static TheoryData<string, string> Literals() => new()
    {
        { "regular", "\"(p - y)^2\"" },
        { "regular with escapes", "\"d = abs(p - y);\\n\\td < 1 ? \\u0064 : \\x64 + \\\"\\\\\\\" \\U0001F600\"" },
        { "verbatim", "@\"d = abs(p - y);\n  d < 1 ? \"\"q\"\" : d\"" },
        { "single-line raw", "\"\"\"(p - y)^2 with \"quotes\" \"\"\"" },
        { "multi-line raw", "\"\"\"\n        d = abs(p - y); // comment\n\n        d < delta\n          ? d\n          : 2 * d\n        \"\"\"" },
        { "multi-line raw, CRLF and a blank line with spaces", "\"\"\"\r\n    d = abs(p - y);\r\n  \r\n    d^2\r\n    \"\"\"" },
        { "four quotes", "\"\"\"\"\n  a \"\"\" b\n  \"\"\"\"" },
        { "concatenation", "\"d = abs(p - y);\\n\" + @\"d^2\" + (\"\"\"+ 1\"\"\")" },
    };

    [Theory]
    [MemberData(nameof(Literals))]
    public void EveryValueCharacterMapsToTheSourceThatWritesIt(string name, string literal)
    {
        string source = "class C { const string F = " + literal + "; }";
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12));
        Assert.Empty(tree.GetDiagnostics());
        var expression = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single().Initializer!.Value;
        string value = Value(expression);
        FormulaSourceMap? map = SourceAnchors.MapOf(expression);
        Assert.True(map is not null, name);
        Assert.Equal(value.Length, map!.ValueLength);
        for (int i = 0; i < value.Length; i++)
        {
            (int start, int length) = map.Map(i, 1)!.Value;
            string written = source.Substring(start, length);
            string decoded = Value(SyntaxFactory.ParseExpression(Quote(written)));
            if (char.IsSurrogate(value[i]))
            {
                Assert.Contains(value[i], decoded); // one \U escape writes both halves of a pair
            }
            else
            {
                Assert.Equal(value[i].ToString(), decoded);
            }
        }
        // A span maps to the characters from its first to its last.
        (int s, int l) = map.Map(0, value.Length)!.Value;
        Assert.True(s >= expression.SpanStart && s + l <= expression.Span.End);
    }

    [Fact]
    public void AConstantOrInterpolationHasNoMap()
    {
        Assert.Null(SourceAnchors.MapOf(SyntaxFactory.ParseExpression("Formulas.Huber")));
        Assert.Null(SourceAnchors.MapOf(SyntaxFactory.ParseExpression("$\"(p - y)^{2}\"")));
        Assert.Null(SourceAnchors.MapOf(SyntaxFactory.ParseExpression("\"p\" + Formulas.Rest")));
    }

    [Fact]
    public void EmptySpansMapJustBeforeTheirCharacterOrAfterTheLast()
    {
        FormulaSourceMap map = SourceAnchors.MapOf(SyntaxFactory.ParseExpression("\"ab\""))!;
        Assert.Equal((1, 0), map.Map(0, 0));
        Assert.Equal((3, 0), map.Map(2, 0));
        Assert.Null(map.Map(3, 0));
    }

    private static string Value(ExpressionSyntax expression) => ConstantOf(expression);

    private static string ConstantOf(ExpressionSyntax expression)
    {
        SyntaxTree tree = CSharpSyntaxTree.ParseText("class C { const string F = " + expression.ToFullString() + "; }", new CSharpParseOptions(LanguageVersion.CSharp12));
        var compilation = CSharpCompilation.Create("x", new[] { tree }, new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });
        var value = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single().Initializer!.Value;
        return (string)compilation.GetSemanticModel(tree).GetConstantValue(value).Value!;
    }

    /// <summary>The source text of one value character as a literal of its own: escapes and doubled quotes are kept, plain text is quoted.</summary>
    private static string Quote(string written) =>
        written.Length > 1 && written.StartsWith('\\') ? "\"" + written + "\""
        : written == "\"\"" ? "@\"\"\"\""
        : Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(written, quote: true);
}
