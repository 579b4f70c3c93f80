using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Planning;

namespace LossGen.Generator.Emit;

/// <summary>
/// Emits <c>Run</c>: validation of every span length before anything is written, then a main loop
/// of 4 vectors per iteration (2 for kernels with transcendental functions, their statements interleaved, 1 for such
/// kernels over rows: <see cref="KernelPlan.VectorsPerIteration"/>) with independent accumulators (summed in T for at most <see cref="BlockIterations"/> iterations, then
/// flushed into a double sum: <c>WideSum</c> for float, the compensated <c>CompensatedSum</c> for double),
/// after a 4-vector loop a single-vector loop, and a masked tail that runs the same kernel as the body, so
/// every element's result is bitwise the same wherever it falls.
/// </summary>
internal sealed partial class LoopEmitter
{
    /// <summary>Iterations of the main loop summed in T before a flush into the double accumulator.</summary>
    public const int BlockIterations = 16;

    private readonly LossDeclaration _d;
    private readonly KernelPlan _plan;
    private readonly ElementKernelEmitter _kernel;
    private readonly string _t;
    private readonly string _v;
    private readonly bool _reduces;
    private readonly int _unroll;
    private readonly bool _mean;
    private readonly List<PlanGradient> _spanGradients;
    private readonly List<PlanGradient> _scalarGradients;
    private readonly List<PlanGradient> _rowZeros;

    public LoopEmitter(LossDeclaration d, KernelPlan plan, ElementKernelEmitter kernel)
    {
        _d = d;
        _plan = plan;
        _kernel = kernel;
        _t = plan.Element == ElementType.Double ? "double" : "float";
        _v = "Vector<" + _t + ">";
        _reduces = plan.Reduces;
        _unroll = plan.VectorsPerIteration;
        _mean = plan.IsMean;
        _spanGradients = plan.Computed.Where(g => !g.IsScalar).ToList();
        _scalarGradients = plan.Computed.Where(g => g.IsScalar).ToList();
        // Zero components of a row gradient whose other components are not zero: stored as zeros in the loop.
        _rowZeros = plan.Gradients.Where(g => g.IsZero && g.Component >= 0 && plan.Gradients.Any(o => o.Span == g.Span && !o.IsZero)).ToList();
        _parameterNames = new HashSet<string>(d.Parameters.Select(p => p.Name));
    }

    private readonly HashSet<string> _parameterNames;

    private readonly Dictionary<string, string> _locals = new();
    private readonly HashSet<string> _taken = new();

    /// <summary>A parameter's identifier inside the kernel (<see cref="Naming.KernelParameter"/>).</summary>
    private string Id(string name) => Naming.KernelParameter(name, _parameterNames);

    /// <summary>The local called <paramref name="desired"/>, renamed (with trailing '_') if a parameter already has that name.</summary>
    private string L(string desired) => L(desired, desired);

    /// <summary>The local for <paramref name="key"/>, called <paramref name="desired"/> unless that name is taken.</summary>
    private string L(string desired, string key)
    {
        if (_locals.TryGetValue(key, out string? name))
        {
            return name;
        }
        if (_taken.Count == 0)
        {
            foreach (ParameterModel p in _d.Parameters)
            {
                _taken.Add(p.Name);
                _taken.Add(Id(p.Name).TrimStart('@'));
            }
            _taken.UnionWith(Naming.Reserved);
        }
        name = desired;
        while (!_taken.Add(name))
        {
            name += "_";
        }
        _locals[key] = name;
        return name;
    }

    private bool IsInputSpan(string name) => _plan.Inputs.Any(p => p.Name == name && !p.IsScalar && !p.IsIndex);

    private bool IsRow(string span) => _plan.RowSpans.Contains(span);

    /// <summary>
    /// n (samples) and the checks of every span before anything is written: per-sample spans hold n values,
    /// row spans n·K, class indices n values in [0, K).
    /// </summary>
    private void WriteValidation(CodeWriter w)
    {
        int k = _plan.RowLength;
        string? first = _plan.Inputs.FirstOrDefault(p => !p.IsScalar && p.Component < 0)?.Name ?? _plan.Spans.FirstOrDefault(p => !IsRow(p));
        if (first is null)
        {
            string row = _plan.Spans.First();
            w.Line("int " + L("n") + " = KernelSupport.RowCount(" + Id(row) + ".Length, " + k + ", " + GeneratedText.StringLiteral(row) + ");");
            first = row;
        }
        else
        {
            w.Line("int " + L("n") + " = " + Id(first) + ".Length;");
        }
        w.Line("// Validate every span before anything is written.");
        foreach (string span in _plan.Spans.Where(p => p != first))
        {
            if (IsRow(span))
            {
                w.Line("if (" + Id(span) + ".Length != (long)" + L("n") + " * " + k + ") KernelSupport.ThrowRowLengthMismatch(" + GeneratedText.StringLiteral(span) + ", " + Id(span) + ".Length, "
                    + GeneratedText.StringLiteral(first) + ", " + L("n") + ", " + k + ");");
            }
            else
            {
                w.Line("if (" + Id(span) + ".Length != " + L("n") + ") KernelSupport.ThrowLengthMismatch(" + GeneratedText.StringLiteral(span) + ", " + Id(span) + ".Length, " + GeneratedText.StringLiteral(first) + ", " + L("n") + ");");
            }
        }
        foreach (string index in _plan.IndexSpans)
        {
            w.Line("KernelSupport.CheckClassIndices(" + Id(index) + ", " + k + ", " + GeneratedText.StringLiteral(index) + ");");
        }
        if (_plan.Gradients.FirstOrDefault(g => g.Hessian is not null)?.Hessian is PlanHessianEntry hessian)
        {
            int entries = hessian.Size * hessian.Size;
            w.Line("if (" + Id(hessian.Span) + ".Length != " + entries + ") throw new ArgumentException(\"The Hessian of " + hessian.Size + " parameters has "
                + entries + " entries, but the span has \" + " + Id(hessian.Span) + ".Length + \".\", " + GeneratedText.StringLiteral(hessian.Span) + ");");
        }
    }

