using LossGen.Generator.Binding;
using LossGen.Generator.Declarations;
using LossGen.Generator.Diagnostics;
using LossGen.Generator.Helpers;
using LossGen.Generator.Parsing;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Tests.Infrastructure;

/// <summary>Builds declarations and derived losses straight from formula text, without Roslyn.</summary>
internal static class Formulas
{
    /// <summary>The standard losses of the catalogue, as formulas over p (prediction), y (target) and scalars.</summary>
    public static readonly string[] Standard =
    {
        "(p - y)^2",
        "abs(p - y)",
        "d = abs(p - y); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta",
        "d = abs(p - y); d <= delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)",
        "d = p - y; d + softplus(-2 * d) - log(2)",
        "d = y - p; max(tau * d, (tau - 1) * d)",
        "-(xlogy(y, p) + xlogy(1 - y, 1 - p))",
        "w = 1 + (posWeight - 1) * y; (1 - y) * p + w * softplus(-p)",
        "max(0, 1 - y * p)",
        "max(0, 1 - y * p)^2",
        "exp(p) - y * p",
        "v = max(s2, eps); 0.5 * (log(v) + (p - y)^2 / v)",
        "xlogy(y, y) - y * p",
        "max(p, 0) - p * y + softplus(-abs(p))",
    };

    /// <summary>A declaration M(ReadOnlySpan p, ReadOnlySpan y, scalars..., [Span loss,] Span dp, Span dy, out d-scalars...); reduction 2 (None) returns void and has no scalar gradients.</summary>
    public static LossDeclaration Declaration(string formula, ElementType element = ElementType.Float, int reduction = 0, params string[] scalars) =>
        Declaration(formula, element, reduction, secondDerivatives: false, scalars);

    /// <summary>As above; with <paramref name="secondDerivatives"/> also Span d2p and Span d2y after the gradients.</summary>
    public static LossDeclaration Declaration(string formula, ElementType element, int reduction, bool secondDerivatives, params string[] scalars) =>
        Declaration(formula, element, reduction, secondDerivatives, hessian: false, scalars);

    /// <summary>As above; with <paramref name="hessian"/> also Span hessian (the scalars' Hessian) at the end.</summary>
    public static LossDeclaration Declaration(string formula, ElementType element, int reduction, bool secondDerivatives, bool hessian, params string[] scalars)
    {
        string t = element == ElementType.Double ? "double" : "float";
        var parameters = new List<ParameterModel>
        {
            new("p", ParameterShape.ReadOnlySpan, element, ParameterPassing.Value, $"global::System.ReadOnlySpan<{t}>", ""),
            new("y", ParameterShape.ReadOnlySpan, element, ParameterPassing.Value, $"global::System.ReadOnlySpan<{t}>", ""),
        };
        parameters.AddRange(scalars.Select(s => new ParameterModel(s, ParameterShape.Scalar, element, ParameterPassing.Value, t, "")));
        bool none = reduction == 2;
        if (none)
        {
            parameters.Add(new("loss", ParameterShape.Span, element, ParameterPassing.Value, $"global::System.Span<{t}>", ""));
        }
        parameters.Add(new("dp", ParameterShape.Span, element, ParameterPassing.Value, $"global::System.Span<{t}>", ""));
        parameters.Add(new("dy", ParameterShape.Span, element, ParameterPassing.Value, $"global::System.Span<{t}>", ""));
        if (secondDerivatives)
        {
            parameters.Add(new("d2p", ParameterShape.Span, element, ParameterPassing.Value, $"global::System.Span<{t}>", ""));
            parameters.Add(new("d2y", ParameterShape.Span, element, ParameterPassing.Value, $"global::System.Span<{t}>", ""));
        }
        if (!none)
        {
            parameters.AddRange(scalars.Select(s => new ParameterModel("d" + s, ParameterShape.Scalar, element, ParameterPassing.Out, t, "out")));
        }
        if (hessian)
        {
            parameters.Add(new("hessian", ParameterShape.Span, element, ParameterPassing.Value, $"global::System.Span<{t}>", ""));
        }
        return new LossDeclaration("Tests", new[] { new ContainingTypeModel("class", "L", "static", true) }.ToEquatableArray(), "M",
            "public static partial", true, false, "", "", none ? "void" : t, none ? ParameterShape.Other : ParameterShape.Scalar, none ? ElementType.None : element, none,
            parameters.ToEquatableArray(), formula, reduction, "Tests.L", false);
    }

