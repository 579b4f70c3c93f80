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
/// Finds the products that a kernel adds or subtracts exactly once and nowhere else, so that the planner prints the
/// sum as one fused multiply-add (<c>Vector.FusedMultiplyAdd</c>): one instruction instead of two, and one rounding
/// instead of two, so every result is at least as accurate as the two statements it replaces. A product is not fused
/// when it has another use (it is needed as a value of its own), when it is a root (the loss or a derivative), or when
/// it carries a let-binding name (the user's name stays a local of the kernel). Pure.
/// </summary>
internal static class Contraction
{
    /// <summary>
    /// The fused statements, keyed by the sum or difference node they replace; <paramref name="absorbed"/> receives the
    /// products that no longer get a statement of their own.
    /// </summary>
    public static Dictionary<int, FusedStatement> Find(ExprGraph graph, IReadOnlyList<int> order, IEnumerable<int> roots, IReadOnlyDictionary<int, string> bindingNames, HashSet<int> absorbed)
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

        bool Fusable(int id) => graph[id].Op == Op.Mul && uses[id] == 1 && !bindingNames.ContainsKey(id) && !absorbed.Contains(id);

        var fused = new Dictionary<int, FusedStatement>();
        foreach (int id in order)
        {
            Node n = graph[id];
            if (n.Op is not (Op.Add or Op.Sub))
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
        return fused;
    }
}
