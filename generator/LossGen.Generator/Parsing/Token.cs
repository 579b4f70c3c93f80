namespace LossGen.Generator.Parsing;

/// <summary>The kinds of token in the formula language.</summary>
internal enum TokenKind
{
    End,
    Number,
    Identifier,
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Semicolon,
    Assign,
    Question,
    Colon,
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    EqualEqual,
    NotEqual,
    AndAnd,
    OrOr,
    Bang,
    Invalid,
}

/// <summary>A token: its kind and where it stands in the formula.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length, string Text)
{
    public int End => Start + Length;

    public static string Describe(TokenKind kind) => kind switch
    {
        TokenKind.End => "the end of the formula",
        TokenKind.Number => "a number",
        TokenKind.Identifier => "a name",
        _ => "'" + Spell(kind) + "'",
    };

    public static string Spell(TokenKind kind) => kind switch
    {
        TokenKind.Plus => "+",
        TokenKind.Minus => "-",
        TokenKind.Star => "*",
        TokenKind.Slash => "/",
        TokenKind.Caret => "^",
        TokenKind.OpenParen => "(",
        TokenKind.CloseParen => ")",
        TokenKind.OpenBracket => "[",
        TokenKind.CloseBracket => "]",
        TokenKind.Comma => ",",
        TokenKind.Semicolon => ";",
        TokenKind.Assign => "=",
        TokenKind.Question => "?",
        TokenKind.Colon => ":",
        TokenKind.Less => "<",
        TokenKind.LessEqual => "<=",
        TokenKind.Greater => ">",
        TokenKind.GreaterEqual => ">=",
        TokenKind.EqualEqual => "==",
        TokenKind.NotEqual => "!=",
        TokenKind.AndAnd => "&&",
        TokenKind.OrOr => "||",
        TokenKind.Bang => "!",
        _ => kind.ToString(),
    };
}
