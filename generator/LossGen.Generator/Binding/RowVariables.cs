using System.Collections.Generic;
using LossGen.Generator.Parsing;

namespace LossGen.Generator.Binding;

/// <summary>
/// Finds the row inputs of a row loss (docs/dsl.md, "Rows"): an element-wise input is a row (n·K values)
/// when the formula uses it inside a row reduction (<c>sum</c>, <c>mean</c>, <c>logsumexp</c>, or
/// <c>max</c>/<c>min</c> of one argument) or indexes it (<c>z[t]</c>), directly or through let-bindings;
/// every other element-wise input has one value per sample. Pure.
/// </summary>
internal static class RowVariables
{
    /// <summary>Whether a call reduces a row: sum, mean, logsumexp, or max/min with one argument.</summary>
    public static bool IsRowReduction(CallSyntax call) =>
        call.Arguments.Count == 1 && call.Name is "sum" or "mean" or "logsumexp" or "max" or "min";

    /// <summary>The parameter indices of the element-wise inputs that are rows.</summary>
    public static HashSet<int> Find(FormulaSyntax formula, LossSignature signature)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        Mark(formula.Body, false, names);
        // A let-binding used in a row context puts its whole value there (as if written inline);
        // later bindings can only refer to earlier ones, so one backward pass suffices.
        for (int i = formula.Bindings.Count - 1; i >= 0; i--)
        {
            BindingSyntax binding = formula.Bindings[i];
            Mark(binding.Value, names.Contains(binding.Name), names);
        }
        var rows = new HashSet<int>();
        foreach (BoundParameter parameter in signature.Parameters)
        {
            if (parameter.Role == ParameterRole.ElementwiseInput && names.Contains(parameter.Name))
            {
                rows.Add(parameter.Index);
            }
        }
        return rows;
    }

    private static void Mark(ExprSyntax syntax, bool inRow, HashSet<string> names)
    {
        switch (syntax)
        {
            case NameSyntax name when inRow:
                names.Add(name.Name);
                break;
            case CallSyntax call:
                bool reduces = IsRowReduction(call);
                foreach (ExprSyntax argument in call.Arguments)
                {
                    Mark(argument, inRow || reduces, names);
                }
                break;
            case IndexSyntax index:
                Mark(index.Row, true, names);
                Mark(index.Index, inRow, names);
                break;
            case ParenthesizedSyntax parenthesized:
                Mark(parenthesized.Inner, inRow, names);
                break;
            case UnarySyntax unary:
                Mark(unary.Operand, inRow, names);
                break;
            case BinarySyntax binary:
                Mark(binary.Left, inRow, names);
                Mark(binary.Right, inRow, names);
                break;
            case ConditionalSyntax conditional:
                Mark(conditional.Condition, inRow, names);
                Mark(conditional.WhenTrue, inRow, names);
                Mark(conditional.WhenFalse, inRow, names);
                break;
        }
    }
}
