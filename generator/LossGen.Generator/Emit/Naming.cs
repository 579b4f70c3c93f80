using Microsoft.CodeAnalysis.CSharp;

namespace LossGen.Generator.Emit;

/// <summary>Identifier helpers for generated code.</summary>
internal static class Naming
{
    /// <summary>A name usable as a C# identifier: keywords get '@'.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None
            ? "@" + name
            : name;

    /// <summary>A name for use inside a string literal or nameof-free message.</summary>
    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    /// <summary>Characters allowed in a hint name; others become '_'.</summary>
    public static string HintSafe(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!ok)
            {
                chars[i] = '_';
            }
        }
        return new string(chars);
    }
}
