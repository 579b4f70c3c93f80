using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Binding;
using LossGen.Generator.Declarations;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Emit;

/// <summary>
/// Emits <c>Run</c>: validation of every span length before anything is written, then a main loop
/// of 4 vectors per iteration with independent accumulators (summed in T for at most
/// <see cref="BlockIterations"/> iterations, then flushed into a compensated double sum), a
/// single-vector loop, and a masked tail that runs the same kernel as the body, so every element's
/// result is bitwise the same wherever it falls.
/// </summary>
internal sealed class LoopEmitter
{
    /// <summary>Iterations of the ×4 loop summed in T before a flush into the double accumulator.</summary>
    public const int BlockIterations = 16;

    private readonly LossDeclaration _d;
    private readonly LossSignature _s;
    private readonly DerivedLoss _loss;
    private readonly ElementKernelEmitter _kernel;
    private readonly string _t;
    private readonly string _v;
    private readonly bool _reduces;
    private readonly bool _mean;
    private readonly List<GradientOutput> _spanGradients;
    private readonly List<GradientOutput> _scalarGradients;
    private readonly BoundParameter? _lossSpan;

    public LoopEmitter(LossDeclaration d, LossSignature s, DerivedLoss loss, ElementKernelEmitter kernel)
    {
        _d = d;
        _s = s;
        _loss = loss;
        _kernel = kernel;
        _t = s.Element == ElementType.Double ? "double" : "float";
        _v = "Vector<" + _t + ">";
        _reduces = s.Reduction != LossSignature.None;
        _mean = s.Reduction == LossSignature.Mean;
        _spanGradients = kernel.ComputedGradients.Where(g => g.Parameter.Role == ParameterRole.ElementwiseGradient).ToList();
        _scalarGradients = kernel.ComputedGradients.Where(g => g.Parameter.Role == ParameterRole.ScalarGradient).ToList();
        _lossSpan = s.Parameters.FirstOrDefault(p => p.Role == ParameterRole.LossOutput);
    }

    private readonly Dictionary<string, string> _locals = new();
    private readonly HashSet<string> _taken = new();

    private static string Id(string name) => Naming.Identifier(name);

    /// <summary>The local called <paramref name="desired"/>, renamed (with trailing '_') if a parameter already has that name.</summary>
    private string L(string desired)
    {
        if (_locals.TryGetValue(desired, out string? name))
        {
            return name;
        }
        if (_taken.Count == 0)
        {
            foreach (ParameterModel p in _d.Parameters)
            {
                _taken.Add(p.Name);
            }
        }
        name = desired;
        while (!_taken.Add(name))
        {
            name += "_";
        }
        _locals[desired] = name;
        return name;
    }

