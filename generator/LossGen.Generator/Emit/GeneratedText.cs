using System.Globalization;
using System.Text;

namespace LossGen.Generator.Emit;

/// <summary>
/// The one place where text that came from the user (formula text, names, diagnostic messages that
/// quote the formula) enters generated code. Each method returns text that stays inside its context
/// whatever the input: no line terminator (so a <c>//</c> comment or <c>///</c> doc line cannot end
/// early and turn the rest into code), no unescaped <c>&lt;</c>/<c>&amp;</c> in XML docs, no
/// unescaped quote or backslash in a string literal, and no invisible or bidirectional control
/// characters (which could make the generated code read differently than it compiles).
/// </summary>
internal static class GeneratedText
{
    /// <summary>
    /// The attribute of every kernel's <c>Run</c>: jitted fully optimized at its first call, without tiering, and
    /// never inlined. Measured: once a caller reached tier 1 it inlined <c>Run</c> and compiled the kernel anew
    /// inside itself, with the caller's inlining budget and profile, and the transcendental kernels then ran up to
    /// 5× slower, depending on the caller and the process (docs/benchmarks.md).
    /// </summary>
    public const string FullyOptimized = "[MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]";

    /// <summary>The comment above <see cref="FullyOptimized"/> in the generated code.</summary>
    public const string FullyOptimizedComment = "// Compiled fully optimized at the first call and never inlined: the kernel's code does not depend on its caller.";

    /// <summary>Text for a single-line <c>//</c> comment.</summary>
    public static string Comment(string text) => Escape(text, xml: false, literal: false);

    /// <summary>Text for the content of an XML doc element on a single <c>///</c> line.</summary>
    public static string Xml(string text) => Escape(text, xml: true, literal: false);

    /// <summary>A complete regular C# string literal, quotes included, whose value is <paramref name="text"/>.</summary>
    public static string StringLiteral(string text) => "\"" + Escape(text, xml: false, literal: true) + "\"";

    /// <summary>
    /// Whether the character at <paramref name="index"/> of <paramref name="text"/> would end a line in C# (the compiler's line terminators) or is a
    /// control, format (bidirectional overrides, zero-width characters), separator or unpaired
    /// surrogate character that must not appear raw in generated text.
    /// </summary>
    internal static bool MustEscape(string text, int index)
    {
        char c = text[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= text.Length || !char.IsLowSurrogate(text[index + 1]);
        }
        if (char.IsLowSurrogate(c))
        {
            return index == 0 || !char.IsHighSurrogate(text[index - 1]);
        }
        return CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.OtherNotAssigned => true,
            _ => false,
        };
    }

    private static string Escape(string text, bool xml, bool literal)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (MustEscape(text, i))
            {
                // Comments and docs show the escape as text (\n, \u2028); literals get the same escape as code.
                builder.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    '\0' => "\\0",
                    _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                });
                continue;
            }
            switch (c)
            {
                case '\\' when literal:
                    builder.Append("\\\\");
                    break;
                case '"' when literal:
                    builder.Append("\\\"");
                    break;
                case '&' when xml:
                    builder.Append("&amp;");
                    break;
                case '<' when xml:
                    builder.Append("&lt;");
                    break;
                case '>' when xml:
                    builder.Append("&gt;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }
        return builder.ToString();
    }
}
