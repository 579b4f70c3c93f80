using System;
using System.Collections.Generic;
using System.Globalization;
using LossGen.Generator.Diagnostics;

namespace LossGen.Generator.Parsing;

/// <summary>The result of parsing: a tree, or the first error.</summary>
internal sealed record ParseResult(FormulaSyntax? Formula, DiagnosticInfo? Error);

/// <summary>
/// Recursive-descent parser for the grammar of docs/dsl.md. Nesting is bounded by
/// <see cref="MaxDepth"/> and the text by <see cref="MaxLength"/>, so no input can overflow the
/// stack; the first error stops the parse and is returned with the exact span it concerns.
/// </summary>
internal sealed class Parser
{
    /// <summary>
    /// The deepest nesting accepted: both the height of the syntax tree (operators, calls and
    /// conditionals; a chain a + b + c counts one level per operator) and the parser's own
    /// recursion (which also counts parentheses).
    /// </summary>
    public const int MaxDepth = 256;

    /// <summary>The longest formula accepted, in characters.</summary>
    public const int MaxLength = 20_000;

    private readonly List<Token> _tokens;
    private int _position;
    private int _depth;

    private Parser(List<Token> tokens) => _tokens = tokens;

    public static ParseResult Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            return new ParseResult(null, DiagnosticInfo.At(
                DiagnosticTargetKind.Formula, DiagnosticDescriptors.FormulaTooLarge.Id, -1,
                text.Length.ToString(CultureInfo.InvariantCulture) + " characters",
                MaxLength.ToString(CultureInfo.InvariantCulture) + " characters"));
        }
        var parser = new Parser(Lexer.Tokenize(text));
        try
        {
            return new ParseResult(parser.ParseFormula(), null);
        }
        catch (ParseError error)
        {
            return new ParseResult(null, error.Diagnostic);
        }
    }

    private Token Current => _tokens[_position];

    private Token Peek(int offset) => _tokens[Math.Min(_position + offset, _tokens.Count - 1)];

    private Token Advance() => _tokens[_position++];

    private FormulaSyntax ParseFormula()
    {
        var bindings = new List<BindingSyntax>();
        while (true)
        {
            // 'let d = …;', 'var d = …;': the keyword of another language.
            if (Current.Kind == TokenKind.Identifier && Current.Text is "let" or "var" or "val" or "const"
                && Peek(1).Kind == TokenKind.Identifier && Peek(2).Kind == TokenKind.Assign)
            {
                throw Error(Current, "a let-binding has no keyword: write '" + Peek(1).Text + " = ...;' without '" + Current.Text + "'");
            }
            if (!(Current.Kind == TokenKind.Identifier && Peek(1).Kind == TokenKind.Assign))
            {
                break;
            }

            Token name = Advance();
            Advance();
            ExprSyntax value = ParseExpression();
            if (Current.Kind == TokenKind.End)
            {
                // A binding with nothing after it: 'p = y ? 0 : 1' meant a comparison; 'loss = (p - y)^2' named the loss.
                throw Error(Current, "expected ';' after the let-binding '" + name.Text + "' but found " + Describe(Current) + (value is ConditionalSyntax
                    ? "; to compare, write '=='"
                    : "; the formula ends with the loss expression itself: drop '" + name.Text + " =', or end with '; " + name.Text + "'"));
            }
            Expect(TokenKind.Semicolon, "';' after the let-binding '" + name.Text + "'");
            bindings.Add(new BindingSyntax(name.Text, name.Start, name.Length, value));
        }
        if (Current.Kind == TokenKind.End)
        {
            throw Error(Current, bindings.Count == 0 ? "the formula is empty" : "the loss expression is missing after the let-bindings");
        }
        ExprSyntax body = ParseExpression();
        if (Current.Kind == TokenKind.Semicolon)
        {
            Advance();
        }
        if (Current.Kind != TokenKind.End)
        {
            throw Error(Current, Current.Kind == TokenKind.Invalid ? InvalidCharacter(Current)
                : MissingOperator() ?? Describe(Current) + " was not expected after the end of the expression");
        }
        return new FormulaSyntax(bindings, body);
    }

    private ExprSyntax ParseExpression()
    {
        Enter();
        ExprSyntax condition = ParseOr();
        ExprSyntax result = condition;
        if (Current.Kind == TokenKind.Question)
        {
            Advance();
            ExprSyntax whenTrue = ParseExpression();
            Expect(TokenKind.Colon, "':' of the conditional");
            ExprSyntax whenFalse = ParseExpression();
            result = Checked(new ConditionalSyntax(condition, whenTrue, whenFalse));
        }
        _depth--;
        return result;
    }

    private ExprSyntax ParseOr() => ParseLeftAssociative(ParseAnd, TokenKind.OrOr);

    private ExprSyntax ParseAnd() => ParseLeftAssociative(ParseComparison, TokenKind.AndAnd);

    private ExprSyntax ParseComparison()
    {
        ExprSyntax left = ParseSum();
        if (Current.Kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.EqualEqual or TokenKind.NotEqual)
        {
            Token op = Advance();
            ExprSyntax right = ParseSum();
            left = Checked(new BinarySyntax(op.Kind, left, right, op.Start, op.Length));
            if (Current.Kind is TokenKind.Less or TokenKind.LessEqual or TokenKind.Greater or TokenKind.GreaterEqual or TokenKind.EqualEqual or TokenKind.NotEqual)
            {
                throw Error(Current, "comparisons cannot be chained; combine them with '&&'");
            }
        }
        return left;
    }

    private ExprSyntax ParseSum() => ParseLeftAssociative(ParseProduct, TokenKind.Plus, TokenKind.Minus);

    private ExprSyntax ParseProduct() => ParseLeftAssociative(ParseUnary, TokenKind.Star, TokenKind.Slash);

    private ExprSyntax ParseLeftAssociative(Func<ExprSyntax> operand, TokenKind first, TokenKind? second = null)
    {
        ExprSyntax left = operand();
        while (Current.Kind == first || Current.Kind == second)
        {
            Token op = Advance();
            ExprSyntax right = operand();
            left = Checked(new BinarySyntax(op.Kind, left, right, op.Start, op.Length));
        }
        return left;
    }

    private ExprSyntax ParseUnary()
    {
        if (Current.Kind is TokenKind.Minus or TokenKind.Plus or TokenKind.Bang)
        {
            Enter();
            Token op = Advance();
            ExprSyntax operand = ParseUnary();
            _depth--;
            return Checked(new UnarySyntax(op.Kind, operand, op.Start, operand.End));
        }
        return ParsePower();
    }

    private ExprSyntax ParsePower()
    {
        ExprSyntax atom = ParseIndexed(ParseAtom());
        if (Current.Kind == TokenKind.Caret)
        {
            Enter();
            Token op = Advance();
            ExprSyntax exponent = ParseUnary();
            _depth--;
            return Checked(new BinarySyntax(TokenKind.Caret, atom, exponent, op.Start, op.Length));
        }
        return atom;
    }

    /// <summary>A gather <c>z[t]</c>: an atom followed by an index in brackets.</summary>
    private ExprSyntax ParseIndexed(ExprSyntax atom)
    {
        while (Current.Kind == TokenKind.OpenBracket)
        {
            Enter();
            Advance();
            ExprSyntax index = ParseExpression();
            Token close = Expect(TokenKind.CloseBracket, "']' to close the index");
            _depth--;
            atom = Checked(new IndexSyntax(atom, index, close.End));
        }
        return atom;
    }

    private ExprSyntax ParseAtom()
    {
        Token token = Current;
        switch (token.Kind)
        {
            case TokenKind.Number:
                Advance();
                double value = double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture);
                if (double.IsInfinity(value) || double.IsNaN(value))
                {
                    throw new ParseError(DiagnosticInfo.AtFormula(DiagnosticDescriptors.InvalidNumber.Id, token.Start, token.Length, token.Text, "double"));
                }
                return new NumberSyntax(value, token.Text, token.Start, token.End);
            case TokenKind.Identifier:
                Advance();
                if (Current.Kind != TokenKind.OpenParen)
                {
                    return new NameSyntax(token.Text, token.Start, token.End);
                }
                Enter();
                Advance();
                var arguments = new List<ExprSyntax>();
                if (Current.Kind != TokenKind.CloseParen)
                {
                    arguments.Add(ParseExpression());
                    while (Current.Kind == TokenKind.Comma)
                    {
                        Advance();
                        arguments.Add(ParseExpression());
                    }
                }
                Token close = Expect(TokenKind.CloseParen, "')' to close the call of '" + token.Text + "'");
                _depth--;
                return Checked(new CallSyntax(token.Text, token.Start, arguments, token.Start, close.End));
            case TokenKind.OpenParen:
                Enter();
                Advance();
                ExprSyntax inner = ParseExpression();
                Token closing = Expect(TokenKind.CloseParen, "')'");
                _depth--;
                return new ParenthesizedSyntax(inner, token.Start, closing.End);
            case TokenKind.Star when _position > 0 && _tokens[_position - 1] is { Kind: TokenKind.Slash } slash && slash.End == token.Start:
                throw new ParseError(DiagnosticInfo.AtFormula(DiagnosticDescriptors.SyntaxError.Id, slash.Start, 2,
                    "'/*' comments are not supported in formulas; write '//' to the end of the line"));
            case TokenKind.Star when _position > 0 && _tokens[_position - 1] is { Kind: TokenKind.Star } star && star.End == token.Start:
                throw new ParseError(DiagnosticInfo.AtFormula(DiagnosticDescriptors.SyntaxError.Id, star.Start, 2,
                    "'**' is not an operator; write 'x^y' or 'pow(x, y)' for a power"));
            case TokenKind.Invalid:
                throw Error(token, InvalidCharacter(token));
            default:
                throw Error(token, "expected a number, a name or '(' but found " + Describe(token));
        }
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Error(Current, Current.Kind == TokenKind.Invalid ? InvalidCharacter(Current)
                : "expected " + what + " but found " + Describe(Current) + (MissingOperator() is string missing ? "; " + missing : ""));
        }
        return Advance();
    }

    private static T Checked<T>(T node) where T : ExprSyntax
    {
        if (node.Height > MaxDepth)
        {
            throw new ParseError(DiagnosticInfo.AtFormula(DiagnosticDescriptors.FormulaTooDeep.Id, node.Start, node.Length, MaxDepth.ToString(CultureInfo.InvariantCulture)));
        }
        return node;
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw new ParseError(DiagnosticInfo.AtFormula(DiagnosticDescriptors.FormulaTooDeep.Id, Current.Start, Current.Length, MaxDepth.ToString(CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>For two operands side by side (<c>2p</c>, <c>p y</c>, <c>(p)(y)</c>): the message that names the missing operator; else null.</summary>
    private string? MissingOperator()
    {
        Token previous = _position > 0 ? _tokens[_position - 1] : Current;
        // 0.5f, 1d, 2m: a C# number suffix, glued to the number.
        if (_position > 0 && previous.Kind == TokenKind.Number && Current.Kind == TokenKind.Identifier && previous.End == Current.Start
            && Current.Text is "f" or "F" or "d" or "D" or "m" or "M" or "L" or "l" or "u" or "U" or "ul" or "UL")
        {
            return "numbers have no type suffix in a formula: write '" + previous.Text + "' (float kernels round constants to float)";
        }
        // 'if p > y then a else b': the words of another language's conditional; 'd^2 where d = p - y': of a binding.
        foreach (Token word in _position > 0 ? new[] { previous, Current } : new[] { Current })
        {
            if (word.Kind == TokenKind.Identifier && word.Text is "if" or "then" or "else")
            {
                return "'" + word.Text + "' is not a word of a formula; write a conditional as 'condition ? a : b'";
            }
            if (word.Kind == TokenKind.Identifier && word.Text == "where")
            {
                return "'where' is not a word of a formula; bind a name before the loss expression, as in 'd = p - y; d^2'";
            }
        }
        bool operandBefore = _position > 0 && previous.Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.CloseParen;
        bool operandNow = Current.Kind is TokenKind.Number or TokenKind.Identifier or TokenKind.OpenParen;
        return operandBefore && operandNow
            ? "an operator is missing between '" + previous.Text + "' and '" + Current.Text + "'; write '" + previous.Text + " * " + Current.Text + "' for a product"
            : null;
    }

    /// <summary>The message for a character that is not part of the language, with the usual intent where there is one.</summary>
    private static string InvalidCharacter(Token token)
    {
        string shown = Emit.GeneratedText.MustEscape(token.Text, 0)
            ? "U+" + ((int)token.Text[0]).ToString("X4", CultureInfo.InvariantCulture)
            : "'" + token.Text + "'";
        return token.Text switch
        {
            "&" => "'&' is not an operator; write '&&' for 'and'",
            "|" => "'|' is not an operator; write '||' for 'or'",
            "%" => "'%' is not an operator; LossGen has no remainder",
            "\"" or "'" => "a formula cannot contain quotes",
            "\u2212" or "\u2013" or "\u2014" => shown + " is not the minus sign of a formula; write '-'",
            "\u00D7" or "\u00B7" or "\u22C5" => shown + " is not an operator; write '*' for a product",
            "\u00F7" => "'\u00F7' is not an operator; write '/' for a quotient",
            "\u00B2" or "\u00B3" => shown + " is not an operator; write '^2' or '^3' for a power",
            "." => "'.' must stand between digits or before them: write '1.0' or '.5', not '1.'",
            _ => "the character " + shown + " cannot appear in a formula",
        };
    }

    private static string Describe(Token token) => token.Kind switch
    {
        TokenKind.Invalid => "the character '" + token.Text + "'",
        TokenKind.Number or TokenKind.Identifier => "'" + token.Text + "'",
        _ => Token.Describe(token.Kind),
    };

    private static ParseError Error(Token at, string message) =>
        new(DiagnosticInfo.AtFormula(DiagnosticDescriptors.SyntaxError.Id, at.Start, at.Length, message));

    private sealed class ParseError(DiagnosticInfo diagnostic) : Exception
    {
        public DiagnosticInfo Diagnostic { get; } = diagnostic;
    }
}
