using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Emit;

/// <summary>
/// The <c>AcrossSamples</c> layout of a run-time row kernel, for K below two vectors: the samples go a vector's width
/// at a time (then a zero-padded tail block), one lane per sample. Per-sample inputs and class indices are plain
/// vector loads; a pass over the row is a loop over the K components, each a strided gather of one component of the
/// block's rows; reductions fold lane-wise (no horizontal step); row gradients are strided stores. The same plan
/// stages as <c>AlongRows</c>, printed for the other layout.
/// </summary>
internal sealed partial class RowLoopEmitter
{
    private bool _acrossSamples;
    private bool _tail;

    private void EmitAcrossSamples(CodeWriter w)
    {
        _acrossSamples = true;
        w.Line("/// <summary>Samples across the lanes: one vector holds one component of consecutive samples (rows shorter than two vectors).</summary>");
        w.Line(GeneratedText.FullyOptimized);
        w.Open("private static " + ReturnType + " AcrossSamples(" + Parameters + ", int " + L("n") + ")");
        foreach (string span in _plan.Spans)
        {
            bool index = _plan.IndexSpans.Contains(span);
            w.Line((IsInput(span) || index ? "ref readonly " : "ref ") + (index ? "int" : _t) + " " + L(span + "Ref") + " = ref MemoryMarshal.GetReference(" + Id(span) + ");");
        }
        foreach (RowPlanInput scalar in _plan.Inputs.Where(i => i.Kind == RowInputKind.Scalar))
        {
            w.Line(_v + " " + L(scalar.Name + "Vector") + " = new " + _v + "(" + Id(scalar.Name) + ");");
        }
        WritePerCall(w);
        if (_plan.IsMean)
        {
            w.Line("// Mean over the n samples: every derivative is (1/n) times that of the sample's loss.");
            w.Line(_t + " " + L("scale") + " = 1 / (" + _t + ")" + L("n") + ";");
            w.Line(_v + " " + L("scaleVector") + " = new " + _v + "(" + L("scale") + ");");
        }
        string sumType = _t == "float" ? "WideSum" : "CompensatedSum";
        if (_plan.Reduces)
        {
            w.Line(sumType + " " + L("lossSum") + " = default;");
            foreach (PlanGradient g in _plan.Gradients.Where(g => g.IsScalar && !g.IsZero))
            {
                w.Line(sumType + " " + L(g.Parameter + "Sum") + " = default;");
            }
        }
        w.Line("int " + L("width") + " = " + _v + ".Count;");
        w.Line("int " + L("r") + " = 0;");
        w.Comment("Whole blocks of samples, one per lane.");
        w.Open("for (; " + L("r") + " <= " + L("n") + " - " + L("width") + "; " + L("r") + " += " + L("width") + ")");
        _tail = false;
        WriteSampleBlock(w, L("width"));
        w.Close();
        w.Comment("The last samples (fewer than a vector): zero-padded lanes, never stored or summed.");
        w.Open("if (" + L("r") + " < " + L("n") + ")");
        _tail = true;
        WriteSampleBlock(w, L("n") + " - " + L("r"));
        w.Close();
        WriteEpilogue(w);
        w.Close();
        _acrossSamples = false;
        _tail = false;
    }

    private void WriteSampleBlock(CodeWriter w, string count)
    {
        string r = L("r");
        foreach (RowPlanInput input in _plan.Inputs.Where(i => i.Kind is RowInputKind.Sample or RowInputKind.Index))
        {
            string load = input.Kind == RowInputKind.Index
                ? (_tail ? "KernelSupport.LoadIndicesTail<" + _t + ">(" + Id(input.Name) + ", " + r + ")" : "KernelSupport.LoadIndices<" + _t + ">(in " + L(input.Name + "Ref") + ", (nuint)" + r + ")")
                : (_tail ? "KernelSupport.LoadTail(" + Id(input.Name) + ", " + r + ")" : "Vector.LoadUnsafe(in " + L(input.Name + "Ref") + ", (nuint)" + r + ")");
            w.Line(_v + " " + L(input.Name + "Vector") + " = " + load + ";");
        }
        WriteStages(w);
        string value = Operand(_plan.Value);
        w.Comment("l = " + _plan.ValueText);
        string lane = L("lane");
        if (_plan.Reduces)
        {
            w.Open("for (int " + lane + " = 0; " + lane + " < " + count + "; " + lane + "++)");
            w.Line(L("lossSum") + ".Add(" + value + "[" + lane + "]);");
            foreach (PlanGradient g in _plan.Gradients.Where(g => g.IsScalar && !g.IsZero))
            {
                w.Line(L(g.Parameter + "Sum") + ".Add(" + Operand(g.Core!) + "[" + lane + "]);");
            }
            w.Close();
        }
        else
        {
            WriteSampleStore(w, _plan.LossSpan!, value);
        }
        foreach (PlanGradient g in _plan.Gradients.Where(g => g.RowSpan is null && !g.IsScalar && !g.IsZero))
        {
            WriteSampleStore(w, g.Parameter, Operand(g.Core!) + (_plan.IsMean ? " * " + L("scaleVector") : ""));
        }
    }

