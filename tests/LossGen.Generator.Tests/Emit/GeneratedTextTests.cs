using LossGen.Generator.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGen.Generator.Tests.Emit;

/// <summary>
/// The one helper through which user text enters generated code: whatever the text, a comment stays
/// one comment, an XML doc line stays well-formed, and a string literal has exactly the text as its
/// value. Checked by parsing what it produces with Roslyn, not by comparing strings.
/// </summary>
public class GeneratedTextTests
{
    public static TheoryData<string> Hostile() => new()
    {
        "p\ny", "p\r\ny", "p\ry", "p\u0085y", "p\u2028y", "p\u2029y",
        "*/ class Injected {} /*", "--> <!-- ]]> <![CDATA[", "</summary> <script>", "a & b < c > d",
        "\"", "\"\"\"", "\\", "\\\"", "\\u000A", "p // comment", "#if false", "\u202Ep + y", "\u200B", "\0", "\uD800 lone", "ok \U0001F4A5 pair",
        "p\n#error injected\nclass X {}",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void ACommentStaysOneComment(string text)
    {
        string source = "// " + GeneratedText.Comment(text) + "\nclass C { }\n";
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source);
        Assert.Empty(tree.GetDiagnostics());
        CompilationUnitSyntax root = tree.GetCompilationUnitRoot();
        Assert.Equal("C", Assert.IsType<ClassDeclarationSyntax>(Assert.Single(root.Members)).Identifier.Text);
        Assert.Single(root.DescendantTrivia(), t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        Assert.DoesNotContain(root.DescendantTrivia(), t => t.IsDirective);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AnXmlDocLineStaysWellFormed(string text)
    {
        string source = "/// <summary>Formula: <c>" + GeneratedText.Xml(text) + "</c>.</summary>\npublic class C { }\n";
        var options = new CSharpParseOptions(documentationMode: DocumentationMode.Diagnose);
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, options);
        Assert.Empty(tree.GetDiagnostics());
        CompilationUnitSyntax root = tree.GetCompilationUnitRoot();
        Assert.Single(root.Members);
        var doc = Assert.Single(root.DescendantTrivia(), t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia));
        Assert.Single(doc.GetStructure()!.DescendantNodes().OfType<XmlElementSyntax>(), e => e.StartTag.Name.ToString() == "summary");
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void AStringLiteralHoldsExactlyTheText(string text)
    {
        string source = "class C { const string S = " + GeneratedText.StringLiteral(text) + "; }\n";
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source);
        Assert.Empty(tree.GetDiagnostics());
        var literal = Assert.Single(tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>());
        Assert.Equal(text, literal.Token.ValueText);
        Assert.DoesNotContain('\n', source.TrimEnd('\n'));
    }

    [Fact]
    public void PrintableTextIsLeftAsItIs()
    {
        Assert.Equal("(p - y)^2 ∂l/∂p é 損失 \U0001F4A5", GeneratedText.Comment("(p - y)^2 ∂l/∂p é 損失 \U0001F4A5"));
        Assert.Equal("a &lt; b &amp;&amp; c &gt; d", GeneratedText.Xml("a < b && c > d"));
        Assert.Equal("\"say \\\"hi\\\" \\\\ \\n\"", GeneratedText.StringLiteral("say \"hi\" \\ \n"));
    }
}