    public void Emit(CodeWriter w)
    {
        string parameters = string.Join(", ", _d.Parameters.Select(p => (p.Passing == ParameterPassing.Out ? "out " : "") + p.TypeDisplay + " " + Id(p.Name)));
        w.Line("/// <summary>Validates the spans, then computes the loss and its gradients in one pass.</summary>");
        w.Line(GeneratedText.FullyOptimizedComment);
        w.Line(GeneratedText.FullyOptimized);
        w.Open("public static " + (_reduces ? _t : "void") + " Run(" + parameters + ")");

        WriteValidation(w);
        w.Line();
        foreach (string span in _plan.Spans)
        {
            bool isIndex = _plan.IndexSpans.Contains(span);
            string refKind = IsInputSpan(span) || isIndex ? "ref readonly " : "ref ";
            w.Line(refKind + (isIndex ? "int" : _t) + " " + L(span + "Ref") + " = ref MemoryMarshal.GetReference(" + Id(span) + ");");
        }
        foreach (PlanInput scalar in _plan.Inputs.Where(p => p.IsScalar))
        {
            w.Line(_v + " " + L(scalar.Name + "Vector") + " = new " + _v + "(" + Id(scalar.Name) + ");");
        }
        WriteInvariants(w);
        if (_mean && _spanGradients.Count > 0)
        {
            w.Line("// Mean: the gradient of (1/n) Σ l_i with respect to x_i is (1/n) ∂l_i/∂x_i.");
            foreach (string factor in _spanGradients.Select(g => g.Factor).Distinct().Select(ScaleLiteral))
            {
                w.Line(_v + " " + L(ScaleName(factor)) + " = new " + _v + "(" + factor + " / " + L("n") + ");");
            }
        }
        if (_reduces && _mean && _t == "float")
        {
            w.Line("// 1/n once, before the loop, so that no division ends the call (the double product rounds to the quotient's float but for rare ties).");
            w.Line("double " + L("inverseN") + " = 1d / " + L("n") + ";");
        }
        if (_reduces)
        {
            // Float kernels widen block sums into double; double kernels add them with compensation.
            string sumType = _t == "float" ? "WideSum" : "CompensatedSum";
            w.Line(sumType + " " + L("lossSum") + " = default;");
            foreach (PlanGradient g in _scalarGradients)
            {
                w.Line(sumType + " " + L(g.Parameter + "Sum") + " = default;");
            }
        }
        w.Line("int " + L("width") + " = " + _v + ".Count;");
        w.Line("int " + L("i") + " = 0;");
        w.Line();

        if (_reduces)
        {
            w.Line("// Main loop: " + VectorsPerIteration + (_unroll > 1 ? " with independent accumulators, flushed into the" : ", its accumulator flushed into the"));
            w.Line("// double sum every " + BlockIterations + " iterations so that long sums stay accurate.");
            w.Line("int " + L("lastBlockStart") + " = " + L("n") + " - " + Stride + ";");
            w.Open("while (" + L("i") + " <= " + L("lastBlockStart") + ")");
            DeclareAccumulators(w, _unroll);
            w.Line("int " + L("blockEnd") + " = (int)Math.Min((long)" + L("i") + " + " + (BlockIterations - 1) + "L * " + Stride + ", " + L("lastBlockStart") + ");");
            w.Open("for (; " + L("i") + " <= " + L("blockEnd") + "; " + L("i") + " += " + Stride + ")");
            EmitUnrolled(w);
            w.Close();
            Flush(w, _unroll);
            w.Close();
            w.Line();
            if (_unroll > 1)
            {
                w.Line("// " + RemainingVectors + ", if any (none leaves the sum untouched).");
                w.Open("if (" + L("i") + " <= " + L("n") + " - " + L("width") + ")");
                DeclareAccumulators(w, 1);
                OpenRemainderLoop(w);
                EmitStep(w, 0, L("i"), tail: false);
                w.Close();
                Flush(w, 1);
                w.Close();
                w.Line();
            }
            w.Line("// Tail: the same kernel on a zero-padded vector; padding lanes are masked out of the sums and never stored.");
        }
        else
        {
            w.Line("// Main loop: " + VectorsPerIteration + "; every result is stored, nothing is summed.");
            w.Open("for (; " + L("i") + " <= " + L("n") + " - " + Stride + "; " + L("i") + " += " + Stride + ")");
            EmitUnrolled(w);
            w.Close();
            w.Line();
            if (_unroll > 1)
            {
                w.Line("// " + RemainingVectors + ".");
                OpenRemainderLoop(w);
                EmitStep(w, 0, L("i"), tail: false);
                w.Close();
                w.Line();
            }
            w.Line("// Tail: the same kernel on a zero-padded vector; padding lanes are never stored.");
        }
        w.Open("if (" + L("i") + " < " + L("n") + ")");
        if (_reduces)
        {
            w.Line(_v + " " + L("mask") + " = KernelSupport.TailMask<" + _t + ">(" + L("n") + " - " + L("i") + ");");
        }
        EmitStep(w, 0, L("i"), tail: true);
        w.Close();

        var cleared = new HashSet<string>();
        foreach (PlanGradient g in _plan.Gradients.Where(g => g.IsZero))
        {
            if (g.Component >= 0)
            {
                if (_plan.Gradients.Any(o => o.Span == g.Span && !o.IsZero) || !cleared.Add(g.Span))
                {
                    // Only some components are zero: they are stored by the loop like the others (see EmitStep).
                    continue;
                }
                w.Line();
                w.Comment("The formula does not depend on " + g.Input + ": its gradient is zero.");
                w.Line(Id(g.Span) + ".Clear();");
                continue;
            }
            w.Line();
            if (!g.IsScalar && g.Order == 2)
            {
                w.Comment("The formula is linear in " + g.Input + " (or does not depend on it): its second derivative is zero.");
                w.Line(Id(g.Parameter) + ".Clear();");
            }
            else if (!g.IsScalar)
            {
                w.Comment("The formula does not depend on " + g.Input + ": its gradient is zero.");
                w.Line(Id(g.Parameter) + ".Clear();");
            }
            else if (g.Hessian is PlanHessianEntry entry)
            {
                w.Comment(g.Symbol + " is zero whatever the inputs" + (_mean ? " (NaN when n = 0, as for any mean)." : "."));
                WriteHessian(w, entry, _mean ? L("n") + " == 0 ? " + _t + ".NaN : 0" : "0");
            }
            else
            {
                w.Comment("The formula does not depend on " + g.Input + ": its gradient is zero" + (_mean ? " (NaN when n = 0, as for any mean)." : "."));
                w.Line(Id(g.Parameter) + " = " + (_mean ? L("n") + " == 0 ? " + _t + ".NaN : 0;" : "0;"));
            }
        }
        if (_reduces)
        {
            w.Line();
            foreach (PlanGradient g in _scalarGradients)
            {
                string total = "(" + _t + ")(" + L(g.Parameter + "Sum") + ".Total" + MeanFactor + ")";
                if (g.Hessian is PlanHessianEntry entry)
                {
                    WriteHessian(w, entry, total);
                }
                else
                {
                    w.Line(Id(g.Parameter) + " = " + total + ";");
                }
            }
            w.Line(_mean ? "// Mean of no elements is NaN (" + (_t == "float" ? "0 · ∞" : "0 / 0") + ")." : "// Sum of no elements is 0.");
            w.Line("return (" + _t + ")(" + L("lossSum") + ".Total" + MeanFactor + ");");
        }
        w.Close();
    }