    private IEnumerable<BoundParameter> Spans => _s.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ElementwiseGradient or ParameterRole.LossOutput);

    private IEnumerable<BoundParameter> ElementInputs => _s.Parameters.Where(p => p.Role == ParameterRole.ElementwiseInput);

    public void Emit(CodeWriter w)
    {
        string parameters = string.Join(", ", _d.Parameters.Select(p => (p.Passing == ParameterPassing.Out ? "out " : "") + p.TypeDisplay + " " + Id(p.Name)));
        w.Line("/// <summary>Validates the spans, then computes the loss and its gradients in one pass.</summary>");
        w.Open("public static " + (_reduces ? _t : "void") + " Run(" + parameters + ")");

        BoundParameter first = ElementInputs.First();
        w.Line("int " + L("n") + " = " + Id(first.Name) + ".Length;");
        w.Line("// Validate every span before anything is written.");
        foreach (BoundParameter span in Spans.Where(p => p != first))
        {
            w.Line("if (" + Id(span.Name) + ".Length != " + L("n") + ") KernelSupport.ThrowLengthMismatch(" + GeneratedText.StringLiteral(span.Name) + ", " + Id(span.Name) + ".Length, " + GeneratedText.StringLiteral(first.Name) + ", " + L("n") + ");");
        }
        w.Line();
        foreach (BoundParameter span in Spans)
        {
            string refKind = span.Role == ParameterRole.ElementwiseInput ? "ref readonly " : "ref ";
            w.Line(refKind + _t + " " + L(span.Name + "Ref") + " = ref MemoryMarshal.GetReference(" + Id(span.Name) + ");");
        }
        foreach (BoundParameter scalar in _s.Parameters.Where(p => p.Role == ParameterRole.ScalarInput))
        {
            w.Line(_v + " " + L(scalar.Name + "Vector") + " = new " + _v + "(" + Id(scalar.Name) + ");");
        }
        if (_mean && _spanGradients.Count > 0)
        {
            w.Line("// Mean: the gradient of (1/n) Σ l_i with respect to x_i is (1/n) ∂l_i/∂x_i.");
            foreach (string factor in _spanGradients.Select(g => _kernel.Split(g).Factor).Distinct().Select(ScaleLiteral))
            {
                w.Line(_v + " " + L(ScaleName(factor)) + " = new " + _v + "(" + factor + " / " + L("n") + ");");
            }
        }
        if (_reduces)
        {
            // Float kernels widen block sums into double; double kernels add them with compensation.
            string sumType = _t == "float" ? "WideSum" : "CompensatedSum";
            w.Line(sumType + " " + L("lossSum") + " = default;");
            foreach (GradientOutput g in _scalarGradients)
            {
                w.Line(sumType + " " + L(g.Parameter.Name + "Sum") + " = default;");
            }
        }
        w.Line("int " + L("width") + " = " + _v + ".Count;");
        w.Line("int " + L("i") + " = 0;");
        w.Line();

        w.Line("// Main loop: 4 vectors per iteration with independent accumulators, flushed into the");
        w.Line("// double sum every " + BlockIterations + " iterations so that long sums stay accurate.");
        w.Line("int " + L("lastBlockStart") + " = " + L("n") + " - 4 * " + L("width") + ";");
        w.Open("while (" + L("i") + " <= " + L("lastBlockStart") + ")");
        DeclareAccumulators(w, 4);
        w.Line("int " + L("blockEnd") + " = (int)Math.Min((long)" + L("i") + " + " + (BlockIterations - 1) + "L * 4 * " + L("width") + ", " + L("lastBlockStart") + ");");
        w.Open("for (; " + L("i") + " <= " + L("blockEnd") + "; " + L("i") + " += 4 * " + L("width") + ")");
        for (int u = 0; u < 4; u++)
        {
            EmitStep(w, u, u == 0 ? L("i") : L("i") + " + " + (u == 1 ? L("width") : u + " * " + L("width")), tail: false);
        }
        w.Close();
        Flush(w, 4);
        w.Close();
        w.Line();

        w.Line("// Whole vectors that remain (at most 3).");
        w.Open();
        DeclareAccumulators(w, 1);
        w.Open("for (; " + L("i") + " <= " + L("n") + " - " + L("width") + "; " + L("i") + " += " + L("width") + ")");
        EmitStep(w, 0, L("i"), tail: false);
        w.Close();
        Flush(w, 1);
        w.Close();
        w.Line();

        w.Line("// Tail: the same kernel on a zero-padded vector; padding lanes are masked out of the sums and never stored.");
        w.Open("if (" + L("i") + " < " + L("n") + ")");
        if (_reduces)
        {
            w.Line(_v + " " + L("mask") + " = KernelSupport.TailMask<" + _t + ">(" + L("n") + " - " + L("i") + ");");
        }
        EmitStep(w, 0, L("i"), tail: true);
        w.Close();

        foreach (GradientOutput g in _loss.Gradients.Where(g => g.Node is null))
        {
            w.Line();
            if (g.Parameter.Role == ParameterRole.ElementwiseGradient)
            {
                w.Comment("The formula does not depend on " + g.Input.Name + ": its gradient is zero.");
                w.Line(Id(g.Parameter.Name) + ".Clear();");
            }
            else
            {
                w.Comment("The formula does not depend on " + g.Input.Name + ": its gradient is zero" + (_mean ? " (NaN when n = 0, as for any mean)." : "."));
                w.Line(Id(g.Parameter.Name) + " = " + (_mean ? L("n") + " == 0 ? " + _t + ".NaN : 0;" : "0;"));
            }
        }
        if (_reduces)
        {
            w.Line();
            foreach (GradientOutput g in _scalarGradients)
            {
                w.Line(Id(g.Parameter.Name) + " = (" + _t + ")(" + L(g.Parameter.Name + "Sum") + ".Total" + (_mean ? " / " + L("n") : "") + ");");
            }
            w.Line(_mean ? "// Mean of no elements is NaN (0 / 0)." : "// Sum of no elements is 0.");
            w.Line("return (" + _t + ")(" + L("lossSum") + ".Total" + (_mean ? " / " + L("n") : "") + ");");
        }
        w.Close();
    }

    private string ScaleLiteral(double factor) => factor == 1 ? (_t == "float" ? "1f" : "1d") : _kernel.Literal(factor);

    private static string ScaleName(string factorLiteral) =>
        factorLiteral is "1f" or "1d" ? "scale" : "scale" + new string(factorLiteral.Replace("-", "Minus").Replace(".", "_").Where(c => char.IsLetterOrDigit(c) || c == '_').ToArray());

    private void DeclareAccumulators(CodeWriter w, int count)
    {
        if (!_reduces)
        {
            return;
        }
        var names = new List<string>();
        foreach (string prefix in new[] { "loss" }.Concat(_scalarGradients.Select(g => g.Parameter.Name)))
        {
            for (int u = 0; u < count; u++)
            {
                names.Add(L(prefix + "Acc" + u) + " = " + _v + ".Zero");
            }
        }
        w.Line(_v + " " + string.Join(", ", names) + ";");
    }

    private void Flush(CodeWriter w, int count)
    {
        if (!_reduces)
        {
            return;
        }
        foreach (string prefix in new[] { "loss" }.Concat(_scalarGradients.Select(g => g.Parameter.Name)))
        {
            string sum = count == 4
                ? "(" + L(prefix + "Acc0") + " + " + L(prefix + "Acc1") + ") + (" + L(prefix + "Acc2") + " + " + L(prefix + "Acc3") + ")"
                : L(prefix + "Acc0");
            w.Line(L(prefix + "Sum") + ".Add(" + sum + ");");
        }
    }

    private void EmitStep(CodeWriter w, int u, string offset, bool tail)
    {
        string suffix = tail ? "Tail" : u.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string index = "(nuint)(" + offset + ")";
        var args = new List<string>();
        foreach (BoundParameter input in _kernel.Inputs)
        {
            if (input.Role == ParameterRole.ScalarInput)
            {
                args.Add(L(input.Name + "Vector"));
            }
            else
            {
                args.Add(tail ? "KernelSupport.LoadTail(" + Id(input.Name) + ", " + L("i") + ")" : "Vector.LoadUnsafe(in " + L(input.Name + "Ref") + ", " + index + ")");
            }
        }
        foreach (GradientOutput g in _kernel.ComputedGradients)
        {
            args.Add("out " + _v + " " + L(g.Parameter.Name + suffix));
        }
        w.Line(_v + " " + L("loss" + suffix) + " = Element(" + string.Join(", ", args) + ");");
        string Masked(string value) => tail ? "Vector.ConditionalSelect(" + L("mask") + ", " + value + ", " + _v + ".Zero)" : value;
        if (_reduces)
        {
            if (tail)
            {
                w.Line(L("lossSum") + ".Add(" + Masked(L("loss" + suffix)) + ");");
            }
            else
            {
                w.Line(L("lossAcc" + u) + " += " + L("loss" + suffix) + ";");
            }
        }
        else
        {
            Store(w, _lossSpan!.Name, L("loss" + suffix), index, tail);
        }
        foreach (GradientOutput g in _spanGradients)
        {
            Store(w, g.Parameter.Name, L(g.Parameter.Name + suffix) + (_mean ? " * " + L(ScaleName(ScaleLiteral(_kernel.Split(g).Factor))) : ""), index, tail);
        }
        foreach (GradientOutput g in _scalarGradients)
        {
            if (tail)
            {
                w.Line(L(g.Parameter.Name + "Sum") + ".Add(" + Masked(L(g.Parameter.Name + suffix)) + ");");
            }
            else
            {
                w.Line(L(g.Parameter.Name + "Acc" + u) + " += " + L(g.Parameter.Name + suffix) + ";");
            }
        }
    }

    private void Store(CodeWriter w, string span, string value, string index, bool tail)
    {
        w.Line(tail
            ? "KernelSupport.StoreTail(" + Id(span) + ", " + L("i") + ", " + value + ");"
            : (value.Contains(" ") ? "(" + value + ")" : value) + ".StoreUnsafe(ref " + L(span + "Ref") + ", " + index + ");");
    }
}
