using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Binding;
using LossGen.Generator.Emit;
using LossGen.Generator.Helpers;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Planning;

/// <summary>
/// Decides the kernel of a derived loss (<see cref="KernelPlan"/>): lowers it (<see cref="Lowering"/>),
/// orders and names one statement per DAG node (the user's let-binding names where they exist, else
/// v1, v2, ... for the value and g1, g2, ... for derivatives), writes what each computes, and splits a
/// constant factor off each mean gradient. Pure.
/// </summary>
internal static class KernelPlanner
{
    /// <summary>Whether a kernel calls a transcendental function (<see cref="OpInfo.IsTranscendental"/>).</summary>
    public static bool CallsTranscendental(IEnumerable<PlanStatement> statements) => statements.Any(s => OpTable.Of(s.Op).IsTranscendental);

    public static KernelPlan Plan(DerivedLoss derived, LossSignature signature) => Plan(derived, signature, derived, 0);

    /// <summary>
    /// The plan of a row loss unrolled over K = <paramref name="rowLength"/> (<paramref name="derived"/> is the
    /// expansion of <paramref name="template"/>, which the documentation prints), or of an element-wise loss (K = 0).
    /// </summary>
    public static KernelPlan Plan(DerivedLoss derived, LossSignature signature, DerivedLoss template, int rowLength)
    {
        var docs = new MathPrinter(template.Graph, id => LeafName(template.Graph, signature, id), new Dictionary<int, string>());
        DerivedLoss loss = Lowering.Lower(derived);
        ExprGraph graph = loss.Graph;
        var localNames = new Dictionary<int, string>();
        var printer = new MathPrinter(graph, id => LeafName(graph, signature, id), localNames);

        var computed = loss.Gradients.Where(g => g.Node is not null).ToList();
        var splits = computed.Select(g => Split(graph, signature, g)).ToList();
        var roots = new[] { loss.Value }.Concat(splits.Select(s => s.Core)).ToList();
        var valueSide = new HashSet<int>(graph.Reachable(new[] { loss.Value }));
        // Statement names avoid the parameters and the names the kernel uses unqualified (Vector, Exp, ...).
        var taken = new HashSet<string>(signature.Parameters.Select(p => p.Name).Concat(Naming.Reserved));
        var operands = new Dictionary<int, PlanOperand>();
        var statements = new List<PlanStatement>();
        int valueCount = 0, gradientCount = 0;
        List<int> order = graph.Reachable(roots);
        (Dictionary<int, FusedStatement> fused, HashSet<int> absorbed) = Contraction.Find(graph, order, roots, loss.BindingNames);
        HashSet<int> invariant = Invariance.Find(graph, order);
        foreach (int id in order)
        {
            Node n = graph[id];
            if (OpFacts.IsLeaf(n.Op))
            {
                operands[id] = Leaf(graph, signature, id, n);
                continue;
            }
            if (absorbed.Contains(id))
            {
                continue; // a product computed inside the fused multiply-add that uses it
            }
            string name;
            if (loss.BindingNames.TryGetValue(id, out string? binding) && taken.Add(binding))
            {
                name = binding;
            }
            else
            {
                bool isValue = valueSide.Contains(id);
                do
                {
                    name = isValue ? "v" + (++valueCount).ToString(CultureInfo.InvariantCulture) : "g" + (++gradientCount).ToString(CultureInfo.InvariantCulture);
                }
                while (!taken.Add(name));
            }
            // The comment is printed before the name is registered, so it says what the statement computes, not its own name.
            string comment = printer.TryPrint(id, 60) ?? printer.Describe(id, 100);
            Op op = n.Op;
            List<PlanOperand> args;
            if (fused.TryGetValue(id, out FusedStatement f))
            {
                (op, args) = Contraction.Operands(f, node => operands[node]);
            }
            else
            {
                args = Enumerable.Range(0, n.Arity).Select(k => operands[k == 0 ? n.A : k == 1 ? n.B : n.C]).ToList();
                if (n.Op == Op.Mul && graph[n.B].Op == Op.Const && graph[n.A].Op != Op.Const)
                {
                    args.Reverse(); // constants read first, in the code as in the comment: 2 * x
                }
            }
            if (op == Op.DivOnePlus && signature.Element == Declarations.ElementType.Float && !valueSide.Contains(id))
            {
                // Sigmoid's quotient where only derivatives read it: one rounded division, without the refinement that
                // keeps the loss value's sigmoid within 2 ulp (double kernels divide once anyway).
                op = Op.DivOnePlusRounded;
            }
            else if (op == Op.DivOnePlusBy && signature.Element == Declarations.ElementType.Float && !valueSide.Contains(id))
            {
                // The same quotient where the slope's reciprocal r = 1/(1 + e) is at hand: a · r, no division at all.
                (op, args) = (Op.Mul, new List<PlanOperand> { args[0], args[2] });
            }
            statements.Add(new PlanStatement(name, op, args.ToEquatableArray(), comment, graph.NoteOf(id), valueSide.Contains(id), invariant.Contains(id)));
            operands[id] = PlanOperand.Local(name);
            localNames[id] = name;
        }

        var gradients = new List<PlanGradient>();
        foreach (GradientOutput g in loss.Gradients)
        {
            int k = computed.IndexOf(g);
            GradientOutput original = template.Gradients.First(o => o.Parameter.Index == g.Parameter.Index && o.Row == g.Row && o.Column == g.Column);
            bool scalar = g.Parameter.Role is ParameterRole.ScalarGradient or ParameterRole.ScalarHessian;
            PlanHessianEntry? entry = g.IsHessianEntry
                ? new PlanHessianEntry(g.Parameter.Name, g.Row, g.Column, g.Size, derived.Gradients.First(o => o.IsHessianEntry && o.Row == g.Column && o.Column == g.Column).Input.Name)
                : null;
            // A Hessian entry accumulates like an out scalar, under a name of its own (hessian_0_1).
            string name = entry is not null ? g.Parameter.Name + "_" + g.Row.ToString(CultureInfo.InvariantCulture) + "_" + g.Column.ToString(CultureInfo.InvariantCulture)
                : g.Component >= 0 ? g.Parameter.Name + "_" + g.Component.ToString(CultureInfo.InvariantCulture)
                : g.Parameter.Name;
            string? rowSpan = g.Component >= 0 ? g.Parameter.Name : null;
            gradients.Add(k < 0
                ? new PlanGradient(name, g.Input.Name, scalar, null, 1, "0", "0", g.Order, entry, g.Component, rowSpan)
                : new PlanGradient(name, g.Input.Name, scalar, operands[splits[k].Core], splits[k].Factor,
                    docs.TryPrint(original.Node!.Value, 300) ?? "(see the generated statements)",
                    printer.Describe(g.Node!.Value, 100), g.Order, entry, g.Component, rowSpan));
        }
        return new KernelPlan(
            signature.Element,
            signature.Reduction,
            Inputs(signature, rowLength).ToEquatableArray(),
            statements.ToEquatableArray(),
            operands[loss.Value],
            docs.Describe(template.Value, 300),
            printer.Describe(loss.Value, 100),
            gradients.ToEquatableArray(),
            signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ElementwiseGradient or ParameterRole.ElementwiseSecondDerivative or ParameterRole.LossOutput or ParameterRole.IndexInput)
                .Select(p => p.Name).ToEquatableArray(),
            signature.Parameters.FirstOrDefault(p => p.Role == ParameterRole.LossOutput)?.Name,
            template.ValueOperations,
            template.TotalOperations,
            rowLength,
            signature.Parameters.Where(p => signature.IsRowShaped(p.Index)).Select(p => p.Name).ToEquatableArray(),
            signature.Parameters.Where(p => p.Role == ParameterRole.IndexInput).Select(p => p.Name).ToEquatableArray());
    }

    /// <summary>The kernel's inputs in parameter order: a row input unrolled over K gives one input per component.</summary>
    private static IEnumerable<PlanInput> Inputs(LossSignature signature, int rowLength)
    {
        foreach (BoundParameter p in signature.Parameters)
        {
            if (p.Role == ParameterRole.ElementwiseInput && signature.RowInputs.Contains(p.Index))
            {
                for (int j = 0; j < rowLength; j++)
                {
                    yield return new PlanInput(p.Name, false, j);
                }
            }
            else if (p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput)
            {
                yield return new PlanInput(p.Name, p.Role == ParameterRole.ScalarInput);
            }
            else if (p.Role == ParameterRole.IndexInput)
            {
                yield return new PlanInput(p.Name, false, IsIndex: true);
            }
        }
    }

    /// <summary>
    /// With Reduction.Mean an element-wise gradient is stored as ∂l/∂x · (1/n). Where ∂l/∂x = c · core for
    /// a constant c (2·(p − y) for squared error, −1 for a negated core), the kernel returns core and the loop
    /// multiplies by c/n.
    /// </summary>
    private static (double Factor, int Core) Split(ExprGraph graph, LossSignature signature, GradientOutput gradient)
    {
        int node = gradient.Node!.Value;
        double factor = 1;
        if (signature.Reduction != LossSignature.Mean || gradient.Parameter.Role is not (ParameterRole.ElementwiseGradient or ParameterRole.ElementwiseSecondDerivative))
        {
            return (factor, node);
        }
        while (true)
        {
            Node n = graph[node];
            if (n.Op == Op.Neg)
            {
                (factor, node) = (-factor, n.A);
            }
            else if (n.Op == Op.Mul && graph.IsConst(n.A, out double a))
            {
                (factor, node) = (factor * a, n.B);
            }
            else if (n.Op == Op.Mul && graph.IsConst(n.B, out double b))
            {
                (factor, node) = (factor * b, n.A);
            }
            else
            {
                return (factor, node);
            }
        }
    }

    private static string LeafName(ExprGraph graph, LossSignature signature, int id)
    {
        Node n = graph[id];
        string name = signature.Parameters[(int)n.Value].Name;
        return n.Op == Op.Input && n.B >= 0 ? name + "_" + n.B.ToString(CultureInfo.InvariantCulture) : name;
    }

    private static PlanOperand Leaf(ExprGraph graph, LossSignature signature, int id, Node n) => n.Op switch
    {
        Op.Input or Op.Scalar => new PlanOperand(OperandKind.Parameter, LeafName(graph, signature, id), 0),
        Op.True => new PlanOperand(OperandKind.True, "", 0),
        Op.False => new PlanOperand(OperandKind.False, "", 0),
        _ => new PlanOperand(OperandKind.Constant, "", n.Value),
    };
}
