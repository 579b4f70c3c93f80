namespace LossGen.Generator.Symbolic;

/// <summary>
/// Algebra that the smart constructors apply across products, quotients and kinks. Each rule holds
/// for every non-NaN input (the kink rules exactly, the constant rules up to rounding):
/// <list type="bullet">
/// <item>constants of a product or quotient tree gather into one factor: 0.5 · (1/δ) · (2 · d) = d / δ;</item>
/// <item>(1/x) · y = y / x;</item>
/// <item>|x| · sign(x) = x, also where |x| is a factor deeper in the product (d/δ · sign(x) with d = |x|);</item>
/// <item>H(z) − σ(−|z|) · sign(z) = σ(z), where H(z) = (z &gt; 0 ? 1 : z == 0 ? 0.5 : 0) is the derivative
/// of max(z, 0) with the tie split evenly: the derivative of the written logistic loss
/// max(z, 0) − z·y + softplus(−|z|) becomes σ(z) − y.</item>
/// </list>
/// The searches are bounded (<see cref="MaxFactorDepth"/>), so no input can make them expensive.
/// </summary>
internal sealed partial class ExprGraph
{
    /// <summary>How deep into a product/quotient tree a constant or a factor is looked for.</summary>
    private const int MaxFactorDepth = 8;

    /// <summary>Finds a constant factor of <paramref name="node"/> (a product, a quotient's numerator, a negation) and the rest.</summary>
    private bool TryExtractConstant(int node, int depth, out double constant, out int rest)
    {
        constant = 1;
        rest = node;
        if (depth > MaxFactorDepth)
        {
            return false;
        }
        Node n = _nodes[node];
        switch (n.Op)
        {
            case Op.Mul when IsConst(n.A, out constant):
                rest = n.B;
                return true;
            case Op.Mul when IsConst(n.B, out constant):
                rest = n.A;
                return true;
            case Op.Mul when TryExtractConstant(n.A, depth + 1, out constant, out int restA):
                rest = Mul(restA, n.B);
                return true;
            case Op.Mul when TryExtractConstant(n.B, depth + 1, out constant, out int restB):
                rest = Mul(n.A, restB);
                return true;
            case Op.Div when IsConst(n.A, out constant) && constant != 1 && !IsConst(n.B, out _):
                rest = Div(Const(1), n.B);
                return true;
            case Op.Div when !IsConst(n.A, out _) && TryExtractConstant(n.A, depth + 1, out constant, out int numerator):
                rest = Div(numerator, n.B);
                return true;
            case Op.Neg when TryExtractConstant(n.A, depth + 1, out constant, out int inner):
                constant = -constant;
                rest = inner;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Product rules that gather constants and cancel a sign against an absolute value; false when none applies.</summary>
    private bool TryMulAlgebra(int a, int b, out int result)
    {
        result = -1;
        // c1 · (… c2 …) = (c1 c2) · (…): one constant per product.
        if (IsConst(a, out double c1) && TryExtractConstant(b, 0, out double c2, out int restB))
        {
            result = Mul(Const(c1 * c2), restB);
            return true;
        }
        if (IsConst(b, out double d1) && TryExtractConstant(a, 0, out double d2, out int restA))
        {
            result = Mul(Const(d1 * d2), restA);
            return true;
        }
        // (c1 · x) · (c2 · y) = (c1 c2) · (x · y). Only where both sides hold a constant: hoisting a lone
        // constant out of a shared sub-expression would cost the sharing (2 · (a e − y) in two gradients).
        if (!IsConst(a, out _) && !IsConst(b, out _)
            && TryExtractConstant(a, 0, out double e, out int ra) && TryExtractConstant(b, 0, out double f, out int rb))
        {
            result = Mul(Const(e * f), Mul(ra, rb));
            return true;
        }
        // (1/x) · y = y / x.
        if (_nodes[a].Op == Op.Div && IsConst(_nodes[a].A, 1))
        {
            result = Div(b, _nodes[a].B);
            return true;
        }
        if (_nodes[b].Op == Op.Div && IsConst(_nodes[b].A, 1))
        {
            result = Div(a, _nodes[b].B);
            return true;
        }
        // (c ? t : f) · sign(x) = c ? t · sign(x) : f · sign(x) where a branch holds |x|, so that the rule below applies in it.
        if (_nodes[b].Op == Op.Sign && _nodes[a].Op == Op.Select && Existing(Node.Unary(Op.Abs, _nodes[b].A)) is int absInSelect
            && (HasFactor(_nodes[a].B, absInSelect, 0) || HasFactor(_nodes[a].C, absInSelect, 0)))
        {
            result = Select(_nodes[a].A, Mul(_nodes[a].B, b), Mul(_nodes[a].C, b));
            return true;
        }
        if (_nodes[a].Op == Op.Sign && _nodes[b].Op == Op.Select)
        {
            return TryMulAlgebra(b, a, out result);
        }
        // |x| · sign(x) = x, with |x| anywhere among the factors.
        if (_nodes[b].Op == Op.Sign && Existing(Node.Unary(Op.Abs, _nodes[b].A)) is int absB && TryReplaceFactor(a, absB, _nodes[b].A, 0, out result))
        {
            return true;
        }
        if (_nodes[a].Op == Op.Sign && Existing(Node.Unary(Op.Abs, _nodes[a].A)) is int absA && TryReplaceFactor(b, absA, _nodes[a].A, 0, out result))
        {
            return true;
        }
        return false;
    }

    /// <summary>The id of <paramref name="node"/> if the graph already has it; never adds a node.</summary>
    private int? Existing(Node node) => _ids.TryGetValue(node, out int id) ? id : null;

    /// <summary>Whether <paramref name="factor"/> is a factor of the product/quotient numerator tree <paramref name="node"/>.</summary>
    private bool HasFactor(int node, int factor, int depth)
    {
        if (node == factor)
        {
            return true;
        }
        Node n = _nodes[node];
        return depth <= MaxFactorDepth && n.Op switch
        {
            Op.Mul => HasFactor(n.A, factor, depth + 1) || HasFactor(n.B, factor, depth + 1),
            Op.Div or Op.Neg => HasFactor(n.A, factor, depth + 1),
            _ => false,
        };
    }

    /// <summary>Rebuilds <paramref name="node"/> with its factor <paramref name="factor"/> replaced by <paramref name="replacement"/>.</summary>
    private bool TryReplaceFactor(int node, int factor, int replacement, int depth, out int result)
    {
        result = -1;
        if (node == factor)
        {
            result = replacement;
            return true;
        }
        if (depth > MaxFactorDepth)
        {
            return false;
        }
        Node n = _nodes[node];
        switch (n.Op)
        {
            case Op.Mul when TryReplaceFactor(n.A, factor, replacement, depth + 1, out int left):
                result = Mul(left, n.B);
                return true;
            case Op.Mul when TryReplaceFactor(n.B, factor, replacement, depth + 1, out int right):
                result = Mul(n.A, right);
                return true;
            case Op.Div when TryReplaceFactor(n.A, factor, replacement, depth + 1, out int numerator):
                result = Div(numerator, n.B);
                return true;
            case Op.Neg when TryReplaceFactor(n.A, factor, replacement, depth + 1, out int inner):
                result = Neg(inner);
                return true;
            default:
                return false;
        }
    }

    /// <summary>H(z) − σ(−|z|)·sign(z) = σ(z), also inside a difference a − (u + v); false when it does not apply.</summary>
    private bool TrySubAlgebra(int a, int b, out int result)
    {
        result = -1;
        if (HeavisideMinusSigmoid(a, b) is int direct)
        {
            result = direct;
            return true;
        }
        Node n = _nodes[b];
        if (n.Op == Op.Add)
        {
            // a − (u + v) = (a − v) − u when a − v simplifies.
            if (HeavisideMinusSigmoid(a, n.B) is int withB)
            {
                result = Sub(withB, n.A);
                return true;
            }
            if (HeavisideMinusSigmoid(a, n.A) is int withA)
            {
                result = Sub(withA, n.B);
                return true;
            }
        }
        return false;
    }

    /// <summary>σ(z) when <paramref name="h"/> is H(z) and <paramref name="m"/> is σ(−|z|)·sign(z); else null.</summary>
    private int? HeavisideMinusSigmoid(int h, int m)
    {
        Node hn = _nodes[h];
        Node mn = _nodes[m];
        if (hn.Op != Op.Select || mn.Op != Op.Mul)
        {
            return null;
        }
        Node condition = _nodes[hn.A];
        if (condition.Op != Op.Greater || !IsZero(condition.B) || !IsConst(hn.B, 1))
        {
            return null;
        }
        int z = condition.A;
        // The tie branch: z == 0 ? 0.5 : 0.
        Node tie = _nodes[hn.C];
        if (tie.Op != Op.Select || !IsConst(tie.B, 0.5) || !IsZero(tie.C)
            || _nodes[tie.A] is not { Op: Op.Equal } equal || !(equal.A == z && IsZero(equal.B) || equal.B == z && IsZero(equal.A)))
        {
            return null;
        }
        // σ(−|z|) · sign(z), in either order.
        bool IsSigmoidOfMinusAbs(int id) => _nodes[id] is { Op: Op.Sigmoid } s && _nodes[s.A] is { Op: Op.Neg } neg && _nodes[neg.A] is { Op: Op.Abs } abs && abs.A == z;
        bool IsSign(int id) => _nodes[id] is { Op: Op.Sign } sign && sign.A == z;
        bool matches = (IsSigmoidOfMinusAbs(mn.A) && IsSign(mn.B)) || (IsSign(mn.A) && IsSigmoidOfMinusAbs(mn.B));
        return matches ? Sigmoid(z) : null;
    }
}
