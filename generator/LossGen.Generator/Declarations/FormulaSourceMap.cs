using System;
using System.Collections.Generic;
using System.Globalization;
using LossGen.Generator.Helpers;

namespace LossGen.Generator.Declarations;

/// <summary>How a string literal token is written in C#.</summary>
internal enum LiteralKind
{
    /// <summary><c>"..."</c> with backslash escapes.</summary>
    Regular,

    /// <summary><c>@"..."</c> where <c>""</c> is one quote.</summary>
    Verbatim,

    /// <summary><c>"""..."""</c> on one line.</summary>
    SingleLineRaw,

    /// <summary><c>"""</c> on its own line, content lines, closing <c>"""</c> whose indentation is removed from every line.</summary>
    MultiLineRaw,
}

/// <summary>
/// Characters <c>[ValueStart, ValueStart + ValueLength)</c> of a formula's value come from source
/// characters <c>[SourceStart, SourceStart + SourceLength)</c>. Equal lengths map one to one; an
/// escape sequence is one run (e.g. <c>\n</c>: one value character from two source characters).
/// </summary>
internal readonly record struct MapRun(int ValueStart, int ValueLength, int SourceStart, int SourceLength)
{
    public bool IsLinear => ValueLength == SourceLength;
}

/// <summary>
/// Maps offsets in a formula's value (what the parser reads) to offsets in the source file, for every
/// way a C# string literal can be written, and for concatenations of literals. Built from plain text
/// (no Roslyn objects) so it can travel in the pipeline and be unit-tested on its own.
/// </summary>
internal sealed record FormulaSourceMap(EquatableArray<MapRun> Runs, int ValueLength)
{
    /// <summary>The source span of value characters <c>[start, start + length)</c>, or null when they are not all mapped.</summary>
    public (int Start, int Length)? Map(int start, int length)
    {
        if (start < 0 || length < 0 || start + length > ValueLength || Runs.Count == 0)
        {
            return null;
        }
        if (length == 0)
        {
            // An empty span (e.g. "expected ')' at the end"): just before the character at start, or after the last one.
            int? at = start < ValueLength ? SourceOf(start, end: false) : SourceOf(start - 1, end: true);
            return at is int p ? (p, 0) : null;
        }
        int? first = SourceOf(start, end: false);
        int? last = SourceOf(start + length - 1, end: true);
        return first is int s && last is int e && e >= s ? (s, e - s) : null;
    }

    /// <summary>The source offset where value character <paramref name="index"/> starts (or ends, with <paramref name="end"/>).</summary>
    private int? SourceOf(int index, bool end)
    {
        if (index < 0)
        {
            return Runs.Count > 0 ? Runs[0].SourceStart : null;
        }
        foreach (MapRun run in Runs)
        {
            if (index >= run.ValueStart && index < run.ValueStart + run.ValueLength)
            {
                if (run.IsLinear)
                {
                    int offset = index - run.ValueStart;
                    return run.SourceStart + offset + (end ? 1 : 0);
                }
                return end ? run.SourceStart + run.SourceLength : run.SourceStart;
            }
        }
        return null;
    }

    /// <summary>
    /// The map of one literal token whose source text <paramref name="tokenText"/> starts at
    /// <paramref name="tokenStart"/>; null when the text does not decode to <paramref name="value"/>
    /// (the caller then points at the whole literal).
    /// </summary>
    public static FormulaSourceMap? ForLiteral(LiteralKind kind, string tokenText, int tokenStart, string value)
    {
        var runs = new List<MapRun>();
        bool ok = kind switch
        {
            LiteralKind.Regular => DecodeRegular(tokenText, runs),
            LiteralKind.Verbatim => DecodeVerbatim(tokenText, runs),
            LiteralKind.SingleLineRaw => DecodeSingleLineRaw(tokenText, runs),
            _ => DecodeMultiLineRaw(tokenText, runs),
        };
        if (!ok)
        {
            return null;
        }
        var shifted = new List<MapRun>(runs.Count);
        foreach (MapRun run in runs)
        {
            shifted.Add(run with { SourceStart = run.SourceStart + tokenStart });
        }
        var map = new FormulaSourceMap(shifted.ToEquatableArray(), Total(runs));
        return map.Reproduces(value, tokenText, tokenStart) ? map : null;
    }

    /// <summary>The map of the concatenation of <paramref name="parts"/>, in order.</summary>
    public static FormulaSourceMap Concat(IReadOnlyList<FormulaSourceMap> parts)
    {
        var runs = new List<MapRun>();
        int offset = 0;
        foreach (FormulaSourceMap part in parts)
        {
            foreach (MapRun run in part.Runs)
            {
                runs.Add(run with { ValueStart = run.ValueStart + offset });
            }
            offset += part.ValueLength;
        }
        return new FormulaSourceMap(runs.ToEquatableArray(), offset);
    }

    private static int Total(List<MapRun> runs) => runs.Count == 0 ? 0 : runs[runs.Count - 1].ValueStart + runs[runs.Count - 1].ValueLength;