    /// <summary>Entry (row, column) of the Hessian and, off the diagonal, its mirror: the matrix is symmetric.</summary>
    private void WriteHessian(CodeWriter w, PlanHessianEntry entry, string value)
    {
        string span = Id(entry.Span);
        int at = entry.Row * entry.Size + entry.Column;
        int mirror = entry.Column * entry.Size + entry.Row;
        w.Line(at == mirror
            ? span + "[" + at + "] = " + value + ";"
            : span + "[" + at + "] = " + span + "[" + mirror + "] = " + value + ";");
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
        foreach (string prefix in new[] { "loss" }.Concat(_scalarGradients.Select(g => g.Parameter)))
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
        foreach (string prefix in new[] { "loss" }.Concat(_scalarGradients.Select(g => g.Parameter)))
        {
            string sum = count == 4
                ? "(" + L(prefix + "Acc0") + " + " + L(prefix + "Acc1") + ") + (" + L(prefix + "Acc2") + " + " + L(prefix + "Acc3") + ")"
                : string.Join(" + ", Enumerable.Range(0, count).Select(u => L(prefix + "Acc" + u.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            w.Line(L(prefix + "Sum") + ".Add(" + sum + ");");
        }
    }

    /// <summary>
    /// How a total becomes a mean: float kernels multiply their double total by 1/n computed before the loop (the product
    /// rounds to the same float as the quotient but for ties of probability ~2^-29, and takes a division off the end of
    /// every call); double kernels divide, so that their mean is the correctly rounded quotient of the total.
    /// </summary>
    private string MeanFactor => !_mean ? "" : _t == "float" ? " * " + L("inverseN") : " / " + L("n");
}
