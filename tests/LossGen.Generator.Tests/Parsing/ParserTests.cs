using System.Globalization;
using LossGen.Generator.Parsing;

namespace LossGen.Generator.Tests.Parsing;

/// <summary>The grammar of docs/dsl.md: precedence, associativity, numbers, let-bindings, spans and errors.</summary>
public class ParserTests
{
    /// <summary>The tree as an S-expression, for compact assertions.</summary>
    private static string S(ExprSyntax e) => e switch
    {
        NumberSyntax n => n.Value.ToString("R", CultureInfo.InvariantCulture),
        NameSyntax n => n.Name,
        ParenthesizedSyntax p => S(p.Inner),
        UnarySyntax u => "(" + Token.Spell(u.Operator) + " " + S(u.Operand) + ")",
        BinarySyntax b => "(" + Token.Spell(b.Operator) + " " + S(b.Left) + " " + S(b.Right) + ")",
        ConditionalSyntax c => "(? " + S(c.Condition) + " " + S(c.WhenTrue) + " " + S(c.WhenFalse) + ")",
        CallSyntax c => "(" + c.Name + (c.Arguments.Count > 0 ? " " : "") + string.Join(" ", c.Arguments.Select(S)) + ")",
        _ => "?",
    };

    private static FormulaSyntax Parse(string text)
    {
        ParseResult result = Parser.Parse(text);
        Assert.True(result.Error is null, result.Error?.FormatMessage());
        return result.Formula!;
    }

    [Theory]
    [InlineData("-x^2", "(- (^ x 2))")]
    [InlineData("2^-1", "(^ 2 (- 1))")]
    [InlineData("a^b^c", "(^ a (^ b c))")]
    [InlineData("a - b - c", "(- (- a b) c)")]
    [InlineData("a / b * c", "(* (/ a b) c)")]
    [InlineData("a + b * c", "(+ a (* b c))")]
    [InlineData("(a + b) * c", "(* (+ a b) c)")]
    [InlineData("a < b ? c : d ? e : f", "(? (< a b) c (? d e f))")]
    [InlineData("a && b || c && d", "(|| (&& a b) (&& c d))")]
    [InlineData("!a && b", "(&& (! a) b)")]
    [InlineData("a + b < c * d", "(< (+ a b) (* c d))")]
    [InlineData("a == b", "(== a b)")]
    [InlineData("a != b", "(!= a b)")]
    [InlineData("a >= b", "(>= a b)")]
    [InlineData("a <= b", "(<= a b)")]
    [InlineData("+a", "(+ a)")]
    [InlineData("--a", "(- (- a))")]
    [InlineData("-a * b", "(* (- a) b)")]
    [InlineData("max(a, b)", "(max a b)")]
    [InlineData("clamp(x, -1, 1)", "(clamp x (- 1) 1)")]
    [InlineData("f()", "(f)")]
    [InlineData(".5", "0.5")]
    [InlineData("1e-3", "0.001")]
    [InlineData("2.5E+2", "250")]
    [InlineData("12", "12")]
    [InlineData("x;", "x")]
    [InlineData(" \t\n x \n", "x")]
    [InlineData("_a1", "_a1")]
    public void ParsesExpressions(string text, string expected) => Assert.Equal(expected, S(Parse(text).Body));

    [Fact]
    public void ParsesLetBindingsInOrder()
    {
        FormulaSyntax formula = Parse("d = p - y; e = d * d; e / 2");
        Assert.Equal(new[] { "d", "e" }, formula.Bindings.Select(b => b.Name));
        Assert.Equal("(- p y)", S(formula.Bindings[0].Value));
        Assert.Equal("(/ e 2)", S(formula.Body));
        Assert.Equal(0, formula.Bindings[0].NameStart);
        Assert.Equal(11, formula.Bindings[1].NameStart);
    }

    [Fact]
    public void KeywordsOfOtherLanguagesRemainNames()
    {
        // Only 'let d = …' (a keyword, a name, '=') draws the let-keyword message; the words themselves are names.
        FormulaSyntax formula = Parse("let = p - y; var = let * val; const - var");
        Assert.Equal(new[] { "let", "var" }, formula.Bindings.Select(b => b.Name));
        Assert.Equal("(* let val)", S(formula.Bindings[1].Value));
        Assert.Equal("(- const var)", S(formula.Body));
    }

    [Fact]
    public void NodesCarryTheirSpans()
    {
        const string text = "max(p, 0) - p * y";
        var body = (BinarySyntax)Parse(text).Body;
        Assert.Equal((0, text.Length), (body.Start, body.End));
        Assert.Equal(10, body.OperatorStart);
        var call = (CallSyntax)body.Left;
        Assert.Equal("max(p, 0)", text.Substring(call.Start, call.Length));
        var product = (BinarySyntax)body.Right;
        Assert.Equal("p * y", text.Substring(product.Start, product.Length));
    }

