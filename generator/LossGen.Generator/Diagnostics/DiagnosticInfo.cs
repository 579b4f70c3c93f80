using LossGen.Generator.Helpers;

namespace LossGen.Generator.Diagnostics;

/// <summary>What a diagnostic points at, in terms of the declaration model (no Roslyn locations).</summary>
internal enum DiagnosticTargetKind
{
    /// <summary>Characters <c>[Start, Start + Length)</c> of the formula string.</summary>
    FormulaSpan,

    /// <summary>The formula argument as a whole.</summary>
    Formula,

    /// <summary>The parameter with index <c>Index</c>.</summary>
    Parameter,

    /// <summary>The method's name.</summary>
    Method,

    /// <summary>The containing type with index <c>Index</c> (outermost is 0).</summary>
    ContainingType,

    /// <summary>The <c>Reduction</c> argument of the attribute.</summary>
    Reduction,

    /// <summary>The <c>RowLength</c> argument of the attribute.</summary>
    RowLength,
}

/// <summary>A diagnostic as a plain value: its descriptor id, message arguments and target.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, DiagnosticTargetKind Target, int Start, int Length, int Index)
{
    public static DiagnosticInfo AtFormula(string id, int start, int length, params string[] arguments) =>
        new(id, arguments.ToEquatableArray(), DiagnosticTargetKind.FormulaSpan, start, length, -1);

    public static DiagnosticInfo AtParameter(string id, int index, params string[] arguments) =>
        new(id, arguments.ToEquatableArray(), DiagnosticTargetKind.Parameter, 0, 0, index);

    public static DiagnosticInfo AtMethod(string id, params string[] arguments) =>
        new(id, arguments.ToEquatableArray(), DiagnosticTargetKind.Method, 0, 0, -1);

    public static DiagnosticInfo At(DiagnosticTargetKind target, string id, int index, params string[] arguments) =>
        new(id, arguments.ToEquatableArray(), target, 0, 0, index);

    /// <summary>The message as the user will read it.</summary>
    public string FormatMessage() =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticDescriptors.Get(Id).MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Linq.Enumerable.ToArray<object>(Arguments));

    /// <summary>Whether the diagnostic is an error.</summary>
    public bool IsError => DiagnosticDescriptors.Get(Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error;
}
