using System.Collections.Generic;
using LossGen.Generator.Declarations;

namespace LossGen.Generator.Binding;

/// <summary>The role a parameter plays in a loss (docs/dsl.md, "Parameter roles").</summary>
internal enum ParameterRole
{
    ElementwiseInput,
    ScalarInput,
    ElementwiseGradient,
    ScalarGradient,

    /// <summary><c>Span&lt;T&gt; d2x</c>: the second derivative of the loss in the element-wise input x (the Hessian's diagonal).</summary>
    ElementwiseSecondDerivative,

    /// <summary><c>Span&lt;T&gt; hessian</c>: the k × k Hessian of the reduced loss in the scalar parameters that have gradient outputs.</summary>
    ScalarHessian,
    LossOutput,

    /// <summary><c>ReadOnlySpan&lt;int&gt; t</c>: a class index per sample, used as <c>z[t]</c> (row losses).</summary>
    IndexInput,

    /// <summary><c>int k</c> named by <c>RowLength = nameof(k)</c>: the row length K at run time.</summary>
    RowLengthParameter,
    Invalid,
}

/// <summary>A parameter with its role; for gradients, <see cref="Target"/> is the index of the input it differentiates by.</summary>
internal sealed record BoundParameter(int Index, string Name, ParameterRole Role, int Target);

/// <summary>The declaration with every parameter's role decided: what the binder hands to the symbolic stage.</summary>
internal sealed class LossSignature
{
    public LossSignature(ElementType element, int reduction, IReadOnlyList<BoundParameter> parameters, int rowLength = 0, int rowLengthParameter = -1, IReadOnlyCollection<int>? rowInputs = null, bool rowLengthInvalid = false)
    {
        RowLengthInvalid = rowLengthInvalid;
        Element = element;
        Reduction = reduction;
        Parameters = parameters;
        RowLength = rowLength;
        RowLengthParameter = rowLengthParameter;
        RowInputs = new HashSet<int>(rowInputs ?? new int[0]);
    }

    /// <summary>
    /// K for <c>RowLength = "10"</c>; 0 for an element-wise loss or a K given at run time by
    /// <see cref="RowLengthParameter"/>.
    /// </summary>
    public int RowLength { get; }

    /// <summary>The <c>int</c> parameter giving K at run time, or -1.</summary>
    public int RowLengthParameter { get; }

    /// <summary>Whether RowLength is set but invalid (reported as LG0038; row functions are then not reported again).</summary>
    public bool RowLengthInvalid { get; }

    /// <summary>Whether the declaration sets RowLength (validly).</summary>
    public bool IsRowLoss => RowLength > 0 || RowLengthParameter >= 0;

    /// <summary>The element-wise inputs that are rows (n·K values), as found in the formula.</summary>
    public HashSet<int> RowInputs { get; }

    /// <summary>This signature with the row inputs the formula uses.</summary>
    public LossSignature WithRowInputs(IReadOnlyCollection<int> rowInputs) => new(Element, Reduction, Parameters, RowLength, RowLengthParameter, rowInputs, RowLengthInvalid);

    /// <summary>Whether parameter <paramref name="index"/> is row-shaped: a row input or the gradient of one.</summary>
    public bool IsRowShaped(int index)
    {
        BoundParameter p = Parameters[index];
        return p.Role == ParameterRole.ElementwiseInput ? RowInputs.Contains(index)
            : p.Role == ParameterRole.ElementwiseGradient && RowInputs.Contains(p.Target);
    }

    public ElementType Element { get; }

    /// <summary>0 Mean, 1 Sum, 2 None (the values of <c>LossGen.Reduction</c>).</summary>
    public int Reduction { get; }

    public IReadOnlyList<BoundParameter> Parameters { get; }

    public IEnumerable<BoundParameter> WithRole(ParameterRole role)
    {
        foreach (BoundParameter parameter in Parameters)
        {
            if (parameter.Role == role)
            {
                yield return parameter;
            }
        }
    }

    public const int Mean = 0;
    public const int Sum = 1;
    public const int None = 2;
}
