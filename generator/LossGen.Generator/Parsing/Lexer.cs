using System.Collections.Generic;

namespace LossGen.Generator.Parsing;

/// <summary>
/// Splits a formula into tokens. Never throws: unknown characters become <see cref="TokenKind.Invalid"/> tokens.
/// White space includes every line terminator (<c>\n</c>, <c>\r</c>, U+0085, U+2028, U+2029), so a formula
/// may span lines; <c>//</c> starts a comment that runs to the end of its line.
/// </summary>
internal static class Lexer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && !IsLineTerminator(text[i]))
                {
                    i++;
                }
                continue;
            }
            int start = i;
            if (IsDigit(c) || (c == '.' && i + 1 < text.Length && IsDigit(text[i + 1])))
            {
                i = ScanNumber(text, i);
                tokens.Add(new Token(TokenKind.Number, start, i - start, text.Substring(start, i - start)));
                continue;
            }
            if (IsIdentifierStart(c))
            {
                while (i < text.Length && IsIdentifierPart(text[i]))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Identifier, start, i - start, text.Substring(start, i - start)));
                continue;
            }
            char next = i + 1 < text.Length ? text[i + 1] : '\0';
            (TokenKind kind, int length) = c switch
            {
                '+' => (TokenKind.Plus, 1),
                '-' => (TokenKind.Minus, 1),
                '*' => (TokenKind.Star, 1),
                '/' => (TokenKind.Slash, 1),
                '^' => (TokenKind.Caret, 1),
                '(' => (TokenKind.OpenParen, 1),
                ')' => (TokenKind.CloseParen, 1),
                '[' => (TokenKind.OpenBracket, 1),
                ']' => (TokenKind.CloseBracket, 1),
                ',' => (TokenKind.Comma, 1),
                ';' => (TokenKind.Semicolon, 1),
                '?' => (TokenKind.Question, 1),
                ':' => (TokenKind.Colon, 1),
                '<' => next == '=' ? (TokenKind.LessEqual, 2) : (TokenKind.Less, 1),
                '>' => next == '=' ? (TokenKind.GreaterEqual, 2) : (TokenKind.Greater, 1),
                '=' => next == '=' ? (TokenKind.EqualEqual, 2) : (TokenKind.Assign, 1),
                '!' => next == '=' ? (TokenKind.NotEqual, 2) : (TokenKind.Bang, 1),
                '&' when next == '&' => (TokenKind.AndAnd, 2),
                '|' when next == '|' => (TokenKind.OrOr, 2),
                _ => (TokenKind.Invalid, char.IsHighSurrogate(c) && char.IsLowSurrogate(next) ? 2 : 1),
            };
            tokens.Add(new Token(kind, start, length, text.Substring(start, length)));
            i += length;
        }
        tokens.Add(new Token(TokenKind.End, text.Length, 0, ""));
        return tokens;
    }

    private static int ScanNumber(string text, int i)
    {
        while (i < text.Length && IsDigit(text[i]))
        {
            i++;
        }
        if (i < text.Length && text[i] == '.' && i + 1 < text.Length && IsDigit(text[i + 1]))
        {
            i++;
            while (i < text.Length && IsDigit(text[i]))
            {
                i++;
            }
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            int j = i + 1;
            if (j < text.Length && (text[j] == '+' || text[j] == '-'))
            {
                j++;
            }
            if (j < text.Length && IsDigit(text[j]))
            {
                i = j;
                while (i < text.Length && IsDigit(text[i]))
                {
                    i++;
                }
            }
        }
        return i;
    }

    /// <summary>The line terminators of C#, which also end a formula comment.</summary>
    public static bool IsLineTerminator(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static bool IsIdentifierStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || IsDigit(c);
}