    private void WriteSampleStore(CodeWriter w, string span, string value) =>
        w.Line(_tail
            ? "KernelSupport.StoreTail(" + Id(span) + ", " + L("r") + ", " + value + ");"
            : "(" + value + ").StoreUnsafe(ref " + L(span + "Ref") + ", (nuint)" + L("r") + ");");

    /// <summary>A pass over the row as a loop over its K components: one strided gather per row input and component.</summary>
    private void WriteComponentLoop(CodeWriter w, RowStage stage)
    {
        string acc = stage.Kind == RowStageKind.Reduce ? stage.Target! : "";
        if (stage.Kind == RowStageKind.Reduce)
        {
            string identity = stage.Reduction switch
            {
                Op.RowMax => "new " + _v + "(" + _t + ".NegativeInfinity)",
                Op.RowMin => "new " + _v + "(" + _t + ".PositiveInfinity)",
                _ => _v + ".Zero",
            };
            w.Line(_v + " " + acc + " = " + identity + ";");
        }
        string j = L("j"), r = L("r");
        w.Open("for (int " + j + " = 0; " + j + " < " + K + "; " + j + "++)");
        var used = new HashSet<string>(stage.Statements.SelectMany(s => s.Operands).Where(o => o.Kind == OperandKind.Parameter).Select(o => o.Name));
        if (stage.Reduced is { Kind: OperandKind.Parameter } reducedParameter)
        {
            used.Add(reducedParameter.Name);
        }
        used.UnionWith(stage.Stores.Where(s => s.Value.Kind == OperandKind.Parameter).Select(s => s.Value.Name));
        foreach (RowPlanInput input in _plan.Inputs.Where(i => i.Kind == RowInputKind.Row && used.Contains(i.Name)))
        {
            w.Line(_v + " " + L(input.Name + "Lane") + " = " + (_tail
                ? "KernelSupport.LoadStridedTail(" + Id(input.Name) + ", " + r + ", " + K + ", " + j + ");"
                : "KernelSupport.LoadStrided(in " + L(input.Name + "Ref") + ", (nuint)(" + r + " * " + K + " + " + j + "), " + K + ");"));
        }
        WriteStatements(w, stage.Statements);
        if (stage.Kind == RowStageKind.Reduce)
        {
            string value = Operand(stage.Reduced!);
            w.Line(acc + " = " + (stage.Reduction switch
            {
                Op.RowMax => "Vector.Max(" + acc + ", " + value + ")",
                Op.RowMin => "Vector.Min(" + acc + ", " + value + ")",
                _ => acc + " + " + value,
            }) + ";");
        }
        foreach (RowStore store in stage.Stores)
        {
            string value = Operand(store.Value) + (_plan.IsMean ? " * " + L("scaleVector") : "");
            w.Line(_tail
                ? "KernelSupport.StoreStridedTail(" + Id(store.Span) + ", " + r + ", " + K + ", " + j + ", " + value + ");"
                : "KernelSupport.StoreStrided(ref " + L(store.Span + "Ref") + ", (nuint)(" + r + " * " + K + " + " + j + "), " + K + ", " + value + ");");
        }
        w.Close();
    }

    /// <summary>The class-indexed value of each lane's row: <c>rows[row · K + t[row]]</c>, indices validated.</summary>
    private string GatherAcrossSamples(string rows, string indices) => _tail
        ? "KernelSupport.GatherRowsTail(" + Id(rows) + ", " + L("r") + ", " + K + ", " + Id(indices) + ")"
        : "KernelSupport.GatherRows(in " + L(rows + "Ref") + ", " + L("r") + ", " + K + ", in " + L(indices + "Ref") + ")";
}
