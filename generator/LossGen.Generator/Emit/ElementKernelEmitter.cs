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
        string parameters = string.Join(", ", _plan.Inputs.Select(p => _v + " " + Naming.KernelParameter(p.KernelName, _parameterNames))
            .Concat(_plan.Computed.Select(g => "out " + _v + " " + Naming.KernelParameter(g.Parameter, _parameterNames))));
        w.Line("/// <summary>One vector of elements: returns the per-element loss and writes the derivatives.</summary>");
        w.Line("[MethodImpl(MethodImplOptions.AggressiveInlining)]");
        w.Open("private static " + _v + " Element(" + parameters + ")");
        foreach (PlanStatement statement in _plan.Statements)
        {
            w.Comment(statement.Comment);
            if (statement.Note is string note)
            {
                w.Comment("stable form: " + note);
            }
            w.Line(_v + " " + Naming.Identifier(statement.Name) + " = " + Expression(statement) + ";");
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
            string arguments = string.Join(", ", _plan.Inputs.Select(p => Naming.KernelParameter(p.KernelName, _parameterNames))
                .Concat(_plan.Computed.Select(g => "out " + Naming.KernelParameter(g.Parameter, _parameterNames))));
            w.Line();
            w.Line("/// <summary>The same kernel, called out of line for the vectors after the main loop: the loop alone inlines it.</summary>");
            w.Line(GeneratedText.FullyOptimized);
            w.Line("private static " + _v + " " + OutOfLineName + "(" + parameters + ") => Element(" + arguments + ");");
        }
    }

    /// <summary>The name of the out-of-line copy of the kernel.</summary>
    public const string OutOfLineName = "ElementOutOfLine";

    private string Expression(PlanStatement statement)
    {
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
        OperandKind.Parameter => Naming.KernelParameter(operand.Name, _parameterNames),
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
