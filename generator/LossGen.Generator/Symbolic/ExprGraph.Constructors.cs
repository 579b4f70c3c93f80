using System;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// Smart constructors. Every rule here keeps results equal for finite inputs up to rounding;
/// the rules that change NaN/∞ propagation are listed in docs/architecture.md ("Simplification").
/// </summary>
internal sealed partial class ExprGraph
{
    /// <summary>Largest |n| expanded into multiplications for <c>x^n</c>.</summary>
    public const int MaxExpandedPower = 64;

    public int Const(double value) => Intern(Node.Leaf(Op.Const, value));

    public int True() => Intern(Node.Leaf(Op.True, 0));

    public int False() => Intern(Node.Leaf(Op.False, 0));

    public int Input(int index) => Intern(Node.Leaf(Op.Input, index));

    public int Scalar(int index) => Intern(Node.Leaf(Op.Scalar, index));

    /// <summary>Component <paramref name="component"/> of the row input <paramref name="index"/>, as an element-wise input of an expanded row loss.</summary>
    public int Input(int index, int component) => component < 0 ? Input(index) : Intern(new Node(Op.Input, -1, component, -1, index));

    /// <summary>Component j of the row input <paramref name="index"/> in a row template.</summary>
    public int RowInput(int index) => Intern(Node.Leaf(Op.RowInput, index));

    /// <summary>The component index j in a row template.</summary>
    public int Component() => Intern(Node.Leaf(Op.Component, 0));

    /// <summary>The row length K in a row template.</summary>
    public int RowLength() => Intern(Node.Leaf(Op.RowLength, 0));

    /// <summary>Σ_j x_j; K·x for a per-sample x.</summary>
    public int RowSum(int x) => IsRow(x) ? Intern(Node.Unary(Op.RowSum, x)) : Mul(RowLength(), x);

    /// <summary>max_j x_j (or min_j); x itself for a per-sample x.</summary>
    public int RowExtreme(bool max, int x) => IsRow(x) ? Intern(Node.Unary(max ? Op.RowMax : Op.RowMin, x)) : x;

    /// <summary>x_t, the component of the row expression x at the per-sample index t; x itself for a per-sample x.</summary>
    public int Gather(int x, int t) => IsRow(x) ? Intern(Node.Binary(Op.Gather, x, t)) : x;

    /// <summary>
    /// logsumexp_j x_j = m + log Σ_j exp(x_j − m), m = max_j x_j: no overflow for any finite x (every
    /// exponent is ≤ 0, and the largest is exactly 0, so the sum is in [1, K]). x + log K for a per-sample x.
    /// </summary>
    public int LogSumExp(int x)
    {
        if (!IsRow(x))
        {
            return Add(x, Log(RowLength()));
        }
        int m = RowExtreme(true, x);
        int e = ExpNonPositive(Sub(x, m)); // x_j − max_j x_j ≤ 0
        int s = RowSum(e);
        int lse = Add(m, Log(s));
        if (!_logSumExps.ContainsKey(lse))
        {
            _logSumExps[lse] = new LogSumExpParts(x, e, s);
        }
        return Note(lse, "logsumexp shifted by the row's max: m + log Σ exp(x − m)");
    }

    public int Neg(int a)
    {
        Node n = _nodes[a];
        if (n.Op == Op.Const)
        {
            return Const(-n.Value);
        }
        if (n.Op == Op.Neg)
        {
            return n.A;
        }
        if (n.Op == Op.Sub)
        {
            return Sub(n.B, n.A); // -(a - b) = b - a exactly
        }
        if (n.Op == Op.Select && (IsZero(n.B) || IsZero(n.C)))
        {
            return Select(n.A, Neg(n.B), Neg(n.C));
        }
        return Intern(Node.Unary(Op.Neg, a));
    }

    public int Add(int a, int b)
    {
        if (IsConst(a, out double x) && IsConst(b, out double y))
        {
            return Const(x + y);
        }
        if (IsZero(a))
        {
            return b;
        }
        if (IsZero(b))
        {
            return a;
        }
        if (a == b)
        {
            return Mul(Const(2), a);
        }
        if (_nodes[a].Op == Op.Neg && _nodes[b].Op == Op.Neg)
        {
            return Neg(Add(_nodes[a].A, _nodes[b].A)); // (-x) + (-y) = -(x + y) exactly
        }
        if (_nodes[b].Op == Op.Neg)
        {
            return Sub(a, _nodes[b].A);
        }
        if (_nodes[a].Op == Op.Neg)
        {
            return Sub(b, _nodes[a].A);
        }
        if (TryMergeSelects(Op.Add, a, b, out int merged))
        {
            return merged;
        }
        return Intern(Ordered(Op.Add, a, b));
    }

