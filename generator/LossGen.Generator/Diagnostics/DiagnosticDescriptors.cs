using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Diagnostics;

/// <summary>The one catalogue of LossGen diagnostics. IDs are stable; each links to docs/diagnostics.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string FormulaCategory = "LossGen.Formula";
    private const string DeclarationCategory = "LossGen.Declaration";
    private const string HelpBase = RepositoryInfo.Url + "/blob/" + RepositoryInfo.Branch + "/docs/diagnostics.md#";

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());

    // ---- formula language (LG0001-LG0019) ----
    public static readonly DiagnosticDescriptor SyntaxError = Error("LG0001", FormulaCategory, "Formula syntax error", "Syntax error in loss formula: {0}");
    public static readonly DiagnosticDescriptor UnknownName = Error("LG0002", FormulaCategory, "Unknown name in formula", "The name '{0}' is not a let-binding, an input of the method, or 'pi'{1}");
    public static readonly DiagnosticDescriptor UnknownFunction = Error("LG0003", FormulaCategory, "Unknown function", "'{0}' is not a LossGen function: {1}");
    public static readonly DiagnosticDescriptor WrongArgumentCount = Error("LG0004", FormulaCategory, "Wrong number of arguments", "'{0}' takes {1} argument(s), but {2} were given");
    public static readonly DiagnosticDescriptor DuplicateBinding = Error("LG0005", FormulaCategory, "Let-binding reuses a name", "The let-binding '{0}' reuses the name of {1}");
    public static readonly DiagnosticDescriptor TruthValueAsNumber = Error("LG0006", FormulaCategory, "Truth value used as a number", "A truth value (comparison, &&, ||, !) is used as a number; it may only be the condition of '?:'");
    public static readonly DiagnosticDescriptor NumberAsTruthValue = Error("LG0007", FormulaCategory, "Number used as a truth value", "A number is used where a truth value is needed; write a comparison such as 'x > 0'");
    public static readonly DiagnosticDescriptor FormulaTooDeep = Error("LG0008", FormulaCategory, "Formula nested too deeply", "The formula is nested more than {0} levels deep");
    public static readonly DiagnosticDescriptor FormulaTooLarge = Error("LG0009", FormulaCategory, "Formula too large", "The formula is too large: {0} (the limit is {1})");
    public static readonly DiagnosticDescriptor FormulaNotConstant = Error("LG0010", FormulaCategory, "Formula missing", "The [Loss] attribute needs a non-null constant formula string");
    public static readonly DiagnosticDescriptor RowWhereValueNeeded = Error("LG0012", FormulaCategory, "Row used where a per-sample value is needed", "This is a row (K values per sample), but {0} must be one value per sample; reduce the row first with sum, mean, max, min, logsumexp or a gather such as 'z[t]'");
    public static readonly DiagnosticDescriptor GatherFromNonRow = Error("LG0013", FormulaCategory, "Gather from a per-sample value", "Only a row has components to gather, and this is one value per sample; index a row input or a row expression, as in 'z[t]'");
    public static readonly DiagnosticDescriptor InvalidClassIndex = Error("LG0014", FormulaCategory, "Invalid class index", "The index of a gather must be a class-index input declared 'ReadOnlySpan<int>'{0}");
    public static readonly DiagnosticDescriptor ClassIndexOutsideGather = Error("LG0015", FormulaCategory, "Class indices used as a number", "'{0}' holds class indices (ReadOnlySpan<int>), which may only index a row, as in 'z[{0}]'");
    public static readonly DiagnosticDescriptor RowWithoutRowLength = Error("LG0016", FormulaCategory, "Row loss without RowLength", "{0} works on rows of K values per sample, which needs the attribute's RowLength: write RowLength = \"10\" for a constant K or RowLength = nameof(k) for an 'int k' parameter");
    public static readonly DiagnosticDescriptor InvalidNumber = Error("LG0011", FormulaCategory, "Invalid number", "The number '{0}' is not finite in {1} precision");

    // ---- declaration (LG0020-LG0039) ----
    public static readonly DiagnosticDescriptor UnsupportedParameter = Error("LG0020", DeclarationCategory, "Unsupported parameter", "Parameter '{0}' has no LossGen role: {1}");
    public static readonly DiagnosticDescriptor MixedElementTypes = Error("LG0021", DeclarationCategory, "Mixed element types", "Parameter '{0}' uses {1}, but the loss's element type is {2}; every span, scalar and the return type must use one of float or double");
    public static readonly DiagnosticDescriptor GradientWithoutInput = Error("LG0022", DeclarationCategory, "Gradient output without input", "Gradient output '{0}' has no matching input: {1}");
    public static readonly DiagnosticDescriptor NoneWithoutLossSpan = Error("LG0023", DeclarationCategory, "Reduction.None needs a loss span", "With Reduction.None the method must declare 'Span<{0}> loss' to receive the per-element losses");
    public static readonly DiagnosticDescriptor WrongReturnType = Error("LG0024", DeclarationCategory, "Wrong return type", "With Reduction.{0} the method must return {1}");
    public static readonly DiagnosticDescriptor ScalarGradientWithNone = Error("LG0025", DeclarationCategory, "Scalar gradient with Reduction.None", "Scalar gradient '{0}' needs Reduction.Mean or Reduction.Sum; with Reduction.None there is no single value to differentiate");
    public static readonly DiagnosticDescriptor NoElementwiseInput = Error("LG0026", DeclarationCategory, "No element-wise input", "A loss needs at least one element-wise input 'ReadOnlySpan<float>' or 'ReadOnlySpan<double>'");
    public static readonly DiagnosticDescriptor MethodNotPartial = Error("LG0027", DeclarationCategory, "Method must be a partial declaration", "Method '{0}' must be declared 'partial' without a body; LossGen writes the body");
    public static readonly DiagnosticDescriptor TypeNotPartial = Error("LG0028", DeclarationCategory, "Containing type must be partial", "Type '{0}', which contains the [Loss] method '{1}', must be declared 'partial' (write '{2}') so that LossGen can add the method's body");
    public static readonly DiagnosticDescriptor GenericMethod = Error("LG0029", DeclarationCategory, "Generic method", "Method '{0}' must not be generic; choose float or double");
    public static readonly DiagnosticDescriptor UnusedInput = Warning("LG0030", DeclarationCategory, "Input not used by the formula", "The formula never uses input '{0}'{1}");
    public static readonly DiagnosticDescriptor LossSpanWithoutNone = Error("LG0031", DeclarationCategory, "Loss span needs Reduction.None", "'Span<{0}> loss' receives per-element losses and is only allowed with Reduction.None");
    public static readonly DiagnosticDescriptor DuplicateGradient = Error("LG0032", DeclarationCategory, "Duplicate gradient output", "Input '{0}' already has the gradient output '{1}'");
    public static readonly DiagnosticDescriptor InvalidReduction = Error("LG0033", DeclarationCategory, "Invalid reduction", "Reduction value {0} is not Mean, Sum or None");
    public static readonly DiagnosticDescriptor GradientShapeMismatch = Error("LG0034", DeclarationCategory, "Gradient output of the wrong kind", "Gradient output '{0}' for {1} input '{2}' must be declared as {3}");
    public static readonly DiagnosticDescriptor SecondDerivativeOfScalar = Error("LG0036", DeclarationCategory, "Second derivative of a scalar input", "Second-derivative output '{0}' is for the scalar input '{1}'; second derivatives ('d2' + name) are for element-wise inputs, and those of scalar parameters come as one matrix: declare 'Span<T> hessian' beside their gradient outputs");
    public static readonly DiagnosticDescriptor HessianWithoutGradients = Error("LG0037", DeclarationCategory, "Hessian without scalar gradients", "The Hessian output '{0}' is taken in the scalar parameters that have gradient outputs, and there are none; declare them (e.g. 'out float da' for the scalar 'a')");
    public static readonly DiagnosticDescriptor InvalidRowLength = Error("LG0038", DeclarationCategory, "Invalid RowLength", "RowLength \"{0}\" {1}");
    public static readonly DiagnosticDescriptor RowLengthWithoutRows = Error("LG0039", DeclarationCategory, "RowLength without a row", "RowLength is set, but the formula has no row: a row is an input used inside sum, mean, max, min or logsumexp of one argument, or indexed as in 'z[t]'");
    public static readonly DiagnosticDescriptor RowSecondDerivative = Error("LG0040", DeclarationCategory, "Second derivative of a row loss", "Second derivatives ('{0}') are not available for row losses in this version; declare the gradient only");
    public static readonly DiagnosticDescriptor InternalError = Error("LG0099", DeclarationCategory, "LossGen internal error", "LossGen failed on this declaration ({0}); please report it with the formula and signature");
    public static readonly DiagnosticDescriptor AlreadyImplemented = Error("LG0035", DeclarationCategory, "Method already implemented", "Method '{0}' already has a body; a [Loss] method is a partial declaration whose body LossGen writes");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = typeof(DiagnosticDescriptors)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToDictionary(d => d.Id);

    /// <summary>Every descriptor, for the analyzer's SupportedDiagnostics.</summary>
    public static IEnumerable<DiagnosticDescriptor> All => ById.Values.OrderBy(d => d.Id);

    public static DiagnosticDescriptor Get(string id) => ById[id];
}
