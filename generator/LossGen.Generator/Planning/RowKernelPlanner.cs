using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Binding;
using LossGen.Generator.Emit;
using LossGen.Generator.Helpers;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Planning;

/// <summary>
/// Plans the kernel of a row loss over a run-time K (<see cref="RowKernelPlan"/>) from its lowered row
/// template: per-sample nodes become once-per-row statements in id (dependency) order; each reduction
/// becomes a pass along the row computing the row expression it reduces; a gather of a row input is a
/// direct load; the row gradients are computed and stored by a last pass. Pure.
/// </summary>
internal static class RowKernelPlanner
{
    public static RowKernelPlan Plan(DerivedLoss template, LossSignature signature)
    {
        DerivedLoss loss = Lowering.Lower(template);
        ExprGraph g = loss.Graph;
        var docs = new MathPrinter(template.Graph, id => signature.Parameters[(int)template.Graph[id].Value].Name, new Dictionary<int, string>());
        var taken = new HashSet<string>(signature.Parameters.Select(p => p.Name).Concat(Naming.Reserved));
        var gradientNodes = loss.Gradients.Where(o => o.Node is not null).Select(o => o.Node!.Value).ToList();
        var roots = new[] { loss.Value }.Concat(gradientNodes).ToList();
        List<int> order = g.Reachable(roots);
        // Fused multiply-adds as in element-wise kernels; a product absorbed into a row-level sum is computed per
        // component inside it, one absorbed into a per-sample sum once per row.
        (Dictionary<int, FusedStatement> fused, HashSet<int> absorbed) = Contraction.Find(g, order, roots, loss.BindingNames);
        var sample = new Dictionary<int, PlanOperand>();
        var stages = new List<RowStage>();
        var perSample = new List<PlanStatement>();
        int counter = 0;
        string Fresh(int id, string prefix)
        {
            if (loss.BindingNames.TryGetValue(id, out string? binding) && taken.Add(binding))
            {
                return binding;
            }
            string name;
            do
            {
                name = prefix + (++counter).ToString(CultureInfo.InvariantCulture);
            }
            while (!taken.Add(name));
            return name;
        }
        // What a statement computes: in full when short, else in terms of its operands (the locals and parameters it
        // reads; a product fused into it printed inline).
        string Comment(int id, System.Func<int, PlanOperand>? operand = null)
        {
            string? full = new MathPrinter(g, id2 => LeafName(g, signature, id2), new Dictionary<int, string>()).TryPrint(id, 60);
            if (full is not null || operand is null)
            {
                return full ?? OpFacts.FunctionName(g[id].Op);
            }
            var names = new Dictionary<int, string>();
            void Name(int child)
            {
                PlanOperand o = operand(child);
                if (o.Kind is OperandKind.Local or OperandKind.Parameter)
                {
                    names[child] = o.Name;
                }
            }
            Node n = g[id];
            for (int c = 0; c < n.Arity; c++)
            {
                if (absorbed.Contains(n.Child(c)))
                {
                    Name(g[n.Child(c)].A);
                    Name(g[n.Child(c)].B);
                }
                else
                {
                    Name(n.Child(c));
                }
            }
            return new MathPrinter(g, id2 => LeafName(g, signature, id2), names).Describe(id, 100);
        }
        void FlushPerSample()
        {
            if (perSample.Count > 0)
            {
                stages.Add(new RowStage(RowStageKind.PerSample, perSample.ToEquatableArray(), null, Op.Add, null, EquatableArray<RowStore>.Empty, "per-sample values"));
                perSample = new List<PlanStatement>();
            }
        }

        // Row-level statements computing `roots` along the row, given the per-sample operands so far.
        (List<PlanStatement> Statements, Dictionary<int, PlanOperand> Operands) RowPass(IEnumerable<int> roots)
        {
            var closure = new SortedSet<int>();
            var stack = new Stack<int>(roots.Where(g.IsRow));
            while (stack.Count > 0)
            {
                int id = stack.Pop();
                if (!closure.Add(id))
                {
                    continue;
                }
                Node n = g[id];
                for (int c = 0; c < n.Arity; c++)
                {
                    if (g.IsRow(n.Child(c)))
                    {
                        stack.Push(n.Child(c));
                    }
                }
            }
            var operands = new Dictionary<int, PlanOperand>();
            var statements = new List<PlanStatement>();
            foreach (int id in closure)
            {
                Node n = g[id];
                if (n.Op == Op.RowInput)
                {
                    operands[id] = new PlanOperand(OperandKind.Parameter, LeafName(g, signature, id), 0);
                    continue;
                }
                if (absorbed.Contains(id))
                {
                    continue; // computed inside the fused multiply-add that uses it
                }
                string name = Fresh(id, "r");
                (Op op, EquatableArray<PlanOperand> args) = Statement(id, node => Operand(node, operands));
                statements.Add(new PlanStatement(name, op, args, n.Op == Op.Component ? "j, the component index" : Comment(id, node => Operand(node, operands)), g.NoteOf(id), true));
                operands[id] = PlanOperand.Local(name);
            }
            return (statements, operands);
        }

        PlanOperand Operand(int id, Dictionary<int, PlanOperand>? row = null)
        {
            if (row is not null && row.TryGetValue(id, out PlanOperand? local))
            {
                return local;
            }
            if (sample.TryGetValue(id, out PlanOperand? known))
            {
                return known;
            }
            Node n = g[id];
            return n.Op switch
            {
                Op.Const => new PlanOperand(OperandKind.Constant, "", n.Value),
                Op.True => new PlanOperand(OperandKind.True, "", 0),
                Op.False => new PlanOperand(OperandKind.False, "", 0),
                _ when OpFacts.IsLeaf(n.Op) => new PlanOperand(OperandKind.Parameter, LeafName(g, signature, id), 0),
                _ => throw new System.InvalidOperationException("No statement computes node " + id + " (" + n.Op + ") where it is read."),
            };
        }

        // The operation and operands of node id's statement: its own, or those of the fused multiply-add it became.
        (Op, EquatableArray<PlanOperand>) Statement(int id, System.Func<int, PlanOperand> operand)
        {
            if (fused.TryGetValue(id, out FusedStatement f))
            {
                (Op op, List<PlanOperand> operands) = Contraction.Operands(f, operand);
                return (op, operands.ToEquatableArray());
            }
            Node n = g[id];
            return (n.Op, Enumerable.Range(0, n.Arity).Select(c => operand(n.Child(c))).ToEquatableArray());
        }

        HashSet<int> invariant = Invariance.Find(g, order);
        var perCall = new List<PlanStatement>();
        foreach (int id in order)
        {
            Node n = g[id];
            if (g.IsRow(id) || absorbed.Contains(id) || n.Op is Op.Const or Op.True or Op.False or Op.Input or Op.Scalar)
            {
                continue;
            }
            if (n.Op is Op.RowSum or Op.RowMax or Op.RowMin || n.Op == Op.Gather && g[n.A].Op != Op.RowInput)
            {
                FlushPerSample();
                int reduced = n.Op == Op.Gather ? g.Select(g.Compare(Op.Equal, g.Component(), n.B), n.A, g.Const(0)) : n.A;
                (List<PlanStatement> statements, Dictionary<int, PlanOperand> operands) = RowPass(new[] { reduced });
                string target = Fresh(id, "v");
                stages.Add(new RowStage(RowStageKind.Reduce, statements.ToEquatableArray(), target, n.Op == Op.Gather ? Op.RowSum : n.Op,
                    Operand(reduced, operands), EquatableArray<RowStore>.Empty, Comment(id)));
                sample[id] = PlanOperand.Local(target);
                continue;
            }
            string name = Fresh(id, "v");
            (Op op, EquatableArray<PlanOperand> args) = Statement(id, node => Operand(node));
            bool once = invariant.Contains(id);
            (once ? perCall : perSample).Add(new PlanStatement(name, op, args, n.Op == Op.RowLength ? "K" : Comment(id, node => Operand(node)), g.NoteOf(id), true, once));
            sample[id] = PlanOperand.Local(name);
        }
        FlushPerSample();
        if (perCall.Count > 0)
        {
            stages.Insert(0, new RowStage(RowStageKind.PerCall, perCall.ToEquatableArray(), null, Op.Add, null, EquatableArray<RowStore>.Empty, "values of scalar inputs and K only"));
        }

        var gradients = new List<PlanGradient>();
        var rowOutputs = loss.Gradients.Where(o => o.Node is not null && signature.IsRowShaped(o.Parameter.Index)).ToList();
        (List<PlanStatement> outStatements, Dictionary<int, PlanOperand> outOperands) = RowPass(rowOutputs.Select(o => o.Node!.Value));
        var stores = rowOutputs.Select(o => new RowStore(o.Parameter.Name, Operand(o.Node!.Value, outOperands))).ToList();
        if (stores.Count > 0)
        {
            stages.Add(new RowStage(RowStageKind.Outputs, outStatements.ToEquatableArray(), null, Op.Add, null, stores.ToEquatableArray(), "the row gradients"));
        }
        foreach (GradientOutput o in loss.Gradients)
        {
            GradientOutput original = template.Gradients.First(t => t.Parameter.Index == o.Parameter.Index);
            bool scalar = o.Parameter.Role == ParameterRole.ScalarGradient;
            bool row = signature.IsRowShaped(o.Parameter.Index);
            gradients.Add(o.Node is int node
                ? new PlanGradient(o.Parameter.Name, o.Input.Name, scalar, row ? Operand(node, outOperands) : Operand(node), 1,
                    docs.TryPrint(original.Node!.Value, 300) ?? "(see the generated statements)", "", RowSpan: row ? o.Parameter.Name : null)
                : new PlanGradient(o.Parameter.Name, o.Input.Name, scalar, null, 1, "0", "0", RowSpan: row ? o.Parameter.Name : null));
        }

        string? rowLengthName = signature.RowLengthParameter >= 0 ? signature.Parameters[signature.RowLengthParameter].Name : null;
        return new RowKernelPlan(
            signature.Element,
            signature.Reduction,
            rowLengthName,
            signature.RowLength,
            signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput or ParameterRole.IndexInput)
                .Select(p => new RowPlanInput(p.Name, p.Role == ParameterRole.ScalarInput ? RowInputKind.Scalar : p.Role == ParameterRole.IndexInput ? RowInputKind.Index
                    : signature.RowInputs.Contains(p.Index) ? RowInputKind.Row : RowInputKind.Sample)).ToEquatableArray(),
            stages.ToEquatableArray(),
            Operand(loss.Value),
            docs.Describe(template.Value, 300),
            gradients.ToEquatableArray(),
            signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ElementwiseGradient or ParameterRole.LossOutput or ParameterRole.IndexInput)
                .Select(p => p.Name).ToEquatableArray(),
            signature.Parameters.Where(p => signature.IsRowShaped(p.Index)).Select(p => p.Name).ToEquatableArray(),
            signature.Parameters.Where(p => p.Role == ParameterRole.IndexInput).Select(p => p.Name).ToEquatableArray(),
            signature.Parameters.FirstOrDefault(p => p.Role == ParameterRole.LossOutput)?.Name,
            template.ValueOperations,
            template.TotalOperations);
    }

    private static string LeafName(ExprGraph graph, LossSignature signature, int id) => graph[id].Op switch
    {
        Op.Input or Op.Scalar or Op.RowInput => signature.Parameters[(int)graph[id].Value].Name,
        Op.Component => "j",
        Op.RowLength => "K",
        _ => "?",
    };
}
