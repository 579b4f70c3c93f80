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
    Invalid,
}

/// <summary>A parameter with its role; for gradients, <see cref="Target"/> is the index of the input it differentiates by.</summary>
internal sealed record BoundParameter(int Index, string Name, ParameterRole Role, int Target);

/// <summary>The declaration with every parameter's role decided: what the binder hands to the symbolic stage.</summary>
internal sealed class LossSignature
{
    public LossSignature(ElementType element, int reduction, IReadOnlyList<BoundParameter> parameters)
    {
        Element = element;
        Reduction = reduction;
        Parameters = parameters;
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
