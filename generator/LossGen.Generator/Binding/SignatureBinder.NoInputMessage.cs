using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Declarations;

namespace LossGen.Generator.Binding;

/// <summary>The hints of LG0022 (an output that names no input): the name that would, or what was declared wrong.</summary>
internal static partial class SignatureBinder
{
    /// <summary>Why an output names no input, with the name that would (e.g. 'dP' → 'dp', 'gradP' → 'dP' or 'dp').</summary>
    private static string NoInputMessage(string name, BoundParameter[] roles, IReadOnlyList<ParameterModel> parameters)
    {
        var inputs = roles.Where(r => r.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput).Select(r => r.Name).ToList();
        if (Suggestions.Closest(name, new[] { "loss" }) is not null)
        {
            return "the per-element losses of Reduction.None go to a span named 'loss'; did you mean 'loss'?";
        }
        if (Suggestions.Closest(name, new[] { "hessian" }) is not null)
        {
            return "the Hessian of the scalar parameters goes to a span named 'hessian'; did you mean 'hessian'?";
        }
        string example = inputs.Count > 0 ? " (e.g. 'd" + inputs[0] + "' for the input '" + inputs[0] + "')" : "";
        // 'Span<float> p' (or 'out float p') beside 'dp': an input declared writable, which makes it an output.
        if (roles.Any(r => r.Name == "d" + name || r.Name == "d2" + name) && WritableInputHint(name, parameters, "is") is string self)
        {
            return self;
        }
        if (name.Length > 1 && name[0] == 'd' && roles.Any(r => r.Name == name.Substring(1) && r.Role is not (ParameterRole.ElementwiseInput or ParameterRole.ScalarInput))
            && WritableInputHint(name.Substring(1), parameters, "is declared as") is string declared)
        {
            return declared;
        }
        // 'dp2': the order of a second derivative's name is 'd2' then the input (only element-wise inputs have one).
        if (name.Length > 2 && name[0] == 'd' && name[name.Length - 1] == '2' && FindGradientTarget(name.Substring(0, name.Length - 1), roles) is int swapped and >= 0
            && roles[swapped].Role == ParameterRole.ElementwiseInput)
        {
            return "did you mean 'd2" + roles[swapped].Name + "'? A second derivative is named 'd2' followed by the input's name";
        }
        if (name.Length > 2 && name[0] == 'd' && name[1] == '2')
        {
            // A second-derivative output: 'd2' then an input's name.
            string wanted = name.Substring(2);
            string? near = Suggestions.Closest(wanted, inputs);
            string second = inputs.Count > 0 ? " (e.g. 'd2" + inputs[0] + "' for the input '" + inputs[0] + "')" : "";
            return near is not null
                ? "there is no input named '" + wanted + "' for this second derivative; did you mean 'd2" + near + "'?"
                : "there is no input named '" + wanted + "' for this second derivative; it is named 'd2' followed by an input's name" + second;
        }
        if (name.Length > 1 && name[0] == 'd')
        {
            string wanted = name.Substring(1);
            string? near = Suggestions.Closest(wanted, inputs);
            return near is not null
                ? "there is no input named '" + wanted + "'; did you mean 'd" + near + "'?"
                : "there is no input named '" + wanted + "'; an output is named 'loss' or 'd' followed by an input's name" + example;
        }
        // Another spelling of a gradient (gradP, grad_p, pGrad, dLdp): find the input it names.
        string? named = inputs.Where(input => name.EndsWith(input, System.StringComparison.OrdinalIgnoreCase) || name.StartsWith(input, System.StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(input => input.Length).FirstOrDefault();
        return named is not null
            ? "an output is named 'loss' or 'd' followed by an input's name; did you mean 'd" + named + "'?"
            : "an output is named 'loss' or 'd' followed by an input's name" + example;
    }

    /// <summary>
    /// For the parameter <paramref name="name"/> declared as an output (a <c>Span&lt;T&gt;</c>, or a scalar passed
    /// <c>out</c>) where an input was meant: the message that says so and how to declare it; else null (an int, a
    /// <c>ref</c> or a mistyped parameter is reported for what it is, not as an output).
    /// </summary>
    private static string? WritableInputHint(string name, IReadOnlyList<ParameterModel> parameters, string verb)
    {
        ParameterModel? p = parameters.FirstOrDefault(q => q.Name == name);
        if (p is null || p.Passing != ParameterPassing.Value && !(p.Shape == ParameterShape.Scalar && p.Passing == ParameterPassing.Out))
        {
            return null;
        }
        return p.Shape switch
        {
            ParameterShape.Span when p.Element != ElementType.Int =>
                "'" + name + "' " + verb + " a Span, which LossGen reads as an output; declare the input '" + name + "' as a ReadOnlySpan",
            ParameterShape.Scalar when p.Passing == ParameterPassing.Out && p.Element != ElementType.Int =>
                "'" + name + "' " + verb + " an out scalar, which LossGen reads as an output; declare the input '" + name + "' without 'out'",
            _ => null,
        };
    }
}