    public int Sub(int a, int b)
    {
        if (IsConst(a, out double x) && IsConst(b, out double y))
        {
            return Const(x - y);
        }
        if (IsZero(b))
        {
            return a;
        }
        if (IsZero(a))
        {
            return Neg(b);
        }
        if (_nodes[b].Op == Op.Neg)
        {
            return Add(a, _nodes[b].A);
        }
        if (TrySubAlgebra(a, b, out int algebra))
        {
            return algebra;
        }
        if (TryMergeSelects(Op.Sub, a, b, out int merged))
        {
            return merged;
        }
        return Intern(Node.Binary(Op.Sub, a, b));
    }

    public int Mul(int a, int b)
    {
        if (IsConst(a, out double x) && IsConst(b, out double y))
        {
            return Const(x * y);
        }
        if (IsZero(a) || IsZero(b))
        {
            return Const(0);
        }
        if (IsConst(a, 1))
        {
            return b;
        }
        if (IsConst(b, 1))
        {
            return a;
        }
        if (IsConst(a, -1))
        {
            return Neg(b);
        }
        if (IsConst(b, -1))
        {
            return Neg(a);
        }
        if (_nodes[a].Op == Op.Neg && _nodes[b].Op == Op.Neg)
        {
            return Mul(_nodes[a].A, _nodes[b].A);
        }
        // Constants gather across the product, |x| · sign(x) = x (ExprGraph.Algebra.cs).
        if (TryMulAlgebra(a, b, out int algebra))
        {
            return algebra;
        }
        if (_nodes[a].Op == Op.Neg || _nodes[b].Op == Op.Neg)
        {
            // x * (-y) = -(x * y) exactly; keeping negations outermost lets sums cancel them.
            return _nodes[a].Op == Op.Neg ? Neg(Mul(_nodes[a].A, b)) : Neg(Mul(a, _nodes[b].A));
        }
        if (TryPushIntoGuarded(Op.Mul, a, b, 0, out int pushed) || TryPushIntoGuarded(Op.Mul, b, a, 0, out pushed))
        {
            return pushed;
        }
        return Intern(Ordered(Op.Mul, a, b));
    }

    public int Div(int a, int b)
    {
        if (IsConst(a, out double x) && IsConst(b, out double y))
        {
            return Const(x / y);
        }
        if (IsZero(a))
        {
            return Const(0);
        }
        if (IsConst(b, 1))
        {
            return a;
        }
        if (IsConst(b, out double divisor) && IsPowerOfTwo(divisor))
        {
            return Mul(a, Const(1 / divisor));
        }
        // (c · x) / y = c · (x / y): the constant joins the product around the quotient.
        if (!IsConst(a, out _) && TryExtractConstant(a, 0, out double factor, out int numerator))
        {
            return Mul(Const(factor), Div(numerator, b));
        }
        if (TryPushIntoGuarded(Op.Div, a, b, 0, out int pushed))
        {
            return pushed;
        }
        return Intern(Node.Binary(Op.Div, a, b));
    }

    public int Exp(int a) => Function(Op.Exp, a, Math.Exp);

    public int Sqrt(int a) => Function(Op.Sqrt, a, Math.Sqrt);

    public int Tanh(int a) => Function(Op.Tanh, a, Math.Tanh);

    public int Abs(int a) => _nodes[a].Op switch
    {
        Op.Abs => a,
        Op.Neg => Abs(_nodes[a].A), // |-x| = |x|
        _ => Function(Op.Abs, a, Math.Abs),
    };

    public int Sign(int a) => Function(Op.Sign, a, v => double.IsNaN(v) ? v : v > 0 ? 1 : v < 0 ? -1 : v);

    public int Sigmoid(int a) => Function(Op.Sigmoid, a, ScalarMath.Sigmoid);

    public int Softplus(int a) => Function(Op.Softplus, a, ScalarMath.Softplus);

    public int Log1p(int a) => Function(Op.Log1p, a, ScalarMath.Log1p);

    public int Log(int a)
    {
        Node n = _nodes[a];
        if (n.Op == Op.Sigmoid)
        {
            return Neg(Note(Softplus(Neg(n.A)), "log(sigmoid(x)) computed as -softplus(-x): finite for large |x|"));
        }
        if (n.Op == Op.Exp)
        {
            return Note(n.A, "log(exp(x)) simplified to x");
        }
        if (n.Op == Op.Sub && IsConst(n.A, 1) && _nodes[n.B].Op == Op.Sigmoid)
        {
            return Neg(Note(Softplus(_nodes[n.B].A), "log(1 - sigmoid(x)) computed as -softplus(x): finite for large |x|"));
        }
        if (n.Op == Op.Add && (IsConst(n.A, 1) || IsConst(n.B, 1)))
        {
            int other = IsConst(n.A, 1) ? n.B : n.A;
            if (_nodes[other].Op == Op.Exp)
            {
                return Note(Softplus(_nodes[other].A), "log(1 + exp(x)) computed as softplus(x): no overflow for large x");
            }
            return Note(Log1p(other), "log(1 + x) computed as log1p(x): accurate for small |x|");
        }
        return Function(Op.Log, a, Math.Log);
    }

