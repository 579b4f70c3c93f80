using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Planning;

/// <summary>
/// Which nodes are the same for every element (and every sample of a row loss): constants, scalar inputs, the row
/// length K, and what is computed from those alone. The planners mark their statements so that <c>Run</c> computes them
/// once per call (<see cref="PlanStatement.Invariant"/>, <see cref="RowStageKind.PerCall"/>). Pure.
/// </summary>
internal static class Invariance
{
    /// <summary>The invariant nodes among <paramref name="order"/> (dependency order: children before parents).</summary>
    public static HashSet<int> Find(ExprGraph graph, IEnumerable<int> order)
    {
        var invariant = new HashSet<int>();
        foreach (int id in order)
        {
            Node n = graph[id];
            bool leaf = n.Op is Op.Const or Op.True or Op.False or Op.Scalar or Op.RowLength;
            // A reduction or gather over a row is per sample even when it reads only invariants (K terms of one value).
            bool computed = n.Arity > 0 && !graph.IsRow(id) && n.Op is not (Op.RowSum or Op.RowMax or Op.RowMin or Op.Gather)
                && Enumerable.Range(0, n.Arity).All(c => invariant.Contains(n.Child(c)));
            if (leaf || computed)
            {
                invariant.Add(id);
            }
        }
        return invariant;
    }
}