    [Theory]
    [InlineData("", 0, "the formula is empty")]
    [InlineData("   ", 3, "the formula is empty")]
    [InlineData("a < b < c", 6, "comparisons cannot be chained")]
    [InlineData("(a + b", 6, "expected ')'")]
    [InlineData("max(a, b", 8, "expected ')' to close the call of 'max'")]
    [InlineData("a ? b", 5, "expected ':' of the conditional")]
    [InlineData("d = a", 5, "expected ';' after the let-binding 'd'")]
    [InlineData("p = y ? 0 : 1", 13, "expected ';' after the let-binding 'p' but found the end of the formula; to compare, write '=='")]
    [InlineData("loss = (p - y)^2", 16, "expected ';' after the let-binding 'loss' but found the end of the formula; the formula ends with the loss expression itself: drop 'loss =', or end with '; loss'")]
    [InlineData("d = p - y; l = d^2", 18, "found the end of the formula; the formula ends with the loss expression itself: drop 'l =', or end with '; l'")]
    [InlineData("d = a;", 6, "the loss expression is missing")]
    [InlineData("let d = p - y; d^2", 0, "a let-binding has no keyword: write 'd = ...;' without 'let'")]
    [InlineData("d = p - y; var e = d; e", 11, "a let-binding has no keyword: write 'e = ...;' without 'var'")]
    [InlineData("a b", 2, "an operator is missing between 'a' and 'b'; write 'a * b' for a product")]
    [InlineData("if p > y then p else y", 3, "'if' is not a word of a formula; write a conditional as 'condition ? a : b'")]
    [InlineData("(p > y) then p", 8, "'then' is not a word of a formula; write a conditional as 'condition ? a : b'")]
    [InlineData("d^2 where d = p - y", 4, "'where' is not a word of a formula; bind a name before the loss expression, as in 'd = p - y; d^2'")]
    [InlineData("2p", 1, "an operator is missing between '2' and 'p'; write '2 * p' for a product")]
    [InlineData("p ** 2", 2, "'**' is not an operator; write 'x^y' or 'pow(x, y)' for a power")]
    [InlineData("0.5f * p", 3, "numbers have no type suffix in a formula: write '0.5'")]
    [InlineData("p + 1d", 5, "numbers have no type suffix in a formula: write '1'")]
    [InlineData("1. * p", 1, "write '1.0' or '.5', not '1.'")]
    [InlineData("p \u2212 y", 2, "is not the minus sign of a formula; write '-'")]
    [InlineData("p \u00D7 y", 2, "is not an operator; write '*' for a product")]
    [InlineData("p /* block */ - y", 2, "'/*' comments are not supported in formulas; write '//' to the end of the line")]
    [InlineData("z[t", 3, "expected ']' to close the index")]
    [InlineData("p // a # comment\n - # y", 20, "the character '#' cannot appear in a formula")]
    [InlineData("a = = b", 4, "expected a number")]
    [InlineData("1.", 1, "'.' must stand between digits or before them")]
    [InlineData("a & b", 2, "'&' is not an operator; write '&&' for 'and'")]
    [InlineData("a | b", 2, "'|' is not an operator; write '||' for 'or'")]
    [InlineData("a \u2028# b", 3, "the character '#' cannot appear in a formula")]
    [InlineData("a \u0001 b", 2, "the character U+0001 cannot appear in a formula")]
    [InlineData("é", 0, "the character 'é'")]
    public void ReportsTheFirstErrorWhereItIs(string text, int position, string messagePart)
    {
        ParseResult result = Parser.Parse(text);
        Assert.NotNull(result.Error);
        Assert.Equal(position, result.Error!.Start);
        Assert.Contains(messagePart, result.Error.FormatMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void LineTerminatorsAreWhiteSpaceAndEndComments(string newline)
    {
        const string single = "d = abs(p - y); d < delta ? 0.5 * d^2 / delta : d - 0.5 * delta";
        string multi = "// Huber loss" + newline
            + "d = abs(p - y); // the absolute error" + newline
            + newline
            + "d < delta // quadratic near zero" + newline
            + "  ? 0.5 * d^2 / delta" + newline
            + "  : d - 0.5 * delta // linear beyond delta, slashes // inside a comment" + newline;
        static string Tokens(string text) => string.Join(" ", Lexer.Tokenize(text).Select(t => t.Kind + ":" + t.Text));
        Assert.Equal(Tokens(single), Tokens(multi));
        Assert.Null(Parser.Parse(multi).Error);
    }

    [Fact]
    public void AFormulaThatIsOnlyACommentIsEmpty()
    {
        ParseResult result = Parser.Parse("// nothing here\n// still nothing");
        Assert.Contains("the formula is empty", result.Error!.FormatMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ASurrogatePairIsOneInvalidToken()
    {
        ParseResult result = Parser.Parse("p + \U0001F600");
        Assert.Equal((4, 2), (result.Error!.Start, result.Error.Length));
    }
}
