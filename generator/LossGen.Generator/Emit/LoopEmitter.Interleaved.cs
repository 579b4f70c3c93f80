using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Planning;

namespace LossGen.Generator.Emit;

/// <summary>
/// The main loop's iteration for kernels that interleave two vectors (<see cref="KernelPlan.InterleavesPairs"/>): the
/// kernel's statements written into the loop, each for the vector at i and then for the vector at i + width, so that
/// the processor sees two independent dependency chains side by side.
/// </summary>
internal sealed partial class LoopEmitter
{
    private void EmitInterleavedPair(CodeWriter w)
    {
        WritePrefetches(w);
        string[] offsets = { L("i"), L("i") + " + " + L("width") };
        w.Comment("The statements of Element for the vectors at " + offsets[0] + " and " + offsets[1] + ", each written for both before the next:");
        w.Comment("two independent dependency chains side by side, which the processor overlaps (docs/architecture.md, \"Loop width\").");
        foreach (PlanInput input in _plan.KernelInputs.Where(p => !p.IsScalar))
        {
            for (int copy = 0; copy < 2; copy++)
            {
                w.Line(_v + " " + PairLocal(input.KernelName, copy) + " = Vector.LoadUnsafe(in " + L(input.Name + "Ref") + ", (nuint)(" + offsets[copy] + "));");
            }
        }
        foreach (PlanStatement statement in _plan.PerElement)
        {
            w.Comment(statement.Comment);
            for (int copy = 0; copy < 2; copy++)
            {
                w.Line(_v + " " + PairLocal(statement.Name, copy) + " = " + _kernel.Expression(statement, o => PairOperand(o, copy)) + ";");
            }
        }
        foreach (PlanGradient g in _plan.Computed)
        {
            w.Comment(g.Symbol + " = " + g.KernelText
                + (g.Factor != 1 ? " (the constant " + MathPrinter.Number(g.Factor) + " is applied with the 1/n of the mean)" : ""));
        }
        w.Comment("l = " + _plan.KernelValueText);
        for (int copy = 0; copy < 2; copy++)
        {
            EmitResults(w, copy, "(nuint)(" + offsets[copy] + ")", tail: false, PairOperand(_plan.Value, copy), g => PairOperand(g.Core!, copy));
        }
    }

    /// <summary>The names of the statements computed once per call (<see cref="KernelPlan.Invariants"/>).</summary>
    private HashSet<string> InvariantNames => _invariantNames ??= new HashSet<string>(_plan.Invariants.Select(s => s.Name));

    private HashSet<string>? _invariantNames;

    /// <summary>An operand of copy <paramref name="copy"/> of the interleaved statements.</summary>
    private string PairOperand(PlanOperand operand, int copy) => operand.Kind switch
    {
        OperandKind.Local when InvariantNames.Contains(operand.Name) => InvariantLocal(operand.Name),
        OperandKind.Local => PairLocal(operand.Name, copy),
        OperandKind.Parameter when _plan.Inputs.Any(p => p.IsScalar && p.KernelName == operand.Name) => L(operand.Name + "Vector"),
        OperandKind.Parameter => PairLocal(operand.Name, copy),
        _ => _kernel.Constant(operand),
    };

    /// <summary><c>Run</c>'s local for the kernel's statement or input <paramref name="name"/> in copy <paramref name="copy"/>: <c>q_0</c>, <c>q_1</c>.</summary>
    private string PairLocal(string name, int copy)
    {
        string suffix = "_" + copy.ToString(CultureInfo.InvariantCulture);
        return Naming.Identifier(L(name + suffix, "pair " + suffix + " " + name));
    }
}
