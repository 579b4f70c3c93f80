using System.Text;

namespace LossGen.Generator.Emit;

/// <summary>A minimal indented text writer for generated C# (four spaces, \n line ends).</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _text = new();
    private int _indent;

    public CodeWriter Line(string line = "")
    {
        if (line.Length > 0)
        {
            _text.Append(' ', _indent * 4);
        }
        _text.Append(line).Append('\n');
        return this;
    }

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
