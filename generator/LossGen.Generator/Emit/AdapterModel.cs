using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Binding;
using LossGen.Generator.Declarations;
using LossGen.Generator.Helpers;

namespace LossGen.Generator.Emit;

/// <summary>Which runtime interface an adapter struct implements.</summary>
internal enum AdapterKind
{
    /// <summary><c>IPredictionLoss&lt;T&gt;</c>: one prediction span with a gradient, one target span, fixed scalars.</summary>
    Prediction,

    /// <summary><c>IParametricLoss&lt;T&gt;</c>: trained scalars with <c>out</c> gradients, data columns, fixed scalars.</summary>
    Parametric,
}

/// <summary>What the adapter passes for one declared parameter of the loss method.</summary>
internal enum ArgumentSource
{
    /// <summary>The prediction span (prediction losses).</summary>
    Prediction,

    /// <summary>The target span (prediction losses).</summary>
    Target,

    /// <summary>The prediction's gradient span (prediction losses).</summary>
    Gradient,

    /// <summary>A fixed scalar, from the struct's property.</summary>
    Fixed,

    /// <summary>A trained scalar, from the parameter span (parametric losses).</summary>
    Parameter,

    /// <summary>A data column, sliced from the column-major span (parametric losses).</summary>
    Column,

    /// <summary>A trained scalar's <c>out</c> gradient, copied into the gradient span (parametric losses).</summary>
    Out,

    /// <summary>The prediction's second-derivative span (second-order prediction losses).</summary>
    SecondDerivative,

    /// <summary>The k × k Hessian span (second-order parametric losses).</summary>
    Hessian,
}

/// <summary>How one declared parameter is supplied when the adapter calls the loss method.</summary>
/// <param name="Source">What is passed.</param>
/// <param name="Index">The fixed scalar, parameter or column number.</param>
internal sealed record AdapterArgument(ArgumentSource Source, int Index);

