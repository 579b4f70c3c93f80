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
}
