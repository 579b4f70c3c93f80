using System.Collections.Generic;
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

    /// <summary>
    /// The names that generated kernel code uses unqualified (types, the kernel's own methods, the
    /// <c>using static</c> VectorMath functions): a parameter or local named like one would shadow it.
    /// </summary>
    public static readonly HashSet<string> Reserved = new(System.StringComparer.Ordinal)
    {
        "System", "LossGen", "Numerics", "Vector", "Math", "MemoryMarshal", "KernelSupport", "WideSum", "CompensatedSum",
        "VectorMath", "MethodImpl", "MethodImplOptions", "Unsafe", "Run", "Element", "ElementOutOfLine", "AlongRows", "AcrossSamples",
        "Exp", "Log", "Log1p", "Tanh", "Sign", "Sigmoid", "Softplus", "Pow", "ExpNonPositive", "Log1pUnit", "SigmoidNonPositive",
        "DivOnePlus", "MultiplySign", "nuint", "ArgumentException",
    };

    /// <summary>
    /// The identifier a parameter gets inside the kernel class (whose parameters LossGen names freely:
    /// the user's method passes its arguments by position): the user's name, with '_' appended while it
    /// is a <see cref="Reserved"/> name or another parameter's name. Pure: every emitter computes the same.
    /// </summary>
    public static string KernelParameter(string name, ICollection<string> parameterNames)
    {
        string result = name;
        while (Reserved.Contains(result) || result != name && parameterNames.Contains(result))
        {
            result += "_";
        }
        return Identifier(result);
    }
}