/// <summary>
/// The trainer adapter of one <c>[Loss]</c> method: a struct named <c>{Method}Function</c> beside the method
/// that implements a runtime interface by calling it, so that a generic trainer (<c>LinearObjective</c>,
/// <c>ParametricObjective</c>) is specialized by the JIT for the loss. Overloads of one method for float and
/// double, with and without second derivatives, share one struct (one explicit interface implementation each).
/// <see cref="SecondOrder"/> marks an overload with a <c>d2</c> or <c>hessian</c> output: the struct then implements the
/// second-order interface too. <see cref="HessianOrder"/> gives, for each row of the declared Hessian (the order of the
/// <c>out</c> gradients), the parameter it belongs to (the order of the scalar inputs). Value-equatable.
/// </summary>
internal sealed record AdapterModel(
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string StructName,
    string Accessibility,
    AdapterKind Kind,
    ElementType Element,
    string MethodName,
    int Reduction,
    string Formula,
    EquatableArray<string> FixedNames,
    EquatableArray<string> ParameterNames,
    EquatableArray<string> ColumnNames,
    EquatableArray<AdapterArgument> Arguments,
    bool SecondOrder = false,
    EquatableArray<int> HessianOrder = default)
{
    /// <summary>The suffix of the struct's name.</summary>
    public const string Suffix = "Function";

    /// <summary>The adapter for a valid declaration, or null when its shape has none (docs/trainer.md lists the shapes).</summary>
    public static AdapterModel? For(LossDeclaration d, LossSignature signature)
    {
        if (d.AdapterNameTaken || d.IsGeneric || d.ReturnsVoid || d.Formula is null || signature.Reduction == LossSignature.None
            || !d.MethodModifiers.Split(' ').Contains("static"))
        {
            return null;
        }
        var inputs = signature.WithRole(ParameterRole.ElementwiseInput).ToList();
        var spanGradients = signature.WithRole(ParameterRole.ElementwiseGradient).ToList();
        var scalarGradients = signature.WithRole(ParameterRole.ScalarGradient).ToList();
        var scalars = signature.WithRole(ParameterRole.ScalarInput).ToList();
        var secondDerivatives = signature.WithRole(ParameterRole.ElementwiseSecondDerivative).ToList();
        var hessians = signature.WithRole(ParameterRole.ScalarHessian).ToList();
        if (signature.WithRole(ParameterRole.LossOutput).Any() || signature.WithRole(ParameterRole.Invalid).Any())
        {
            return null;
        }
        AdapterKind kind;
        if (spanGradients.Count == 1 && scalarGradients.Count == 0 && inputs.Count == 2 && hessians.Count == 0
            && (secondDerivatives.Count == 0 || secondDerivatives.Count == 1 && secondDerivatives[0].Target == spanGradients[0].Target))
        {
            kind = AdapterKind.Prediction;
        }
        else if (spanGradients.Count == 0 && scalarGradients.Count > 0 && inputs.Count > 0 && secondDerivatives.Count == 0 && hessians.Count <= 1)
        {
            kind = AdapterKind.Parametric;
        }
        else
        {
            return null;
        }
        var trained = new HashSet<int>(scalarGradients.Select(g => g.Target));
        var fixedNames = scalars.Where(s => !trained.Contains(s.Index)).Select(s => s.Name).ToList();
        var parameterNames = scalars.Where(s => trained.Contains(s.Index)).Select(s => s.Name).ToList();
        if (!PropertiesFit(fixedNames, d.MethodName + Suffix))
        {
            return null;
        }
        var arguments = new List<AdapterArgument>();
        foreach (BoundParameter p in signature.Parameters)
        {
            arguments.Add(p.Role switch
            {
                ParameterRole.ElementwiseInput when kind == AdapterKind.Prediction =>
                    new AdapterArgument(p.Index == spanGradients[0].Target ? ArgumentSource.Prediction : ArgumentSource.Target, 0),
                ParameterRole.ElementwiseInput => new AdapterArgument(ArgumentSource.Column, inputs.FindIndex(i => i.Index == p.Index)),
                ParameterRole.ElementwiseGradient => new AdapterArgument(ArgumentSource.Gradient, 0),
                ParameterRole.ElementwiseSecondDerivative => new AdapterArgument(ArgumentSource.SecondDerivative, 0),
                ParameterRole.ScalarHessian => new AdapterArgument(ArgumentSource.Hessian, 0),
                ParameterRole.ScalarInput when trained.Contains(p.Index) => new AdapterArgument(ArgumentSource.Parameter, parameterNames.IndexOf(p.Name)),
                ParameterRole.ScalarInput => new AdapterArgument(ArgumentSource.Fixed, fixedNames.IndexOf(p.Name)),
                _ => new AdapterArgument(ArgumentSource.Out, parameterNames.IndexOf(signature.Parameters[p.Target].Name)),
            });
        }
        // The Hessian's rows follow the declared order of the out gradients; the adapter's parameters follow the scalar inputs.
        var hessianOrder = hessians.Count == 0
            ? new List<int>()
            : scalarGradients.Select(g => parameterNames.IndexOf(signature.Parameters[g.Target].Name)).ToList();
        return new AdapterModel(
            d.Namespace,
            d.ContainingTypes,
            d.MethodName + Suffix,
            AccessibilityOf(d.MethodModifiers),
            kind,
            signature.Element,
            d.MethodName,
            signature.Reduction,
            d.Formula,
            fixedNames.ToEquatableArray(),
            parameterNames.ToEquatableArray(),
            inputs.Select(i => i.Name).ToEquatableArray(),
            arguments.ToEquatableArray(),
            secondDerivatives.Count + hessians.Count > 0,
            hessianOrder.ToEquatableArray());
    }

    /// <summary>The name of the struct's property that holds the fixed scalar <paramref name="name"/>: the name, capitalized.</summary>
    public static string PropertyName(string name) => Naming.Identifier(char.ToUpperInvariant(name[0]) + name.Substring(1));

    /// <summary>
    /// Whether the fixed scalars' properties can be declared: two names that differ only in their first letter's case
    /// (<c>delta</c>, <c>Delta</c>), a name that would be the struct's own, or one of <see cref="object"/>'s members
    /// would not compile, and such a declaration gets no adapter.
    /// </summary>
    private static bool PropertiesFit(List<string> fixedNames, string structName)
    {
        var properties = fixedNames.Select(PropertyName).ToList();
        return properties.Distinct().Count() == properties.Count
            && !properties.Any(p => p == structName || p is "Equals" or "GetHashCode" or "ToString" or "GetType" or "MemberwiseClone" or "Finalize");
    }

    /// <summary>The key under which float and double overloads share one struct.</summary>
    public string GroupKey => (Namespace ?? "") + "|" + string.Join(".", ContainingTypes.Select(t => t.Name)) + "|" + StructName;

    private static string AccessibilityOf(string modifiers)
    {
        var words = modifiers.Split(' ');
        return string.Join(" ", words.Where(w => w is "public" or "internal" or "private" or "protected" or "file").DefaultIfEmpty("private"));
    }
}
