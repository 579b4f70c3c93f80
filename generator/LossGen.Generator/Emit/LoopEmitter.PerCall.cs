using System.Linq;
using LossGen.Generator.Planning;

namespace LossGen.Generator.Emit;

/// <summary>What <c>Run</c> does once per call or ahead of the data for the kernel: statements of scalar inputs, prefetches.</summary>
internal sealed partial class LoopEmitter
{
    /// <summary>
    /// The statements of scalar inputs and constants only (<see cref="KernelPlan.Invariants"/>), computed once before
    /// the loop: the JIT does not hoist them out of the inlined kernel, which would recompute them for every vector.
    /// </summary>
    private void WriteInvariants(CodeWriter w)
    {
        foreach (PlanStatement s in _plan.Invariants)
        {
            w.Comment(s.Comment + ": the same for every element, computed once.");
            if (s.Note is string note)
            {
                w.Comment("rewrite: " + note);
            }
            w.Line(_v + " " + InvariantLocal(s.Name) + " = " + _kernel.Expression(s, InvariantOperand) + ";");
        }
    }

    /// <summary>An operand of a statement computed before the loop: a scalar input's vector, an earlier such statement, or a constant.</summary>
    private string InvariantOperand(PlanOperand operand) => operand.Kind switch
    {
        OperandKind.Parameter => L(operand.Name + "Vector"),
        OperandKind.Local => InvariantLocal(operand.Name),
        _ => _kernel.Constant(operand),
    };

    /// <summary><c>Run</c>'s local for the statement computed before the loop called <paramref name="name"/> in the kernel.</summary>
    private string InvariantLocal(string name) => Naming.Identifier(L(name, "invariant " + name));

    /// <summary>
    /// In the main loop of kernels with long bodies (<see cref="KernelPlan.Prefetches"/>): a prefetch of each element-wise
    /// span's data 2 KB ahead (<c>PrefetchPair</c> where the loop reads two vectors, so that 512-bit vectors' second line is
    /// asked for too); rows (loaded with strides) and class indices are not prefetched.
    /// </summary>
    private void WritePrefetches(CodeWriter w)
    {
        if (!_plan.Prefetches)
        {
            return;
        }
        bool pair = _plan.InterleavesPairs;
        w.Comment("Ask for each span's data 2 KB ahead (KernelSupport.PrefetchBytes" + (pair ? "; both vectors' lines" : "") + "): a hint, which never faults.");
        foreach (string span in _plan.Spans.Where(s => !IsRow(s) && !_plan.IndexSpans.Contains(s)))
        {
            w.Line("KernelSupport." + (pair ? "PrefetchPair" : "Prefetch") + "(in " + L(span + "Ref") + ", " + L("i") + ");");
        }
    }
}
