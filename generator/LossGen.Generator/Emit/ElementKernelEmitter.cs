using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Planning;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Emit;

/// <summary>
/// Prints the per-element kernel of a <see cref="KernelPlan"/>: straight-line <c>Vector&lt;T&gt;</c>
/// code, one named local per statement, each under a comment that states what the plan says it computes.
/// </summary>
internal sealed class ElementKernelEmitter
{
    private readonly KernelPlan _plan;
    private readonly string _t;
    private readonly string _v;

    private readonly HashSet<string> _parameterNames;

    public ElementKernelEmitter(KernelPlan plan)
    {
        _plan = plan;
        _parameterNames = new HashSet<string>(plan.Inputs.Select(p => p.KernelName).Concat(plan.Gradients.Select(g => g.Parameter)));
        _t = plan.Element == ElementType.Double ? "double" : "float";
        _v = "Vector<" + _t + ">";
    }

    public void Emit(CodeWriter w)
    {
        string parameters = string.Join(", ", _plan.KernelInputs.Select(p => _v + " " + Naming.KernelParameter(p.KernelName, _parameterNames))
            .Concat(_plan.Invariants.Select(s => _v + " " + Naming.Identifier(s.Name)))
            .Concat(_plan.Computed.Select(g => "out " + _v + " " + Naming.KernelParameter(g.Parameter, _parameterNames))));
        w.Line("/// <summary>One vector of elements: returns the per-element loss and writes the derivatives.</summary>");
        if (_plan.InvariantStatements > 0)
        {
            w.Line("/// <remarks>" + string.Join(", ", _plan.Invariants.Select(s => "<c>" + Naming.Identifier(s.Name) + "</c>"))
                + (_plan.InvariantStatements == 1 ? " depends" : " depend") + " on scalar inputs and constants only: computed once per call by <c>Run</c>.</remarks>");
        }
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Open("private static " + _v + " Element(" + parameters + ")");
        foreach (PlanStatement statement in _plan.PerElement)
        {
            w.Comment(statement.Comment);
            if (statement.Note is string note)
            {
                w.Comment("rewrite: " + note);
            }
            w.Line(_v + " " + Naming.Identifier(statement.Name) + " = " + Expression(statement, Operand) + ";");
        }
        foreach (PlanGradient gradient in _plan.Computed)
        {
            w.Comment(gradient.Symbol + " = " + gradient.KernelText
                + (gradient.Factor != 1 ? " (the constant " + MathPrinter.Number(gradient.Factor) + " is applied with the 1/n of the mean)" : ""));
            w.Line(Naming.KernelParameter(gradient.Parameter, _parameterNames) + " = " + Operand(gradient.Core!) + ";");
        }
        w.Comment("l = " + _plan.KernelValueText);
        w.Line("return " + Operand(_plan.Value) + ";");
        w.Close();
        if (_plan.RemainderOutOfLine)
        {
            string arguments = string.Join(", ", _plan.KernelInputs.Select(p => Naming.KernelParameter(p.KernelName, _parameterNames))
                .Concat(_plan.Invariants.Select(s => Naming.Identifier(s.Name)))
                .Concat(_plan.Computed.Select(g => "out " + Naming.KernelParameter(g.Parameter, _parameterNames))));
            w.Line();
            w.Line(_plan.InterleavesPairs
                ? "/// <summary>The same kernel, called out of line for the vectors after the main loop (which writes out its statements for two vectors).</summary>"
                : "/// <summary>The same kernel, called out of line for the vectors after the main loop: the loop alone inlines it.</summary>");
            w.Line(GeneratedText.FullyOptimized);
            w.Line("private static " + _v + " " + OutOfLineName + "(" + parameters + ") => Element(" + arguments + ");");
        }
    }

    /// <summary>The name of the out-of-line copy of the kernel.</summary>
    public const string OutOfLineName = "ElementOutOfLine";

    /// <summary>
    /// The vector expression of <paramref name="statement"/>, its locals and parameters named by <paramref name="name"/>
    /// (the kernel's own names in <c>Element</c>, <c>Run</c>'s locals for the statements it computes before the loop).
    /// </summary>
    public string Expression(PlanStatement statement, System.Func<PlanOperand, string> name)
    {
        string code = OpTable.Of(statement.Op).Vector.Replace("{T}", _t).Replace("{V}", _v);
        for (int k = 0; k < statement.Operands.Count; k++)
        {
            code = code.Replace("{" + k.ToString(CultureInfo.InvariantCulture) + "}", name(statement.Operands[k]));
        }
        return code;
    }

    /// <summary>An operand in the kernel: a local, a parameter, or a constant or mask (<see cref="Constant(PlanOperand)"/>).</summary>
    private string Operand(PlanOperand operand) => operand.Kind switch
    {
        OperandKind.Local => Naming.Identifier(operand.Name),
        OperandKind.Parameter => Naming.KernelParameter(operand.Name, _parameterNames),
        _ => Constant(operand),
    };

    /// <summary>A constant operand, or the all-true or all-false mask, as a vector expression.</summary>
    public string Constant(PlanOperand operand) => operand.Kind switch
    {
        OperandKind.True => _v + ".AllBitsSet",
        OperandKind.False => _v + ".Zero",
        _ => Constant(operand.Value),
    };

    private string Constant(double value)
    {
        if (value == 0)
        {
            return value.Equals(0.0) ? _v + ".Zero" : "new " + _v + "(-0" + Suffix + ")";
        }
        if (value == 1)
        {
            return _v + ".One";
        }
        return "new " + _v + "(" + Literal(value) + ")";
    }

    private string Suffix => _t == "float" ? "f" : "d";

    /// <summary>A C# literal of <paramref name="value"/> in the element type, culture-invariant.</summary>
    public string Literal(double value)
    {
        if (double.IsNaN(value))
        {
            return _t + ".NaN";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? _t + ".PositiveInfinity" : _t + ".NegativeInfinity";
        }
        string text = _t == "float"
            ? ((float)value).ToString("R", CultureInfo.InvariantCulture)
            : value.ToString("R", CultureInfo.InvariantCulture);
        if (text.Contains("Infinity"))
        {
            return value > 0 ? _t + ".PositiveInfinity" : _t + ".NegativeInfinity";
        }
        return text + Suffix;
    }
}
