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

    public ElementKernelEmitter(KernelPlan plan)
    {
        _plan = plan;
        _t = plan.Element == ElementType.Double ? "double" : "float";
        _v = "Vector<" + _t + ">";
    }

    public void Emit(CodeWriter w)
    {
        string parameters = string.Join(", ", _plan.Inputs.Select(p => _v + " " + Naming.Identifier(p.Name))
            .Concat(_plan.Computed.Select(g => "out " + _v + " " + Naming.Identifier(g.Parameter))));
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
            w.Line(Naming.Identifier(gradient.Parameter) + " = " + Operand(gradient.Core!) + ";");
        }
        w.Comment("l = " + _plan.KernelValueText);
        w.Line("return " + Operand(_plan.Value) + ";");
        w.Close();
    }

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
        OperandKind.Local or OperandKind.Parameter => Naming.Identifier(operand.Name),
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