    public int Min(int a, int b) => MinMax(Op.Min, a, b);

    public int Max(int a, int b) => MinMax(Op.Max, a, b);

    public int Pow(int a, int b)
    {
        if (IsConst(a, out double x) && IsConst(b, out double y))
        {
            return Const(Math.Pow(x, y));
        }
        if (IsConst(b, out double exponent))
        {
            if (exponent == Math.Floor(exponent) && Math.Abs(exponent) <= MaxExpandedPower)
            {
                int n = (int)exponent;
                return n >= 0 ? PowInt(a, n) : Div(Const(1), PowInt(a, -n));
            }
            if (exponent == 0.5)
            {
                return Sqrt(a);
            }
        }
        return Intern(Node.Binary(Op.Pow, a, b));
    }

    /// <summary>x^n for a natural n by repeated squaring; x^0 = 1.</summary>
    public int PowInt(int a, int n)
    {
        if (n == 0)
        {
            return Const(1);
        }
        if (n == 1)
        {
            return a;
        }
        int half = PowInt(a, n / 2);
        int square = Intern(Ordered(Op.Mul, half, half));
        return n % 2 == 0 ? square : Mul(square, a);
    }

    public int Select(int condition, int whenTrue, int whenFalse)
    {
        Node c = _nodes[condition];
        if (c.Op == Op.True)
        {
            return whenTrue;
        }
        if (c.Op == Op.False || whenTrue == whenFalse)
        {
            return c.Op == Op.False ? whenFalse : whenTrue;
        }
        if (c.Op == Op.Not)
        {
            return Select(c.A, whenFalse, whenTrue);
        }
        // A select nested in a branch under the same condition — or one the condition decides — can only take one branch.
        whenTrue = Assume(whenTrue, condition, true);
        whenFalse = Assume(whenFalse, condition, false);
        return whenTrue == whenFalse ? whenTrue : Intern(new Node(Op.Select, condition, whenTrue, whenFalse, 0));
    }

    public int Compare(Op op, int a, int b)
    {
        if (IsConst(a, out double x) && IsConst(b, out double y))
        {
            bool result = op switch
            {
                Op.Less => x < y,
                Op.LessEqual => x <= y,
                Op.Greater => x > y,
                Op.GreaterEqual => x >= y,
                Op.Equal => x == y,
                _ => x != y,
            };
            return result ? True() : False();
        }
        return Intern(OpFacts.IsCommutative(op) ? Ordered(op, a, b) : Node.Binary(op, a, b));
    }

    public int And(int a, int b)
    {
        if (_nodes[a].Op == Op.False || _nodes[b].Op == Op.False)
        {
            return False();
        }
        if (_nodes[a].Op == Op.True || a == b)
        {
            return b;
        }
        return _nodes[b].Op == Op.True ? a : Intern(Ordered(Op.And, a, b));
    }

    public int Or(int a, int b)
    {
        if (_nodes[a].Op == Op.True || _nodes[b].Op == Op.True)
        {
            return True();
        }
        if (_nodes[a].Op == Op.False || a == b)
        {
            return b;
        }
        return _nodes[b].Op == Op.False ? a : Intern(Ordered(Op.Or, a, b));
    }

    public int Not(int a)
    {
        Node n = _nodes[a];
        return n.Op switch
        {
            Op.True => False(),
            Op.False => True(),
            Op.Not => n.A,
            _ => Intern(Node.Unary(Op.Not, a)),
        };
    }

    private int Function(Op op, int a, Func<double, double> fold) =>
        IsConst(a, out double x) ? Const(fold(x)) : Intern(Node.Unary(op, a));

    private int MinMax(Op op, int a, int b)
    {
        if (IsConst(a, out double x) && IsConst(b, out double y))
        {
            return Const(op == Op.Min ? Math.Min(x, y) : Math.Max(x, y));
        }
        return a == b ? a : Intern(Ordered(op, a, b));
    }

    private static Node Ordered(Op op, int a, int b) => a <= b ? Node.Binary(op, a, b) : Node.Binary(op, b, a);

    private static bool IsPowerOfTwo(double value)
    {
        if (value == 0 || double.IsInfinity(value) || double.IsNaN(value))
        {
            return false;
        }
        long bits = BitConverter.DoubleToInt64Bits(Math.Abs(value));
        return (bits & 0x000F_FFFF_FFFF_FFFFL) == 0 && ((bits >> 52) & 0x7FF) != 0;
    }
}
