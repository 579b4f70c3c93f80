using System.Collections.Generic;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Planning;

/// <summary>
/// A sum or difference computed as one fused multiply-add: <see cref="Op"/> is
/// <see cref="Symbolic.Op.MultiplyAdd"/> (a·b + c), <see cref="Symbolic.Op.MultiplySubtract"/> (a·b − c) or
/// <see cref="Symbolic.Op.NegatedMultiplyAdd"/> (c − a·b), over the nodes <see cref="A"/>, <see cref="B"/>, <see cref="C"/>.
/// </summary>
internal readonly record struct FusedStatement(Op Op, int A, int B, int C);

/// <summary>
/// Finds the products that a kernel adds or subtracts exactly once and nowhere else, so that the planners print the
/// sum as one fused multiply-add (<c>Vector.FusedMultiplyAdd</c>): one instruction instead of two, and one rounding
/// instead of two for that statement. A product is not fused when it has another use (it is needed as a value of its
/// own), when it is a root (the loss or a derivative), or when it carries a let-binding name (the user's name stays a
/// local of the kernel); and a sum or difference of two products is left as written: fusing one of them would round
/// the two products differently, so a·b − c·d would no longer be exactly 0 where a·b = c·d (the classic pitfall of
/// contraction: sqrt(x·x − y·y) at x = y would become the square root of a tiny negative number, NaN). Pure.
/// </summary>
internal static class Contraction
{
    /// <summary>
    /// The fused statements, keyed by the sum or difference node they replace, and the products absorbed into them
    /// (which get no statement of their own). <paramref name="order"/> is the kernel's nodes in dependency order.
    /// </summary>
    public static (Dictionary<int, FusedStatement> Fused, HashSet<int> Absorbed) Find(ExprGraph graph, IReadOnlyList<int> order, IEnumerable<int> roots, IReadOnlyDictionary<int, string> bindingNames)
    {
        var uses = new Dictionary<int, int>();
        void Use(int id) => uses[id] = uses.TryGetValue(id, out int count) ? count + 1 : 1;
        foreach (int root in roots)
        {
            Use(root);
        }
        foreach (int id in order)
        {
            Node n = graph[id];
            for (int k = 0; k < n.Arity; k++)
            {
                Use(n.Child(k));
            }
        }

        var absorbed = new HashSet<int>();
        var fused = new Dictionary<int, FusedStatement>();
        bool Fusable(int id) => graph[id].Op == Op.Mul && uses[id] == 1 && !bindingNames.ContainsKey(id);
        foreach (int id in order)
        {
            Node n = graph[id];
            if (n.Op is not (Op.Add or Op.Sub) || (graph[n.A].Op == Op.Mul && graph[n.B].Op == Op.Mul))
            {
                continue;
            }
            int product = Fusable(n.A) ? n.A : Fusable(n.B) ? n.B : -1;
            if (product < 0)
            {
                continue;
            }
            int other = product == n.A ? n.B : n.A;
            Op op = n.Op == Op.Add ? Op.MultiplyAdd : product == n.A ? Op.MultiplySubtract : Op.NegatedMultiplyAdd;
            Node m = graph[product];
            // Constants read first, as in products: 2 * x.
            (int a, int b) = graph[m.B].Op == Op.Const && graph[m.A].Op != Op.Const ? (m.B, m.A) : (m.A, m.B);
            absorbed.Add(product);
            fused[id] = new FusedStatement(op, a, b, other);
        }
        return (fused, absorbed);
    }

    /// <summary>
    /// The operation and operands of a fused statement, given how each node reads as an operand; a negated constant
    /// is negated here, so that the code reads <c>FusedMultiplyAdd(new Vector(-2), x, c)</c>, not
    /// <c>FusedMultiplyAdd(-new Vector(2), x, c)</c>.
    /// </summary>
    public static (Op Op, List<PlanOperand> Operands) Operands(FusedStatement f, System.Func<int, PlanOperand> operand)
    {
        PlanOperand a = operand(f.A), b = operand(f.B), c = operand(f.C);
        static PlanOperand Negated(PlanOperand constant) => constant with { Value = -constant.Value };
        return f.Op switch
        {
            Op.MultiplySubtract when c.Kind == OperandKind.Constant => (Op.MultiplyAdd, new List<PlanOperand> { a, b, Negated(c) }),
            Op.NegatedMultiplyAdd when a.Kind == OperandKind.Constant => (Op.MultiplyAdd, new List<PlanOperand> { Negated(a), b, c }),
            _ => (f.Op, new List<PlanOperand> { a, b, c }),
        };
    }
}
