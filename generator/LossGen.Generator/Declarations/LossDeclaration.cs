using System.Linq;
using LossGen.Generator.Helpers;

namespace LossGen.Generator.Declarations;

/// <summary>The element type of a loss: every span and scalar of one declaration shares it.</summary>
internal enum ElementType
{
    None,
    Float,
    Double,

    /// <summary><c>int</c>: class indices (<c>ReadOnlySpan&lt;int&gt;</c>) and the row length (<c>int k</c>) of row losses.</summary>
    Int,
}

/// <summary>The shape of a declared parameter's type, before roles are assigned by the binder.</summary>
internal enum ParameterShape
{
    /// <summary><c>ReadOnlySpan&lt;T&gt;</c>.</summary>
    ReadOnlySpan,

    /// <summary><c>Span&lt;T&gt;</c>.</summary>
    Span,

    /// <summary><c>T</c> itself.</summary>
    Scalar,

    /// <summary>Anything else (an error).</summary>
    Other,
}

/// <summary>How a parameter is passed.</summary>
internal enum ParameterPassing
{
    Value,
    Out,
    Ref,
    In,
    RefReadOnly,
}

/// <summary>One declared parameter, copied out of Roslyn's symbols into plain values.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Shape">The shape of its type.</param>
/// <param name="Element">The element type of the span or scalar, <see cref="ElementType.None"/> for other types.</param>
/// <param name="Passing">ref, out, in or by value.</param>
/// <param name="TypeDisplay">The fully qualified type, to re-declare the signature.</param>
/// <param name="ModifiersText">The parameter's modifiers as written (<c>out</c>, <c>scoped</c>, ...).</param>
internal sealed record ParameterModel(
    string Name,
    ParameterShape Shape,
    ElementType Element,
    ParameterPassing Passing,
    string TypeDisplay,
    string ModifiersText);

/// <summary>A type that contains the method, outermost first.</summary>
/// <param name="Keyword">class, struct, record, record struct or interface.</param>
/// <param name="Name">The name with its type parameter list, e.g. <c>Outer&lt;T&gt;</c>.</param>
/// <param name="Modifiers">The modifiers that a partial re-declaration must repeat (<c>static</c>, <c>ref</c>).</param>
/// <param name="IsPartial">Whether the declaration carries <c>partial</c>.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name, string Modifiers, bool IsPartial);

/// <summary>
/// Everything the later pipeline stages need about one <c>[Loss]</c> method, as plain values: the
/// output of the first (and only Roslyn-aware) transform. Value-equatable so the pipeline caches.
/// <c>AdapterNameTaken</c> says the containing type already has a member named like the trainer adapter
/// struct (<c>{Method}Function</c>), which is then not generated. <c>RowLength</c> is the attribute's
/// <c>RowLength</c> text (a constant K or the name of an <c>int</c> parameter), null for element-wise losses.
/// <c>HasMethodImpl</c> says the user's declaration carries a <c>[MethodImpl]</c> of its own (the generated part
/// then adds none).
/// </summary>
internal sealed record LossDeclaration(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string MethodName,
    string MethodModifiers,
    bool IsPartial,
    bool HasImplementation,
    string TypeParameters,
    string ConstraintClauses,
    string ReturnTypeDisplay,
    ParameterShape ReturnShape,
    ElementType ReturnElement,
    bool ReturnsVoid,
    EquatableArray<ParameterModel> Parameters,
    string? Formula,
    int Reduction,
    string TypeMetadataName,
    bool HasDocumentation,
    bool AdapterNameTaken = false,
    string? RowLength = null,
    bool HasMethodImpl = false)
{
    /// <summary>Whether the method declares its own type parameters.</summary>
    public bool IsGeneric => TypeParameters.Length > 0;

    /// <summary>The method's identity, from which its file is named (see <see cref="Emit.HintNames"/>).</summary>
    public Emit.MethodKey Key => new(
        Emit.HintNames.TypePath(Namespace, ContainingTypes),
        MethodName,
        Parameters.Select(Emit.HintNames.ShortType).ToEquatableArray(),
        Parameters.Select(p => p.Element).FirstOrDefault(e => e != ElementType.None));
}

/// <summary>
/// The output of the pipeline's first transform: the declaration as plain values, where its parts
/// stand in the source (for diagnostics), and, should reading the symbols ever fail, why.
/// </summary>
internal sealed record LossTarget(LossDeclaration? Declaration, SourceAnchors? Anchors, string? ReadFailure = null);
