using System.Text;

namespace LossGen.Generator.Emit;

/// <summary>A minimal indented text writer for generated C# (four spaces, \n line ends).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private static readonly char[] LineTerminators = { '\n', '\r', '\u0085', '\u2028', '\u2029' };
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        // Defence in depth: user text reaches lines only through GeneratedText, which never lets a
        // line terminator through; a line that still holds one is a LossGen bug, reported as LG0099
        // by the compiler's catch, never written (it could end a comment and inject code).
        if (line.IndexOfAny(LineTerminators) >= 0)
        {
            throw new System.InvalidOperationException("A generated line contains a line terminator.");
        }
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }
        _text.Append(line).Append('\n');
        return this;
    }

    /// <summary>A <c>//</c> comment line whose text is escaped by <see cref="GeneratedText.Comment"/>.</summary>
    public CodeWriter Comment(string text) => Line("// " + GeneratedText.Comment(text));

    public CodeWriter Open(string? header = null)
    {
        if (header is not null)
        {
            Line(header);
        }
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _text.ToString();
}
