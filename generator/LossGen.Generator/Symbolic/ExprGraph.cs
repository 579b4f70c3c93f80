using System;
using System.Collections.Generic;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// logsumexp(x) = m + log(s) with m = max_j x_j and s = Σ_j e_j, e_j = exp(x_j − m): the row expression
/// <see cref="Row"/>, the exponentials <see cref="Exponentials"/> (row-level) and their sum <see cref="Sum"/>.
/// The derivative in x_j is the softmax weight e_j / s, sharing the exponentials with the value.
/// </summary>
internal readonly record struct LogSumExpParts(int Row, int Exponentials, int Sum);

/// <summary>Thrown when a formula's DAG (value and derivatives) outgrows <see cref="ExprGraph.MaxNodes"/>.</summary>
internal sealed class GraphTooLargeException() : Exception("The expression graph is too large.");

/// <summary>
/// The expression DAG with structural sharing: every node is interned (hash-consed), so building
/// the same sub-expression twice yields the same id, across the value and all derivatives. The
/// smart constructors in <c>ExprGraph.Constructors.cs</c> fold constants, drop neutral elements,
/// apply the numerically stable rewrites and keep conditionals branch-safe.
/// </summary>
internal sealed partial class ExprGraph
{
    /// <summary>The most nodes one loss may need (value and derivatives together).</summary>
    public const int MaxNodes = 200_000;

    private readonly List<Node> _nodes = new();
    private readonly Dictionary<Node, int> _ids = new();
    private readonly Dictionary<int, string> _notes = new();
    private readonly List<bool> _isRow = new();
    private readonly Dictionary<int, LogSumExpParts> _logSumExps = new();

    public int Count => _nodes.Count;

    public Node this[int id] => _nodes[id];

    /// <summary>
    /// Whether node <paramref name="id"/> is row-level in a row template: it depends on a row input or on
    /// the component index other than through a reduction, so it has one value per component j of a row.
    /// </summary>
    public bool IsRow(int id) => _isRow[id];

    /// <summary>Whether the graph holds any row-level node (it is a row template).</summary>
    public bool HasRows => _isRow.Contains(true);

    private bool RowLevelOf(Node node)
    {
        if (node.Op is Op.RowInput or Op.Component)
        {
            return true;
        }
        if (OpFacts.IsLeaf(node.Op) || OpFacts.IsRowReduction(node.Op))
        {
            return false;
        }
        for (int i = 0; i < node.Arity; i++)
        {
            if (_isRow[node.Child(i)])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The parts of a logsumexp node (see <see cref="LogSumExp"/>), for its derivative rule; false for other nodes.</summary>
    public bool TryGetLogSumExp(int id, out LogSumExpParts parts) => _logSumExps.TryGetValue(id, out parts);

    /// <summary>The stability rewrite that produced node <paramref name="id"/>, if any.</summary>
    public string? NoteOf(int id) => _notes.TryGetValue(id, out string? note) ? note : null;

    public bool IsConst(int id, out double value)
    {
        Node node = _nodes[id];
        value = node.Value;
        return node.Op == Op.Const;
    }

    public bool IsConst(int id, double value) => IsConst(id, out double v) && v.Equals(value);

    /// <summary>A constant 0 (either sign): the zero that structural differentiation never multiplies by.</summary>
    public bool IsZero(int id) => IsConst(id, out double v) && v == 0;

    public bool IsTruthValued(int id) => OpFacts.IsTruthValued(_nodes[id].Op);

    private int Intern(Node node)
    {
        if (_ids.TryGetValue(node, out int id))
        {
            return id;
        }
        if (_nodes.Count >= MaxNodes)
        {
            throw new GraphTooLargeException();
        }
        id = _nodes.Count;
        _nodes.Add(node);
        _ids.Add(node, id);
        _isRow.Add(RowLevelOf(node));
        return id;
    }

    /// <summary>Records why node <paramref name="id"/> has the form it has (printed in the generated code); the first note wins.</summary>
    public int AddNote(int id, string note) => Note(id, note);

    private int Note(int id, string note)
    {
        if (!_notes.ContainsKey(id))
        {
            _notes[id] = note;
        }
        return id;
    }

    /// <summary>The ids of every node reachable from <paramref name="roots"/>, in increasing (topological) order.</summary>
    public List<int> Reachable(IEnumerable<int> roots)
    {
        var marked = new bool[_nodes.Count];
        int highest = -1;
        foreach (int root in roots)
        {
            marked[root] = true;
            highest = Math.Max(highest, root);
        }
        for (int id = highest; id >= 0; id--)
        {
            if (!marked[id])
            {
                continue;
            }
            Node node = _nodes[id];
            for (int i = 0; i < node.Arity; i++)
            {
                marked[node.Child(i)] = true;
            }
        }
        var result = new List<int>();
        for (int id = 0; id <= highest; id++)
        {
            if (marked[id])
            {
                result.Add(id);
            }
        }
        return result;
    }

    /// <summary>The number of operations (non-leaf nodes) needed to compute all of <paramref name="roots"/>.</summary>
    public int CountOperations(IEnumerable<int> roots)
    {
        int count = 0;
        foreach (int id in Reachable(roots))
        {
            if (!OpFacts.IsLeaf(_nodes[id].Op))
            {
                count++;
            }
        }
        return count;
    }
}
