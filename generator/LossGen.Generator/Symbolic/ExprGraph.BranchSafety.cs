namespace LossGen.Generator.Symbolic;

/// <summary>
/// Branch safety. Differentiating <c>c ? a : b</c> sends the adjoint into each branch as
/// <c>c ? g : 0</c>. Multiplying that by a local derivative that is ∞ or NaN where the branch is
/// not taken (1/x at x = 0, say) would give 0·∞ = NaN, the leak that torch.where shows. These rules
/// keep the select outermost instead: <c>(c ? g : 0) * h</c> becomes <c>c ? g * h : 0</c>, so the
/// untaken branch's value is discarded by a select, never multiplied by a 0/1 mask.
/// </summary>
internal sealed partial class ExprGraph
{
    private const int MaxGuardDepth = 6;

    /// <summary>A select with a structurally zero branch, or a sum of terms that contains one.</summary>
    private bool IsGuarded(int id, int depth)
    {
        Node n = _nodes[id];
        if (n.Op == Op.Select)
        {
            return IsZero(n.B) || IsZero(n.C);
        }
        if ((n.Op == Op.Add || n.Op == Op.Sub) && depth < MaxGuardDepth)
        {
            return IsGuarded(n.A, depth + 1) || IsGuarded(n.B, depth + 1);
        }
        return false;
    }

    /// <summary>Rewrites <c>guarded ∘ other</c> (∘ is * or /, guarded on the left of /) with the select outermost.</summary>
    private bool TryPushIntoGuarded(Op op, int guarded, int other, int depth, out int result)
    {
        result = -1;
        if (!IsGuarded(guarded, depth))
        {
            return false;
        }
        Node n = _nodes[guarded];
        if (n.Op == Op.Select)
        {
            result = Select(n.A, Apply(op, n.B, other), Apply(op, n.C, other));
            return true;
        }
        // (s + t) * h = s * h + t * h, so that s's guard reaches h.
        int left = Apply(op, n.A, other);
        int right = Apply(op, n.B, other);
        result = n.Op == Op.Add ? Add(left, right) : Sub(left, right);
        return true;
    }

    private int Apply(Op op, int a, int b) => op == Op.Mul ? Mul(a, b) : Div(a, b);

    /// <summary>(c ? a : 0) ± (c ? 0 : b) and the like become one select when that adds no operation.</summary>
    private bool TryMergeSelects(Op op, int a, int b, out int result)
    {
        result = -1;
        Node x = _nodes[a];
        Node y = _nodes[b];
        if (x.Op != Op.Select || y.Op != Op.Select || x.A != y.A)
        {
            return false;
        }
        bool trueSideFree = IsZero(x.B) || IsZero(y.B);
        bool falseSideFree = IsZero(x.C) || IsZero(y.C);
        if (!trueSideFree || !falseSideFree)
        {
            return false;
        }
        result = op == Op.Add
            ? Select(x.A, Add(x.B, y.B), Add(x.C, y.C))
            : Select(x.A, Sub(x.B, y.B), Sub(x.C, y.C));
        return true;
    }
}