    /// <summary>Parses, binds and differentiates; throws with the diagnostics if the formula has errors.</summary>
    public static (DerivedLoss Loss, LossSignature Signature) Derive(string formula, params string[] scalars) => Derive(formula, false, scalars);

    /// <summary>As above; with <paramref name="secondDerivatives"/> the declaration also asks for d2p and d2y.</summary>
    public static (DerivedLoss Loss, LossSignature Signature) Derive(string formula, bool secondDerivatives, params string[] scalars) =>
        Derive(formula, secondDerivatives, false, scalars);

    /// <summary>As above; with <paramref name="hessian"/> the declaration also asks for the scalars' Hessian.</summary>
    public static (DerivedLoss Loss, LossSignature Signature) Derive(string formula, bool secondDerivatives, bool hessian, params string[] scalars) =>
        Derive(formula, ElementType.Double, secondDerivatives, hessian, scalars);

    /// <summary>As above, for spans of <paramref name="element"/>.</summary>
    public static (DerivedLoss Loss, LossSignature Signature) Derive(string formula, ElementType element, bool secondDerivatives, bool hessian, string[] scalars)
    {
        var diagnostics = new List<DiagnosticInfo>();
        LossDeclaration declaration = Declaration(formula, element, 0, secondDerivatives, hessian, scalars);
        LossSignature signature = SignatureBinder.Bind(declaration, diagnostics);
        ParseResult parsed = Parser.Parse(formula);
        if (parsed.Error is not null)
        {
            throw new InvalidOperationException(formula + ": " + parsed.Error.FormatMessage());
        }
        BoundFormula? bound = FormulaBinder.Bind(parsed.Formula!, signature, formula.Length, diagnostics);
        if (bound is null || diagnostics.Any(d => d.IsError))
        {
            throw new InvalidOperationException(formula + ": " + string.Join("; ", diagnostics.Select(d => d.FormatMessage())));
        }
        return (DerivedLoss.Derive(bound, signature), signature);
    }

    /// <summary>
    /// As the catalogue declares its losses: the value, dp and d2p only (no derivatives for y or the scalars), through
    /// lowering — the operations its kernel runs.
    /// </summary>
    public static DerivedLoss DeriveAsCatalogue(string formula, params string[] scalars)
    {
        var diagnostics = new List<DiagnosticInfo>();
        LossDeclaration full = Declaration(formula, ElementType.Double, 0, secondDerivatives: true, hessian: false, scalars);
        LossDeclaration declaration = full with
        {
            Parameters = full.Parameters.Where(p => p.Name is not ("dy" or "d2y") && p.Passing != ParameterPassing.Out).ToEquatableArray(),
        };
        LossSignature signature = SignatureBinder.Bind(declaration, diagnostics);
        BoundFormula? bound = FormulaBinder.Bind(Parser.Parse(formula).Formula!, signature, formula.Length, diagnostics);
        if (bound is null || diagnostics.Any(d => d.IsError))
        {
            throw new InvalidOperationException(formula + ": " + string.Join("; ", diagnostics.Select(d => d.FormatMessage())));
        }
        return Lowering.Lower(DerivedLoss.Derive(bound, signature));
    }

    /// <summary>All scalar names that a formula from <see cref="Standard"/> uses.</summary>
    public static string[] ScalarsOf(string formula) =>
        new[] { "beta", "delta", "tau", "posWeight", "s2", "eps", "a", "b" }.Where(s => System.Text.RegularExpressions.Regex.IsMatch(formula, @"\b" + s + @"\b")).ToArray();

    /// <summary>The kernel plan of <paramref name="formula"/> over p and y, its scalars by <see cref="ScalarsOf"/> (double unless told, mean).</summary>
    public static KernelPlan PlanOf(string formula, ElementType element = ElementType.Double)
    {
        (DerivedLoss derived, LossSignature signature) = Derive(formula, element, false, false, ScalarsOf(formula));
        return KernelPlanner.Plan(derived, signature);
    }
}