    /// <summary>Self-check: the runs cover the value without gaps and every one-to-one run copies the same characters.</summary>
    private bool Reproduces(string value, string tokenText, int tokenStart)
    {
        if (ValueLength != value.Length)
        {
            return false;
        }
        int expected = 0;
        foreach (MapRun run in Runs)
        {
            if (run.ValueStart != expected)
            {
                return false;
            }
            expected += run.ValueLength;
            if (run.IsLinear && string.CompareOrdinal(value, run.ValueStart, tokenText, run.SourceStart - tokenStart, run.ValueLength) != 0)
            {
                return false;
            }
        }
        return true;
    }

    private static void AddLinear(List<MapRun> runs, int source, int length)
    {
        if (length <= 0)
        {
            return;
        }
        int value = Total(runs);
        if (runs.Count > 0 && runs[runs.Count - 1] is { IsLinear: true } last && last.SourceStart + last.SourceLength == source)
        {
            runs[runs.Count - 1] = last with { ValueLength = last.ValueLength + length, SourceLength = last.SourceLength + length };
            return;
        }
        runs.Add(new MapRun(value, length, source, length));
    }

    private static void AddEscape(List<MapRun> runs, int valueLength, int source, int sourceLength) =>
        runs.Add(new MapRun(Total(runs), valueLength, source, sourceLength));

    private static bool DecodeRegular(string text, List<MapRun> runs)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            return false;
        }
        int i = 1;
        while (i < text.Length - 1)
        {
            if (text[i] != '\\')
            {
                AddLinear(runs, i, 1);
                i++;
                continue;
            }
            char kind = i + 1 < text.Length ? text[i + 1] : '\0';
            (int length, int produced) = kind switch
            {
                'x' => (2 + HexDigits(text, i + 2, 4), 1),
                'u' => (6, 1),
                'U' => (10, UPlaneChars(text, i + 2)),
                _ => (2, 1),
            };
            if (length <= 2 && kind == 'x' || i + length > text.Length - 1)
            {
                return false;
            }
            AddEscape(runs, produced, i, length);
            i += length;
        }
        return true;
    }

    private static int HexDigits(string text, int start, int max)
    {
        int count = 0;
        while (count < max && start + count < text.Length && Uri.IsHexDigit(text[start + count]))
        {
            count++;
        }
        return count;
    }

    private static int UPlaneChars(string text, int start) =>
        start + 8 <= text.Length && uint.TryParse(text.Substring(start, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint code) && code > 0xFFFF ? 2 : 1;

    private static bool DecodeVerbatim(string text, List<MapRun> runs)
    {
        if (text.Length < 3 || text[0] != '@' || text[1] != '"' || text[text.Length - 1] != '"')
        {
            return false;
        }
        int i = 2;
        while (i < text.Length - 1)
        {
            if (text[i] == '"')
            {
                AddEscape(runs, 1, i, 2);
                i += 2;
                continue;
            }
            AddLinear(runs, i, 1);
            i++;
        }
        return true;
    }

    private static int Quotes(string text)
    {
        int quotes = 0;
        while (quotes < text.Length && text[quotes] == '"')
        {
            quotes++;
        }
        return quotes;
    }

    private static bool DecodeSingleLineRaw(string text, List<MapRun> runs)
    {
        int quotes = Quotes(text);
        if (quotes < 3 || text.Length < 2 * quotes)
        {
            return false;
        }
        AddLinear(runs, quotes, text.Length - 2 * quotes);
        return true;
    }

    private static bool DecodeMultiLineRaw(string text, List<MapRun> runs)
    {
        int quotes = Quotes(text);
        if (quotes < 3)
        {
            return false;
        }
        // Lines of the token: the first holds the opening quotes, the last the indentation and closing quotes.
        var lines = new List<(int Start, int Length, int BreakLength)>();
        int lineStart = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (!Parsing.Lexer.IsLineTerminator(c))
            {
                continue;
            }
            int breakLength = c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            lines.Add((lineStart, i - lineStart, breakLength));
            i += breakLength - 1;
            lineStart = i + 1;
        }
        lines.Add((lineStart, text.Length - lineStart, 0));
        if (lines.Count < 3)
        {
            return false;
        }
        int closingLength = lines[lines.Count - 1].Length;
        int indentation = closingLength - quotes;
        if (indentation < 0)
        {
            return false;
        }
        for (int j = 1; j < lines.Count - 1; j++)
        {
            (int start, int length, int breakLength) = lines[j];
            // A whitespace-only line may be shorter than the indentation; it is then empty. Any other line
            // keeps what follows the indentation (a line that lacks it is a compile error, caught by the self-check).
            if (length > indentation || !IsBlank(text, start, length))
            {
                AddLinear(runs, start + indentation, length - indentation);
            }
            if (j < lines.Count - 2)
            {
                AddLinear(runs, start + length, breakLength);
            }
        }
        return true;
    }

    private static bool IsBlank(string text, int start, int length)
    {
        for (int i = start; i < start + length; i++)
        {
            if (!char.IsWhiteSpace(text[i]))
            {
                return false;
            }
        }
        return true;
    }
}
