using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Binding;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// Unrolls a row template (a loss and its derivatives over a symbolic component j, see docs/architecture.md)
/// for a row length K known at compile time: every row-level node becomes K nodes, one per component,
/// row inputs become K element-wise inputs (<c>Input(z, j)</c>), reductions become balanced trees of
/// additions, maxima or minima, a gather becomes a chain of selects on the class index, j and K become
/// constants. The result is an ordinary element-wise DAG over samples, so lowering, planning and emission
/// apply unchanged; each row gradient becomes K outputs (<see cref="GradientOutput.Component"/>). Pure.
/// </summary>
internal static class RowExpansion
{
    /// <summary>The largest constant K that is unrolled; beyond it the kernel loops over the row (see docs/dsl.md).</summary>
    public const int MaxUnrolled = 32;

    public static DerivedLoss Expand(DerivedLoss template, int k, LossSignature signature)
    {
        ExprGraph source = template.Graph;
        var target = new ExprGraph();
        var map = new Dictionary<int, int[]>();
        foreach (int id in source.Reachable(template.Roots))
        {
            Node n = source[id];
            int[] result;
            switch (n.Op)
            {
                case Op.Const:
                    result = new[] { target.Const(n.Value) };
                    break;
                case Op.Input:
                    result = new[] { target.Input((int)n.Value) };
                    break;
                case Op.Scalar:
                    result = new[] { target.Scalar((int)n.Value) };
                    break;
                case Op.True:
                    result = new[] { target.True() };
                    break;
                case Op.False:
                    result = new[] { target.False() };
                    break;
                case Op.RowInput:
                    result = Enumerable.Range(0, k).Select(j => target.Input((int)n.Value, j)).ToArray();
                    break;
                case Op.Component:
                    result = Enumerable.Range(0, k).Select(j => target.Const(j)).ToArray();
                    break;
                case Op.RowLength:
                    result = new[] { target.Const(k) };
                    break;
                case Op.RowSum:
                    result = new[] { Tree(target, Op.Add, map[n.A]) };
                    break;
                case Op.RowMax:
                    result = new[] { Tree(target, Op.Max, map[n.A]) };
                    break;
                case Op.RowMin:
                    result = new[] { Tree(target, Op.Min, map[n.A]) };
                    break;
                case Op.Gather:
                {
                    int[] row = map[n.A];
                    int index = map[n.B][0];
                    int chosen = row[row.Length - 1];
                    for (int j = row.Length - 2; j >= 0; j--)
                    {
                        chosen = target.Select(target.Compare(Op.Equal, index, target.Const(j)), row[j], chosen);
                    }
                    result = new[] { chosen };
                    break;
                }
                default:
                {
                    bool isRow = source.IsRow(id);
                    result = new int[isRow ? k : 1];
                    for (int j = 0; j < result.Length; j++)
                    {
                        int Child(int c) => c < 0 ? -1 : map[c].Length == 1 ? map[c][0] : map[c][j];
                        result[j] = target.Apply(n.Op, Child(n.A), Child(n.B), Child(n.C));
                    }
                    break;
                }
            }
            map[id] = result;
            if (source.NoteOf(id) is string note)
            {
                foreach (int r in result)
                {
                    target.AddNote(r, note);
                }
            }
        }

        var names = new Dictionary<int, string>();
        foreach (KeyValuePair<int, string> binding in template.BindingNames)
        {
            if (map.TryGetValue(binding.Key, out int[]? nodes))
            {
                for (int j = 0; j < nodes.Length; j++)
                {
                    if (!names.ContainsKey(nodes[j]))
                    {
                        names[nodes[j]] = nodes.Length == 1 ? binding.Value : binding.Value + "_" + j.ToString(CultureInfo.InvariantCulture);
                    }
                }
            }
        }
        var gradients = new List<GradientOutput>();
        foreach (GradientOutput g in template.Gradients)
        {
            bool rowShaped = signature.IsRowShaped(g.Parameter.Index);
            if (!rowShaped)
            {
                gradients.Add(g with { Node = g.Node is int node ? map[node][0] : null });
                continue;
            }
            for (int j = 0; j < k; j++)
            {
                gradients.Add(g with { Node = g.Node is int node ? (map[node].Length == 1 ? map[node][0] : map[node][j]) : null, Component = j });
            }
        }
        return DerivedLoss.Create(target, map[template.Value][0], gradients, names);
    }

    /// <summary>A balanced tree of <paramref name="op"/> over the components: depth log2 K, so the JIT can overlap the operations.</summary>
    private static int Tree(ExprGraph g, Op op, int[] items)
    {
        var level = new List<int>(items);
        while (level.Count > 1)
        {
            var next = new List<int>();
            for (int i = 0; i + 1 < level.Count; i += 2)
            {
                next.Add(g.Apply(op, level[i], level[i + 1], -1));
            }
            if (level.Count % 2 == 1)
            {
                next.Add(level[level.Count - 1]);
            }
            level = next;
        }
        return level[0];
    }
}
