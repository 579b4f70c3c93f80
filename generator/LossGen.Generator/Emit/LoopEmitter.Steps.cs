using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Planning;

namespace LossGen.Generator.Emit;

/// <summary>The loops' steps: one vector's (or an unrolled iteration's) kernel call, its stores and its sums.</summary>
internal sealed partial class LoopEmitter
{
    /// <summary>The main loop's step in elements: <c>width</c> times the vectors per iteration.</summary>
    private string Stride => _unroll == 1 ? L("width") : _unroll + " * " + L("width");

    private string RemainingVectors => "Whole vectors that remain (at most " + (_unroll - 1) + ")";

    /// <summary>A loop over the whole vectors after the main loop.</summary>
    private void OpenRemainderLoop(CodeWriter w) =>
        w.Open("for (; " + L("i") + " <= " + L("n") + " - " + L("width") + "; " + L("i") + " += " + L("width") + ")");

    private string VectorsPerIteration => _unroll == 1 ? "one vector per iteration" : _unroll + " vectors per iteration";

    private void EmitUnrolled(CodeWriter w)
    {
        if (_plan.InterleavesPairs)
        {
            EmitInterleavedPair(w);
            return;
        }
        WritePrefetches(w);
        for (int u = 0; u < _unroll; u++)
        {
            EmitStep(w, u, u == 0 ? L("i") : L("i") + " + " + (u == 1 ? L("width") : u + " * " + L("width")), tail: false, mainLoop: true);
        }
    }

    /// <summary>One vector's call of the kernel and its stores and sums; outside the main loop heavy kernels call the out-of-line copy.</summary>
    private void EmitStep(CodeWriter w, int u, string offset, bool tail, bool mainLoop = false)
    {
        string suffix = tail ? "Tail" : u.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string index = "(nuint)(" + offset + ")";
        var args = new List<string>();
        foreach (PlanInput input in _plan.KernelInputs)
        {
            if (input.IsScalar)
            {
                args.Add(L(input.Name + "Vector"));
            }
            else if (input.IsIndex)
            {
                args.Add(tail ? "KernelSupport.LoadIndicesTail<" + _t + ">(" + Id(input.Name) + ", " + L("i") + ")" : "KernelSupport.LoadIndices<" + _t + ">(in " + L(input.Name + "Ref") + ", " + index + ")");
            }
            else if (input.Component >= 0)
            {
                args.Add(tail
                    ? "KernelSupport.LoadStridedTail(" + Id(input.Name) + ", " + L("i") + ", " + _plan.RowLength + ", " + input.Component + ")"
                    : "KernelSupport.LoadStrided(in " + L(input.Name + "Ref") + ", " + RowOffset(index, input.Component) + ", " + _plan.RowLength + ")");
            }
            else
            {
                args.Add(tail ? "KernelSupport.LoadTail(" + Id(input.Name) + ", " + L("i") + ")" : "Vector.LoadUnsafe(in " + L(input.Name + "Ref") + ", " + index + ")");
            }
        }
        args.AddRange(_plan.Invariants.Select(s => InvariantLocal(s.Name)));
        foreach (PlanGradient g in _plan.Computed)
        {
            args.Add("out " + _v + " " + L(g.Parameter + suffix));
        }
        string element = _plan.RemainderOutOfLine && !mainLoop ? ElementKernelEmitter.OutOfLineName : "Element";
        w.Line(_v + " " + L("loss" + suffix) + " = " + element + "(" + string.Join(", ", args) + ");");
        EmitResults(w, u, index, tail, L("loss" + suffix), g => L(g.Parameter + suffix));
    }

    /// <summary>
    /// What follows one vector's kernel: its loss added to accumulator <paramref name="u"/> (or stored), its derivatives
    /// stored (span outputs, times the mean's scale) or added (scalar outputs); <paramref name="loss"/> and
    /// <paramref name="derivative"/> name the vectors that hold them.
    /// </summary>
    private void EmitResults(CodeWriter w, int u, string index, bool tail, string loss, System.Func<PlanGradient, string> derivative)
    {
        string Masked(string value) => tail ? "Vector.ConditionalSelect(" + L("mask") + ", " + value + ", " + _v + ".Zero)" : value;
        if (_reduces)
        {
            if (tail)
            {
                w.Line(L("lossSum") + ".Add(" + Masked(loss) + ");");
            }
            else
            {
                w.Line(L("lossAcc" + u) + " += " + loss + ";");
            }
        }
        else
        {
            Store(w, _plan.LossSpan!, loss, index, tail);
        }
        foreach (PlanGradient g in _spanGradients)
        {
            string value = derivative(g) + (_mean ? " * " + L(ScaleName(ScaleLiteral(g.Factor))) : "");
            if (g.Component >= 0)
            {
                w.Line(tail
                    ? "KernelSupport.StoreStridedTail(" + Id(g.Span) + ", " + L("i") + ", " + _plan.RowLength + ", " + g.Component + ", " + value + ");"
                    : "KernelSupport.StoreStrided(ref " + L(g.Span + "Ref") + ", " + RowOffset(index, g.Component) + ", " + _plan.RowLength + ", " + value + ");");
            }
            else
            {
                Store(w, g.Parameter, value, index, tail);
            }
        }
        foreach (PlanGradient g in _rowZeros)
        {
            string zero = _v + ".Zero";
            w.Line(tail
                ? "KernelSupport.StoreStridedTail(" + Id(g.Span) + ", " + L("i") + ", " + _plan.RowLength + ", " + g.Component + ", " + zero + ");"
                : "KernelSupport.StoreStrided(ref " + L(g.Span + "Ref") + ", " + RowOffset(index, g.Component) + ", " + _plan.RowLength + ", " + zero + ");");
        }
        foreach (PlanGradient g in _scalarGradients)
        {
            if (tail)
            {
                w.Line(L(g.Parameter + "Sum") + ".Add(" + Masked(derivative(g)) + ");");
            }
            else
            {
                w.Line(L(g.Parameter + "Acc" + u) + " += " + derivative(g) + ";");
            }
        }
    }

    /// <summary>The offset of component <paramref name="component"/> of the row at sample <paramref name="index"/> (a nuint expression).</summary>
    private string RowOffset(string index, int component) =>
        index + " * " + _plan.RowLength + (component > 0 ? " + " + component : "");

    private void Store(CodeWriter w, string span, string value, string index, bool tail)
    {
        w.Line(tail
            ? "KernelSupport.StoreTail(" + Id(span) + ", " + L("i") + ", " + value + ");"
            : (value.Contains(" ") ? "(" + value + ")" : value) + ".StoreUnsafe(ref " + L(span + "Ref") + ", " + index + ");");
    }
}
