using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Emit;

/// <summary>
/// Prints <c>Run</c> of a row loss over a run-time K (<see cref="RowKernelPlan"/>): validation of K, every
/// span length and every class index before anything is written; then one of two layouts of the plan's stages.
/// <c>AlongRows</c> (this file): per row, per-sample statements on broadcast vectors, and passes along the row's K
/// values, a vector at a time with a masked tail, that reduce (sum, max, min) or store the row gradients.
/// <c>AcrossSamples</c> (RowLoopEmitter.AcrossSamples.cs), for rows shorter than two vectors: one vector holds one
/// component of consecutive samples, so per-sample values fill every lane and reductions need no horizontal step.
/// </summary>
internal sealed partial class RowLoopEmitter
{
    private readonly LossDeclaration _d;
    private readonly RowKernelPlan _plan;
    private readonly string _t;
    private readonly string _v;
    private readonly HashSet<string> _parameterNames;
    private readonly Dictionary<string, string> _locals = new();
    private readonly HashSet<string> _taken = new();
    private readonly HashSet<string> _reserved;

    public RowLoopEmitter(LossDeclaration d, RowKernelPlan plan)
    {
        _d = d;
        _plan = plan;
        _t = plan.Element == ElementType.Double ? "double" : "float";
        _v = "Vector<" + _t + ">";
        _parameterNames = new HashSet<string>(d.Parameters.Select(p => p.Name));
        foreach (ParameterModel p in d.Parameters)
        {
            _taken.Add(p.Name);
            _taken.Add(Id(p.Name).TrimStart('@'));
        }
        _taken.UnionWith(Naming.Reserved);
        foreach (RowStage stage in plan.Stages)
        {
            _taken.UnionWith(stage.Statements.Select(s => s.Name));
            if (stage.Target is not null)
            {
                _taken.Add(stage.Target);
            }
        }
        _reserved = new HashSet<string>(_taken);
    }

    /// <summary>Starts a new method's locals: the names of parameters and plan statements stay taken.</summary>
    private void ResetLocals()
    {
        _locals.Clear();
        _taken.Clear();
        _taken.UnionWith(_reserved);
    }

    private string Id(string name) => Naming.KernelParameter(name, _parameterNames);

    private string L(string desired)
    {
        if (_locals.TryGetValue(desired, out string? name))
        {
            return name;
        }
        name = desired;
        while (!_taken.Add(name))
        {
            name += "_";
        }
        _locals[desired] = name;
        return name;
    }

    private string K => _plan.RowLength is string k ? Id(k) : _plan.ConstantRowLength.ToString(CultureInfo.InvariantCulture);

    private bool IsRow(string span) => _plan.RowSpans.Contains(span);

    private bool IsInput(string span) => _plan.Inputs.Any(i => i.Name == span && i.Kind is RowInputKind.Row or RowInputKind.Sample);

    private string Parameters => string.Join(", ", _d.Parameters.Select(p => (p.Passing == ParameterPassing.Out ? "out " : "") + p.TypeDisplay + " " + Id(p.Name)));

    private string ReturnType => _plan.Reduces ? _t : "void";

    public void Emit(CodeWriter w)
    {
        w.Line("/// <summary>Validates K, the spans and the class indices, then computes the loss and its gradients: across samples when K is below two vectors, along each row otherwise.</summary>");
        w.Line(GeneratedText.FullyOptimizedComment);
        w.Line(GeneratedText.FullyOptimized);
        w.Open("public static " + ReturnType + " Run(" + Parameters + ")");
        WriteValidation(w);
        string arguments = string.Join(", ", _d.Parameters.Select(p => (p.Passing == ParameterPassing.Out ? "out " : "") + Id(p.Name))) + ", " + L("n");
        string call = _plan.Reduces ? "return " : "";
        if (_plan.RowLength is null)
        {
            // A constant K beyond the unrolled bound is at least two vectors long: along the rows.
            w.Line(call + "AlongRows(" + arguments + ");");
        }
        else
        {
            w.Comment("A row shorter than two vectors would leave most lanes of a pass along it idle.");
            w.Open("if (" + K + " < 2 * " + _v + ".Count)");
            w.Line(call + "AcrossSamples(" + arguments + ");");
            if (!_plan.Reduces)
            {
                w.Line("return;");
            }
            w.Close();
            w.Line(call + "AlongRows(" + arguments + ");");
        }
        w.Close();
        w.Line();
        EmitAlongRows(w);
        if (_plan.RowLength is not null)
        {
            w.Line();
            ResetLocals();
            EmitAcrossSamples(w);
        }
    }

