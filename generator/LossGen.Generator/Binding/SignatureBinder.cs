using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Diagnostics;

namespace LossGen.Generator.Binding;

/// <summary>Decides every parameter's role, the element type and the reduction, and reports declaration errors.</summary>
internal static partial class SignatureBinder
{
    public static LossSignature Bind(LossDeclaration declaration, List<DiagnosticInfo> diagnostics)
    {
        CheckMethod(declaration, diagnostics);
        int reduction = declaration.Reduction;
        if (reduction is < 0 or > 2)
        {
            diagnostics.Add(DiagnosticInfo.At(DiagnosticTargetKind.Reduction, DiagnosticDescriptors.InvalidReduction.Id, -1, reduction.ToString(CultureInfo.InvariantCulture)));
            reduction = LossSignature.Mean;
        }

        ElementType element = ChooseElementType(declaration);
        var parameters = declaration.Parameters;
        var roles = new BoundParameter[parameters.Count];

        // Pass 1: inputs and malformed parameters.
        for (int i = 0; i < parameters.Count; i++)
        {
            ParameterModel p = parameters[i];
            roles[i] = new BoundParameter(i, p.Name, ParameterRole.Invalid, -1);
            if (p.Element == ElementType.Int)
            {
                BindInt(declaration, p, i, roles, diagnostics);
                continue;
            }
            if (p.Shape != ParameterShape.Other && p.Element != element)
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.MixedElementTypes.Id, i, p.Name, Keyword(p.Element), Keyword(element)));
                continue;
            }
            string? problem = p.Shape switch
            {
                ParameterShape.Other => $"its type {p.TypeDisplay.Replace("global::", "")} is not ReadOnlySpan<T>, Span<T> or T for T = float or double",
                ParameterShape.ReadOnlySpan when p.Passing != ParameterPassing.Value => "an element-wise input ReadOnlySpan<T> is passed by value (no ref, in or out)",
                ParameterShape.Span when p.Passing != ParameterPassing.Value => "a Span<T> output is passed by value (no ref, in or out)",
                ParameterShape.Scalar when p.Passing is not (ParameterPassing.Value or ParameterPassing.Out) => "a scalar is passed by value (an input) or as 'out' (a gradient)",
                _ => null,
            };
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.UnsupportedParameter.Id, i, p.Name, problem));
                continue;
            }
            if (p.Shape == ParameterShape.ReadOnlySpan)
            {
                roles[i] = roles[i] with { Role = ParameterRole.ElementwiseInput };
            }
            else if (p.Shape == ParameterShape.Scalar && p.Passing == ParameterPassing.Value)
            {
                roles[i] = roles[i] with { Role = ParameterRole.ScalarInput };
            }
        }

        // Pass 2: outputs, which refer to inputs by name.
        var gradientOf = new Dictionary<int, string>();
        var secondOf = new Dictionary<int, string>();
        bool hasLossSpan = false;
        for (int i = 0; i < parameters.Count; i++)
        {
            ParameterModel p = parameters[i];
            bool isSpanOutput = p.Shape == ParameterShape.Span && p.Passing == ParameterPassing.Value && p.Element == element;
            bool isScalarOutput = p.Shape == ParameterShape.Scalar && p.Passing == ParameterPassing.Out && p.Element == element;
            if (!isSpanOutput && !isScalarOutput)
            {
                continue;
            }
            if (isSpanOutput && p.Name == "loss")
            {
                hasLossSpan = true;
                if (reduction != LossSignature.None)
                {
                    diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.LossSpanWithoutNone.Id, i, Keyword(element)));
                    continue;
                }
                roles[i] = roles[i] with { Role = ParameterRole.LossOutput };
                continue;
            }
            if (isSpanOutput && p.Name == "hessian")
            {
                if (reduction == LossSignature.None)
                {
                    diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.ScalarGradientWithNone.Id, i, p.Name));
                    continue;
                }
                roles[i] = roles[i] with { Role = ParameterRole.ScalarHessian };
                continue;
            }
            int secondTarget = FindSecondDerivativeTarget(p.Name, roles);
            if (secondTarget >= 0)
            {
                BindSecondDerivative(p, i, roles, roles[secondTarget], isSpanOutput, element, secondOf, diagnostics);
                continue;
            }
            int target = FindGradientTarget(p.Name, roles);
            if (target < 0)
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.GradientWithoutInput.Id, i, p.Name, NoInputMessage(p.Name, roles, parameters)));
                // A misspelt 'loss' is reported here; LG0023 ("needs a loss span") would only repeat it.
                hasLossSpan |= isSpanOutput && Suggestions.Closest(p.Name, new[] { "loss" }) is not null;
                continue;
            }
            BoundParameter input = roles[target];
            if (isSpanOutput && input.Role == ParameterRole.ScalarInput)
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.GradientShapeMismatch.Id, i, p.Name, "scalar", input.Name, "'out " + Keyword(element) + " " + p.Name + "'"));
                continue;
            }
            if (isScalarOutput && input.Role == ParameterRole.ElementwiseInput)
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.GradientShapeMismatch.Id, i, p.Name, "element-wise", input.Name, "'Span<" + Keyword(element) + "> " + p.Name + "'"));
                continue;
            }
            if (isScalarOutput && reduction == LossSignature.None)
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.ScalarGradientWithNone.Id, i, p.Name));
                continue;
            }
            if (gradientOf.TryGetValue(target, out string? existing))
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.DuplicateGradient.Id, i, input.Name, existing));
                continue;
            }
            gradientOf[target] = p.Name;
            roles[i] = roles[i] with { Role = isSpanOutput ? ParameterRole.ElementwiseGradient : ParameterRole.ScalarGradient, Target = target };
        }

        if (roles.FirstOrDefault(r => r.Role == ParameterRole.ScalarHessian) is BoundParameter hessian && !roles.Any(r => r.Role == ParameterRole.ScalarGradient))
        {
            diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.HessianWithoutGradients.Id, hessian.Index, hessian.Name));
        }
        // Not when a parameter of another type was already reported (LG0020): float[] p, float[] y is one mistake, not two.
        if (!roles.Any(r => r.Role == ParameterRole.ElementwiseInput) && !parameters.Any(p => p.Shape is ParameterShape.ReadOnlySpan && p.Element != ElementType.Int || p.Shape is ParameterShape.Other))
        {
            diagnostics.Add(DiagnosticInfo.AtMethod(DiagnosticDescriptors.NoElementwiseInput.Id));
        }
        if (reduction == LossSignature.None && !hasLossSpan)
        {
            diagnostics.Add(DiagnosticInfo.AtMethod(DiagnosticDescriptors.NoneWithoutLossSpan.Id, Keyword(element)));
        }
        CheckReturnType(declaration, reduction, element, diagnostics);
        (int rowLength, int rowLengthParameter) = BindRowLength(declaration, roles, diagnostics);
        if (rowLength > 0 || rowLengthParameter >= 0)
        {
            foreach (BoundParameter second in roles.Where(r => r.Role is ParameterRole.ElementwiseSecondDerivative or ParameterRole.ScalarHessian))
            {
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.RowSecondDerivative.Id, second.Index, second.Name));
            }
        }
        return new LossSignature(element, reduction, roles, rowLength, rowLengthParameter, rowLengthInvalid: declaration.RowLength is not null && rowLength == 0 && rowLengthParameter < 0);
    }

    /// <summary>
    /// An <c>int</c> parameter: class indices (<c>ReadOnlySpan&lt;int&gt;</c>) or the run-time row length
    /// named by <c>RowLength = nameof(k)</c>; anything else has no role.
    /// </summary>
    private static void BindInt(LossDeclaration declaration, ParameterModel p, int i, BoundParameter[] roles, List<DiagnosticInfo> diagnostics)
    {
        if (p.Shape == ParameterShape.ReadOnlySpan && p.Passing == ParameterPassing.Value)
        {
            roles[i] = roles[i] with { Role = ParameterRole.IndexInput };
            return;
        }
        if (p.Shape == ParameterShape.Scalar && p.Passing == ParameterPassing.Value && declaration.RowLength == p.Name)
        {
            roles[i] = roles[i] with { Role = ParameterRole.RowLengthParameter };
            return;
        }
        string? rowLength = declaration.RowLength?.Trim();
        bool rowLengthInvalid = rowLength is not null && !(int.TryParse(rowLength, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) && k > 0)
            && !declaration.Parameters.Any(q => q.Element == ElementType.Int && q.Shape == ParameterShape.Scalar && q.Passing == ParameterPassing.Value && q.Name == rowLength);
        if (rowLengthInvalid && p.Shape == ParameterShape.Scalar && p.Passing == ParameterPassing.Value)
        {
            return; // LG0038 on RowLength says what is wrong; the int parameter is not reported again
        }
        string problem = p.Shape == ParameterShape.Scalar && p.Passing == ParameterPassing.Value
            ? "an 'int' parameter is the row length of a row loss, named by the attribute: RowLength = nameof(" + p.Name + ")"
            : p.Shape == ParameterShape.ReadOnlySpan
                ? "class indices 'ReadOnlySpan<int>' are passed by value (no ref, in or out)"
                : "'int' is allowed for class indices 'ReadOnlySpan<int>' and the row length 'int k' of row losses";
        diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.UnsupportedParameter.Id, i, p.Name, problem));
    }

    /// <summary>RowLength: a positive integer constant (K at compile time) or the name of an <c>int</c> parameter (K at run time).</summary>
    private static (int RowLength, int Parameter) BindRowLength(LossDeclaration declaration, BoundParameter[] roles, List<DiagnosticInfo> diagnostics)
    {
        string? text = declaration.RowLength;
        if (text is null)
        {
            return (0, -1);
        }
        string trimmed = text.Trim();
        if (trimmed.Length > 0 && (char.IsDigit(trimmed[0]) || trimmed[0] is '-' or '+'))
        {
            if (int.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out int k) && k > 0)
            {
                return (k, -1);
            }
            diagnostics.Add(DiagnosticInfo.At(DiagnosticTargetKind.RowLength, DiagnosticDescriptors.InvalidRowLength.Id, -1, text,
                "is not a positive number of values per row: K must be an integer from 1 to " + int.MaxValue.ToString(CultureInfo.InvariantCulture)));
            return (0, -1);
        }
        BoundParameter? named = roles.FirstOrDefault(r => r.Name == trimmed);
        if (named is not null && named.Role == ParameterRole.RowLengthParameter)
        {
            return (0, named.Index);
        }
        // A close name among the int parameters, else the only int parameter there is.
        var ints = declaration.Parameters.Where(p => p.Element == ElementType.Int && p.Shape == ParameterShape.Scalar).Select(p => p.Name).ToList();
        string? suggestion = Suggestions.Closest(trimmed, ints) ?? (ints.Count == 1 ? ints[0] : null);
        string reason = named is not null
            ? "names the parameter '" + trimmed + "', which is not an 'int' passed by value; the run-time row length is declared 'int " + trimmed + "'"
            : "is neither a positive integer constant (RowLength = \"10\") nor the name of an 'int' parameter (RowLength = nameof(k))"
                + (suggestion is not null ? "; did you mean '" + suggestion + "'?" : "");
        diagnostics.Add(DiagnosticInfo.At(DiagnosticTargetKind.RowLength, DiagnosticDescriptors.InvalidRowLength.Id, -1, text, reason));
        return (0, -1);
    }

    /// <summary>
    /// <c>Span&lt;T&gt; d2x</c> for an element-wise input x: the second derivative of the loss in x[i], per
    /// element (the Hessian's diagonal), scaled by the reduction like a gradient.
    /// </summary>
    private static void BindSecondDerivative(ParameterModel p, int i, BoundParameter[] roles, BoundParameter input, bool isSpanOutput, ElementType element,
        Dictionary<int, string> secondOf, List<DiagnosticInfo> diagnostics)
    {
        if (input.Role == ParameterRole.ScalarInput)
        {
            diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.SecondDerivativeOfScalar.Id, i, p.Name, input.Name));
            return;
        }
        if (!isSpanOutput)
        {
            diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.GradientShapeMismatch.Id, i, p.Name, "element-wise", input.Name, "'Span<" + Keyword(element) + "> " + p.Name + "'"));
            return;
        }
        if (secondOf.TryGetValue(input.Index, out string? existing))
        {
            diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.DuplicateGradient.Id, i, input.Name, existing));
            return;
        }
        secondOf[input.Index] = p.Name;
        roles[i] = roles[i] with { Role = ParameterRole.ElementwiseSecondDerivative, Target = input.Index };
    }

    private static void CheckMethod(LossDeclaration declaration, List<DiagnosticInfo> diagnostics)
    {
        if (declaration.HasImplementation)
        {
            diagnostics.Add(DiagnosticInfo.AtMethod(DiagnosticDescriptors.AlreadyImplemented.Id, declaration.MethodName));
        }
        else if (!declaration.IsPartial)
        {
            diagnostics.Add(DiagnosticInfo.AtMethod(DiagnosticDescriptors.MethodNotPartial.Id, declaration.TypeMetadataName + "." + declaration.MethodName));
        }
        string path = declaration.Namespace ?? "";
        for (int i = 0; i < declaration.ContainingTypes.Count; i++)
        {
            ContainingTypeModel type = declaration.ContainingTypes[i];
            path = path.Length == 0 ? type.Name : path + "." + type.Name;
            if (!type.IsPartial)
            {
                diagnostics.Add(DiagnosticInfo.At(DiagnosticTargetKind.ContainingType, DiagnosticDescriptors.TypeNotPartial.Id, i, path, declaration.MethodName,
                    (type.Modifiers.Length > 0 ? type.Modifiers + " " : "") + "partial " + type.Keyword + " " + type.Name));
            }
        }
        if (declaration.IsGeneric)
        {
            diagnostics.Add(DiagnosticInfo.AtMethod(DiagnosticDescriptors.GenericMethod.Id, declaration.MethodName));
        }
        if (declaration.Formula is null)
        {
            diagnostics.Add(DiagnosticInfo.At(DiagnosticTargetKind.Formula, DiagnosticDescriptors.FormulaNotConstant.Id, -1));
        }
    }

    private static void CheckReturnType(LossDeclaration declaration, int reduction, ElementType element, List<DiagnosticInfo> diagnostics)
    {
        bool ok = reduction == LossSignature.None
            ? declaration.ReturnsVoid
            : declaration.ReturnShape == ParameterShape.Scalar && declaration.ReturnElement == element && !declaration.ReturnTypeDisplay.StartsWith("ref", System.StringComparison.Ordinal);
        if (!ok)
        {
            string name = reduction switch { LossSignature.Sum => "Sum", LossSignature.None => "None", _ => "Mean" };
            diagnostics.Add(DiagnosticInfo.AtMethod(DiagnosticDescriptors.WrongReturnType.Id, name, reduction == LossSignature.None ? "void" : Keyword(element)));
        }
    }

    /// <summary>The element type: that of the first span or scalar parameter, else of the return type, else float.</summary>
    private static ElementType ChooseElementType(LossDeclaration declaration)
    {
        foreach (ParameterModel p in declaration.Parameters)
        {
            if (p.Shape is ParameterShape.ReadOnlySpan && p.Element != ElementType.Int)
            {
                return p.Element;
            }
        }
        foreach (ParameterModel p in declaration.Parameters)
        {
            if (p.Element is ElementType.Float or ElementType.Double)
            {
                return p.Element;
            }
        }
        return declaration.ReturnElement is ElementType.Float or ElementType.Double ? declaration.ReturnElement : ElementType.Float;
    }

    /// <summary>The input that <c>d2X</c> or <c>d2x</c> gives the second derivative in (as <see cref="FindGradientTarget"/>), or -1.</summary>
    private static int FindSecondDerivativeTarget(string name, BoundParameter[] roles) =>
        name.Length > 2 && name[0] == 'd' && name[1] == '2' ? FindGradientTarget("d" + name.Substring(2), roles) : -1;

    /// <summary>Finds the input that <c>dX</c> or <c>dx</c> differentiates by: the name after the 'd', as written or with its first letter in lower case.</summary>
    private static int FindGradientTarget(string name, BoundParameter[] roles)
    {
        if (name.Length < 2 || name[0] != 'd')
        {
            return -1;
        }
        string exact = name.Substring(1);
        string lowered = char.ToLowerInvariant(exact[0]) + exact.Substring(1);
        foreach (string candidate in new[] { exact, lowered })
        {
            foreach (BoundParameter role in roles)
            {
                if (role.Name == candidate && role.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput)
                {
                    return role.Index;
                }
            }
        }
        return -1;
    }

    public static string Keyword(ElementType element) => element == ElementType.Double ? "double" : "float";
}
