namespace LossGen.Generator.Symbolic;

/// <summary>
/// Selects decided by an enclosing select's condition. Inside the branch of <c>c ? x : y</c> taken when c is true
/// (or false), a nested select whose condition c decides can only take one branch: under <c>u == 0</c>, <c>u &gt; 0</c>
/// is false. Derivatives of kinks produce exactly such nests (the tie-split select of <c>max</c> differentiated
/// branch by branch), so <see cref="Select"/> rewrites each branch under its assumption, through arithmetic and
/// selects, to a bounded depth. Deductions are sound under IEEE comparisons: a true ordered comparison or a true
/// <c>==</c> rules out NaN operands; a false one decides only its negation where that is exact (<c>!=</c> is the
/// negation of <c>==</c>). Deciding a select keeps derivatives (conditions are piecewise constant); replacing a max
/// or min by a constant operand keeps only values — up to the sign of a zero (min(u, 0) at u = −0 is −0, the
/// folded constant +0) — so it is limited to <see cref="ValueRewrites"/> graphs.
/// </summary>
internal sealed partial class ExprGraph
{
    private const int AssumptionDepth = 8;

    /// <summary>
    /// Whether rewrites that keep values but not derivatives are allowed: max(a, b) replaced by a constant operand
    /// under a == b has the same value and another derivative at the tie. Off while derivatives are taken (second
    /// derivatives differentiate the first-derivative graph, and their kink conventions must follow the formula);
    /// on in the graph <see cref="Lowering"/> builds after differentiation.
    /// </summary>
    public bool ValueRewrites { get; init; }
    private int _assuming;

    /// <summary><paramref name="node"/> with the selects that (<paramref name="condition"/> = <paramref name="truth"/>) decides replaced by their branch.</summary>
    private int Assume(int node, int condition, bool truth)
    {
        if (_assuming > 0)
        {
            return node; // selects built while rewriting get the plain simplifications only
        }
        _assuming++;
        try
        {
            return Assume(node, condition, truth, AssumptionDepth);
        }
        finally
        {
            _assuming--;
        }
    }

    private int Assume(int node, int condition, bool truth, int depth)
    {
        Node n = _nodes[node];
        if (depth == 0)
        {
            return node;
        }
        switch (n.Op)
        {
            case Op.Select:
                if (Decide(n.A, condition, truth) is bool decided)
                {
                    return Assume(decided ? n.B : n.C, condition, truth, depth - 1);
                }
                int b = Assume(n.B, condition, truth, depth - 1), c = Assume(n.C, condition, truth, depth - 1);
                return b == n.B && c == n.C ? node : Select(n.A, b, c);
            case Op.Max or Op.Min when ValueRewrites:
                // max(a, b) under a == b or a > b is a; under a < b it is b (and the reverse for min). Taken only when
                // that operand is a constant: replacing a shared max by its other operand would duplicate the nodes above it.
                bool aIsLarger = DecideOn(Op.GreaterEqual, n.A, n.B, condition, truth) == true;
                bool bIsLarger = DecideOn(Op.LessEqual, n.A, n.B, condition, truth) == true;
                // Operands the result may be replaced by (both when they are equal).
                bool aFits = n.Op == Op.Max ? aIsLarger : bIsLarger, bFits = n.Op == Op.Max ? bIsLarger : aIsLarger;
                return aFits && IsConst(n.A, out _) ? n.A : bFits && IsConst(n.B, out _) ? n.B : node;
            case Op.Neg:
                int a = Assume(n.A, condition, truth, depth - 1);
                return a == n.A ? node : Neg(a);
            case Op.Add or Op.Sub or Op.Mul or Op.Div:
                int left = Assume(n.A, condition, truth, depth - 1), right = Assume(n.B, condition, truth, depth - 1);
                return left == n.A && right == n.B ? node : Apply(n.Op, left, right, 0);
            default:
                return node;
        }
    }

    /// <summary>The truth of <paramref name="other"/> when <paramref name="known"/> is <paramref name="truth"/>, where it follows; else null.</summary>
    private bool? Decide(int other, int known, bool truth)
    {
        if (other == known)
        {
            return truth;
        }
        Node o = _nodes[other];
        return IsComparison(o.Op) ? DecideOn(o.Op, o.A, o.B, known, truth) : null;
    }

    /// <summary>The truth of "<paramref name="a"/> <paramref name="relation"/> <paramref name="b"/>" when <paramref name="known"/> is <paramref name="truth"/>, where it follows; else null.</summary>
    private bool? DecideOn(Op relation, int a, int b, int known, bool truth)
    {
        Node k = _nodes[known];
        if (!IsComparison(k.Op))
        {
            return null;
        }
        Op op;
        if (a == k.A && b == k.B)
        {
            op = relation;
        }
        else if (a == k.B && b == k.A)
        {
            op = Mirror(relation);
        }
        else
        {
            return null;
        }
        // Both now compare the same (a, b): k is "a k.Op b", the other "a op b".
        if (!truth)
        {
            return k.Op switch
            {
                Op.Equal when op == Op.NotEqual => true,
                Op.NotEqual => EqualFacts(op),
                _ => op == k.Op ? false : null,
            };
        }
        return k.Op switch
        {
            Op.Equal => EqualFacts(op),
            Op.Greater => op switch { Op.Greater or Op.GreaterEqual or Op.NotEqual => true, _ => false },
            Op.Less => op switch { Op.Less or Op.LessEqual or Op.NotEqual => true, _ => false },
            Op.GreaterEqual => op == Op.Less ? false : op == Op.GreaterEqual ? true : null,
            Op.LessEqual => op == Op.Greater ? false : op == Op.LessEqual ? true : null,
            _ => op == Op.Equal ? false : op == Op.NotEqual ? true : null, // a != b
        };
    }

    /// <summary>What holds when a == b (neither is NaN).</summary>
    private static bool EqualFacts(Op op) => op is Op.Equal or Op.LessEqual or Op.GreaterEqual;

    private static bool IsComparison(Op op) => op is Op.Less or Op.LessEqual or Op.Greater or Op.GreaterEqual or Op.Equal or Op.NotEqual;

    private static Op Mirror(Op op) => op switch
    {
        Op.Less => Op.Greater,
        Op.Greater => Op.Less,
        Op.LessEqual => Op.GreaterEqual,
        Op.GreaterEqual => Op.LessEqual,
        _ => op,
    };
}