    private void EmitAlongRows(CodeWriter w)
    {
        w.Line("/// <summary>Row by row: per-sample values broadcast, passes along each row's K values a vector at a time.</summary>");
        w.Line(GeneratedText.FullyOptimized);
        w.Open("private static " + ReturnType + " AlongRows(" + Parameters + ", int " + L("n") + ")");
        foreach (string span in _plan.Spans.Where(s => !IsRow(s)))
        {
            bool index = _plan.IndexSpans.Contains(span);
            w.Line((IsInput(span) || index ? "ref readonly " : "ref ") + (index ? "int" : _t) + " " + L(span + "Ref") + " = ref MemoryMarshal.GetReference(" + Id(span) + ");");
        }
        foreach (RowPlanInput scalar in _plan.Inputs.Where(i => i.Kind == RowInputKind.Scalar))
        {
            w.Line(_v + " " + L(scalar.Name + "Vector") + " = new " + _v + "(" + Id(scalar.Name) + ");");
        }
        WritePerCall(w);
        bool hasRowGradients = _plan.Gradients.Any(g => g.RowSpan is not null && !g.IsZero);
        if (_plan.IsMean)
        {
            w.Line("// Mean over the n samples: every derivative is (1/n) times that of the sample's loss.");
            w.Line(_t + " " + L("scale") + " = 1 / (" + _t + ")" + L("n") + ";");
            if (hasRowGradients)
            {
                w.Line(_v + " " + L("scaleVector") + " = new " + _v + "(" + L("scale") + ");");
            }
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
        w.Line();
        w.Open("for (int " + L("r") + " = 0; " + L("r") + " < " + L("n") + "; " + L("r") + "++)");
        foreach (string span in _plan.RowSpans)
        {
            bool input = IsInput(span);
            w.Line((input ? "ReadOnlySpan<" : "Span<") + _t + "> " + L(span + "Row") + " = " + Id(span) + ".Slice(" + L("r") + " * " + K + ", " + K + ");");
            w.Line((input ? "ref readonly " : "ref ") + _t + " " + L(span + "RowRef") + " = ref MemoryMarshal.GetReference(" + L(span + "Row") + ");");
        }
        foreach (RowPlanInput input in _plan.Inputs.Where(i => i.Kind is RowInputKind.Sample or RowInputKind.Index))
        {
            string value = "Unsafe.Add(ref Unsafe.AsRef(in " + L(input.Name + "Ref") + "), " + L("r") + ")";
            w.Line(_v + " " + L(input.Name + "Vector") + " = new " + _v + "(" + (input.Kind == RowInputKind.Index ? "(" + _t + ")" : "") + value + ");");
        }
        WriteStages(w);
        string value0 = Operand(_plan.Value) + "[0]";
        w.Comment("l = " + _plan.ValueText);
        if (_plan.Reduces)
        {
            w.Line(L("lossSum") + ".Add(" + value0 + ");");
        }
        else
        {
            w.Line("Unsafe.Add(ref " + L(_plan.LossSpan! + "Ref") + ", " + L("r") + ") = " + value0 + ";");
        }
        foreach (PlanGradient g in _plan.Gradients.Where(g => g.RowSpan is null && !g.IsZero))
        {
            string v = Operand(g.Core!) + "[0]";
            w.Line(g.IsScalar
                ? L(g.Parameter + "Sum") + ".Add(" + v + ");"
                : "Unsafe.Add(ref " + L(g.Parameter + "Ref") + ", " + L("r") + ") = " + v + (_plan.IsMean ? " * " + L("scale") : "") + ";");
        }
        w.Close();
        WriteEpilogue(w);
        w.Close();
    }

    /// <summary>The plan's stages in order, for the layout being printed: per-sample statements, and passes along the row or loops over its components.</summary>
    private void WriteStages(CodeWriter w)
    {
        string pass = _acrossSamples ? "a loop over the K components" : "a pass along the row";
        foreach (RowStage stage in _plan.Stages.Where(s => s.Kind != RowStageKind.PerCall))
        {
            w.Comment(stage.Kind switch
            {
                RowStageKind.Reduce => stage.Target + " = " + stage.Comment + ": " + pass,
                RowStageKind.Outputs => "The row gradients: " + pass + ".",
                _ => _acrossSamples ? "Per-sample values (one sample per lane)." : "Per-sample values (every lane holds the same value).",
            });
            if (stage.Kind == RowStageKind.PerSample)
            {
                WriteStatements(w, stage.Statements);
            }
            else if (_acrossSamples)
            {
                WriteComponentLoop(w, stage);
            }
            else
            {
                WritePass(w, stage);
            }
        }
    }

    /// <summary>
    /// The statements of scalar inputs and K only (<see cref="RowStageKind.PerCall"/>), before the loop over samples:
    /// the JIT would not hoist them, and each sample would recompute them (a division in <c>-eps / K</c>).
    /// </summary>
    private void WritePerCall(CodeWriter w)
    {
        foreach (RowStage stage in _plan.Stages.Where(s => s.Kind == RowStageKind.PerCall))
        {
            w.Comment("Values of scalar inputs and K only: the same for every sample, computed once.");
            WriteStatements(w, stage.Statements);
        }
    }

    /// <summary>After the samples: zero gradients, the scalar gradients' totals and the reduced loss.</summary>
    private void WriteEpilogue(CodeWriter w)
    {
        foreach (PlanGradient g in _plan.Gradients.Where(g => g.IsZero))
        {
            w.Comment("The formula does not depend on " + g.Input + ": its gradient is zero.");
            w.Line(g.IsScalar ? Id(g.Parameter) + " = " + (_plan.IsMean ? L("n") + " == 0 ? " + _t + ".NaN : 0;" : "0;") : Id(g.Parameter) + ".Clear();");
        }
        if (_plan.Reduces)
        {
            foreach (PlanGradient g in _plan.Gradients.Where(g => g.IsScalar && !g.IsZero))
            {
                w.Line(Id(g.Parameter) + " = (" + _t + ")(" + L(g.Parameter + "Sum") + ".Total" + (_plan.IsMean ? " / " + L("n") : "") + ");");
            }
            w.Line(_plan.IsMean ? "// Mean of no samples is NaN (0 / 0)." : "// Sum of no samples is 0.");
            w.Line("return (" + _t + ")(" + L("lossSum") + ".Total" + (_plan.IsMean ? " / " + L("n") : "") + ");");
        }
    }

    private void WriteValidation(CodeWriter w)
    {
        if (_plan.RowLength is string k)
        {
            w.Line("KernelSupport.CheckRowLength(" + Id(k) + ", " + GeneratedText.StringLiteral(k) + ");");
        }
        string? first = _plan.Spans.FirstOrDefault(s => !IsRow(s));
        if (first is null)
        {
            first = _plan.Spans.First();
            w.Line("int " + L("n") + " = KernelSupport.RowCount(" + Id(first) + ".Length, " + K + ", " + GeneratedText.StringLiteral(first) + ");");
        }
        else
        {
            w.Line("int " + L("n") + " = " + Id(first) + ".Length;");
        }
        w.Line("// Validate every span before anything is written.");
        foreach (string span in _plan.Spans.Where(s => s != first))
        {
            w.Line(IsRow(span)
                ? "if (" + Id(span) + ".Length != (long)" + L("n") + " * " + K + ") KernelSupport.ThrowRowLengthMismatch(" + GeneratedText.StringLiteral(span) + ", " + Id(span) + ".Length, " + GeneratedText.StringLiteral(first) + ", " + L("n") + ", " + K + ");"
                : "if (" + Id(span) + ".Length != " + L("n") + ") KernelSupport.ThrowLengthMismatch(" + GeneratedText.StringLiteral(span) + ", " + Id(span) + ".Length, " + GeneratedText.StringLiteral(first) + ", " + L("n") + ");");
        }
        foreach (string index in _plan.IndexSpans)
        {
            w.Line("KernelSupport.CheckClassIndices(" + Id(index) + ", " + K + ", " + GeneratedText.StringLiteral(index) + ");");
        }
    }

    /// <summary>A pass along the row: whole vectors, then the masked tail (padding lanes take the reduction's identity and are never stored).</summary>
    private void WritePass(CodeWriter w, RowStage stage)
    {
        string acc = stage.Kind == RowStageKind.Reduce ? L(stage.Target + "Acc") : "";
        string identity = stage.Reduction switch
        {
            Op.RowMax => "new " + _v + "(" + _t + ".NegativeInfinity)",
            Op.RowMin => "new " + _v + "(" + _t + ".PositiveInfinity)",
            _ => _v + ".Zero",
        };
        if (stage.Kind == RowStageKind.Reduce)
        {
            w.Line(_v + " " + acc + " = " + identity + ";");
        }
        w.Open();
        w.Line("int " + L("j") + " = 0;");
        w.Open("for (; " + L("j") + " <= " + K + " - " + L("width") + "; " + L("j") + " += " + L("width") + ")");
        WritePassBody(w, stage, acc, tail: false);
        w.Close();
        w.Open("if (" + L("j") + " < " + K + ")");
        w.Line(_v + " " + L("mask") + " = KernelSupport.TailMask<" + _t + ">(" + K + " - " + L("j") + ");");
        WritePassBody(w, stage, acc, tail: true);
        w.Close();
        w.Close();
        if (stage.Kind == RowStageKind.Reduce)
        {
            string horizontal = stage.Reduction switch
            {
                Op.RowMax => "KernelSupport.HorizontalMax(" + acc + ")",
                Op.RowMin => "KernelSupport.HorizontalMin(" + acc + ")",
                _ => "Vector.Sum(" + acc + ")",
            };
            w.Line(_v + " " + stage.Target + " = new " + _v + "(" + horizontal + ");");
        }
    }

    private void WritePassBody(CodeWriter w, RowStage stage, string acc, bool tail)
    {
        var used = new HashSet<string>(stage.Statements.SelectMany(s => s.Operands).Where(o => o.Kind == OperandKind.Parameter).Select(o => o.Name));
        if (stage.Reduced is { Kind: OperandKind.Parameter } reducedParameter)
        {
            used.Add(reducedParameter.Name);
        }
        foreach (RowStore store in stage.Stores)
        {
            if (store.Value.Kind == OperandKind.Parameter)
            {
                used.Add(store.Value.Name);
            }
        }
        foreach (RowPlanInput input in _plan.Inputs.Where(i => i.Kind == RowInputKind.Row && used.Contains(i.Name)))
        {
            w.Line(_v + " " + L(input.Name + "Lane") + " = " + (tail
                ? "KernelSupport.LoadTail(" + L(input.Name + "Row") + ", " + L("j") + ");"
                : "Vector.LoadUnsafe(in " + L(input.Name + "RowRef") + ", (nuint)" + L("j") + ");"));
        }
        WriteStatements(w, stage.Statements);
        if (stage.Kind == RowStageKind.Reduce)
        {
            string value = Operand(stage.Reduced!);
            if (tail)
            {
                string identity = stage.Reduction switch
                {
                    Op.RowMax => "new " + _v + "(" + _t + ".NegativeInfinity)",
                    Op.RowMin => "new " + _v + "(" + _t + ".PositiveInfinity)",
                    _ => _v + ".Zero",
                };
                value = "Vector.ConditionalSelect(" + L("mask") + ", " + value + ", " + identity + ")";
            }
            w.Line(acc + " = " + (stage.Reduction switch
            {
                Op.RowMax => "Vector.Max(" + acc + ", " + value + ")",
                Op.RowMin => "Vector.Min(" + acc + ", " + value + ")",
                _ => acc + " + " + value,
            }) + ";");
            return;
        }
        foreach (RowStore store in stage.Stores)
        {
            string value = Operand(store.Value) + (_plan.IsMean ? " * " + L("scaleVector") : "");
            w.Line(tail
                ? "KernelSupport.StoreTail(" + L(store.Span + "Row") + ", " + L("j") + ", " + value + ");"
                : "(" + value + ").StoreUnsafe(ref " + L(store.Span + "RowRef") + ", (nuint)" + L("j") + ");");
        }
    }

    private void WriteStatements(CodeWriter w, IEnumerable<PlanStatement> statements)
    {
        foreach (PlanStatement statement in statements)
        {
            w.Comment(statement.Comment);
            if (statement.Note is string note)
            {
                w.Comment("rewrite: " + note);
            }
            w.Line(_v + " " + Naming.Identifier(statement.Name) + " = " + Expression(statement) + ";");
        }
    }

    private string Expression(PlanStatement statement)
    {
        switch (statement.Op)
        {
            case Op.Component:
                return _acrossSamples ? "new " + _v + "((" + _t + ")" + L("j") + ")" : "KernelSupport.ComponentIndices<" + _t + ">(" + L("j") + ")";
            case Op.Gather when _acrossSamples:
                return GatherAcrossSamples(statement.Operands[0].Name, statement.Operands[1].Name);
            case Op.RowLength:
                return "new " + _v + "((" + _t + ")" + K + ")";
            case Op.Gather:
                // A gather of a row input: the class index was validated, so this reads inside the row.
                return "new " + _v + "(Unsafe.Add(ref Unsafe.AsRef(in " + L(statement.Operands[0].Name + "RowRef") + "), Unsafe.Add(ref Unsafe.AsRef(in " + L(statement.Operands[1].Name + "Ref") + "), " + L("r") + ")))";
        }
        string code = OpTable.Of(statement.Op).Vector.Replace("{T}", _t).Replace("{V}", _v);
        for (int k = 0; k < statement.Operands.Count; k++)
        {
            code = code.Replace("{" + k.ToString(CultureInfo.InvariantCulture) + "}", Operand(statement.Operands[k]));
        }
        return code;
    }

    private string Operand(PlanOperand operand) => operand.Kind switch
    {
        OperandKind.Local => Naming.Identifier(operand.Name),
        OperandKind.Parameter => ParameterOperand(operand.Name),
        OperandKind.True => _v + ".AllBitsSet",
        OperandKind.False => _v + ".Zero",
        _ => operand.Value == 0 && operand.Value.Equals(0.0) ? _v + ".Zero" : operand.Value == 1 ? _v + ".One" : "new " + _v + "(" + Literal(operand.Value) + ")",
    };

    private string ParameterOperand(string name)
    {
        RowPlanInput? input = _plan.Inputs.FirstOrDefault(i => i.Name == name);
        return input?.Kind == RowInputKind.Row ? L(name + "Lane") : L(name + "Vector");
    }

    private string Literal(double value)
    {
        if (double.IsNaN(value))
        {
            return _t + ".NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? _t + ".PositiveInfinity" : _t + ".NegativeInfinity";
        }
        string text = _t == "float" ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains("Infinity") ? (value > 0 ? _t + ".PositiveInfinity" : _t + ".NegativeInfinity") : text + (_t == "float" ? "f" : "d");
    }
}
