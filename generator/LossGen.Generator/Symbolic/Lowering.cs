using System.Collections.Generic;
using System.Linq;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// The last symbolic pass before planning the kernel. It rebuilds the graph bottom-up with
/// <see cref="Ranges"/> of the new nodes at hand, and
/// <list type="bullet">
/// <item>rewrites <c>sigmoid</c> and <c>softplus</c> into stable primitive forms over one shared
/// e = exp(−|x|), so that a loss using both (every logistic loss and its gradient) pays for a single
/// exponential: sigmoid(x) = x ≥ 0 ? 1/(1+e) : e/(1+e), only one of them where the sign of x is
/// known; softplus(x) = max(x, 0) + log1p(e), its max without a NaN check of its own; sigmoid's
/// slope σ(x)(1 − σ(x)) = e·r·r with r = 1/(1 + e), the reciprocal from which the sigmoid's own
/// quotient is then refined (one division for both);</item>
/// <item>prunes what the ranges decide: a comparison known true or false, the branch of a select it
/// guards, |x| of a known sign, max/min of ordered operands, sign of a known-signed value;</item>
/// <item>multiplies by sign(x) by flipping a sign bit where the other factor vanishes with x (<see cref="VanishingProof"/>);</item>
/// <item>picks the cheaper kernel functions where the argument's range allows: exp of a non-positive
/// argument (<c>ExpNonPositive</c>), log1p of an argument in [0, 1] (<c>Log1pUnit</c>).</item>
/// </list>
/// Runs after differentiation, so derivative rules and documentation see the functions as written.
/// </summary>
internal static class Lowering
{
    public static DerivedLoss Lower(DerivedLoss loss)
    {
        ExprGraph source = loss.Graph;
        var target = new ExprGraph { ValueRewrites = true };
        var ranges = new Ranges(target);
        var map = new Dictionary<int, int>();
        List<int> reachable = source.Reachable(loss.Roots);
        HashSet<int> sigmoidsWithSlope = SigmoidsWithSlope(source, reachable);
        foreach (int id in reachable)
        {
            Node n = source[id];
            int A() => map[n.A];
            int B() => map[n.B];
            int C() => map[n.C];
            int lowered = n.Op switch
            {
                Op.Const => target.Const(n.Value),
                Op.Input => target.Input((int)n.Value, n.B),
                Op.Scalar => target.Scalar((int)n.Value),
                Op.True => target.True(),
                Op.RowInput => target.RowInput((int)n.Value),
                Op.Component => target.Component(),
                Op.RowLength => target.RowLength(),
                Op.RowSum or Op.RowMax or Op.RowMin or Op.Gather => target.Apply(n.Op, A(), n.Arity > 1 ? B() : -1, -1),
                Op.False => target.False(),
                Op.Neg => target.Neg(A()),
                Op.Add => target.Add(A(), B()),
                Op.Sub => target.Sub(A(), B()),
                Op.Mul => SigmoidDerivative(source, n, target, ranges, map) ?? MulSign(target, ranges, A(), B()) ?? target.Mul(A(), B()),
                Op.Div => target.Div(A(), B()),
                Op.Exp => Exp(target, ranges, A()),
                Op.Log => target.Log(A()),
                Op.Log1p => Log1p(target, ranges, A()),
                Op.Sqrt => target.Sqrt(A()),
                Op.Tanh => target.Tanh(A()),
                Op.Abs => Abs(target, ranges, A()),
                Op.Sign => Sign(target, ranges, A()),
                Op.Sigmoid => Sigmoid(target, ranges, A(), sigmoidsWithSlope.Contains(id)),
                Op.Softplus => Softplus(target, ranges, A()),
                Op.ExpNonPositive => target.ExpNonPositive(A()),
                Op.Log1pUnit => target.Log1pUnit(A()),
                Op.DivOnePlus => target.DivOnePlus(A(), B()),
                Op.ReciprocalOnePlus => target.ReciprocalOnePlus(A()),
                Op.DivOnePlusBy => target.DivOnePlus(A(), B(), C()),
                Op.PositivePart => target.PositivePart(A()),
                Op.MulSign => target.MulSign(A(), B()),
                Op.Min => MinMax(target, ranges, A(), B(), max: false),
                Op.Max => MinMax(target, ranges, A(), B(), max: true),
                Op.Pow => target.Pow(A(), B()),
                Op.Select => ranges[A()].IsTrue ? B() : ranges[A()].IsFalse ? C() : target.Select(A(), B(), C()),
                Op.Not => target.Not(A()),
                Op.And => target.And(A(), B()),
                Op.Or => target.Or(A(), B()),
                _ => Decided(target, ranges, target.Compare(n.Op, A(), B())),
            };
            map[id] = lowered;
            if (source.NoteOf(id) is string note)
            {
                target.AddNote(lowered, note);
            }
        }
        var names = loss.BindingNames.Where(kv => map.ContainsKey(kv.Key)).GroupBy(kv => map[kv.Key]).ToDictionary(g => g.Key, g => g.First().Value);
        var gradients = loss.Gradients.Select(g => g with { Node = g.Node is int node ? map[node] : null }).ToList();
        return DerivedLoss.Create(target, map[loss.Value], gradients, names);
    }

    /// <summary>A truth value the ranges decide becomes the constant true or false.</summary>
    private static int Decided(ExprGraph g, Ranges ranges, int comparison) =>
        ranges[comparison].IsTrue ? g.True() : ranges[comparison].IsFalse ? g.False() : comparison;

    private static int Exp(ExprGraph g, Ranges ranges, int x) => ranges[x].IsNonPositive ? g.ExpNonPositive(x) : g.Exp(x);

    private static int Log1p(ExprGraph g, Ranges ranges, int x) => ranges[x].NumbersWithin(0, 1) ? g.Log1pUnit(x) : g.Log1p(x);

    private static int Abs(ExprGraph g, Ranges ranges, int x) =>
        ranges[x].IsNonNegative && !ranges[x].MayBeNaN ? x : ranges[x].IsNonPositive && !ranges[x].MayBeNaN ? g.Neg(x) : g.Abs(x);

    private static int Sign(ExprGraph g, Ranges ranges, int x) =>
        ranges[x].Lo > 0 && !ranges[x].MayBeNaN ? g.Const(1) : ranges[x].Hi < 0 && !ranges[x].MayBeNaN ? g.Const(-1) : g.Sign(x);

    /// <summary>
    /// f · sign(x) as a flip of f's sign bit by x's (<see cref="Op.MulSign"/>) where f is exactly 0 wherever x is ±0
    /// (<see cref="VanishingProof"/>) and x is never NaN for finite inputs: log-cosh's gradient (1 − 2σ(−2|d|)) · sign(d).
    /// Null otherwise.
    /// </summary>
    private static int? MulSign(ExprGraph g, Ranges ranges, int a, int b)
    {
        (int f, int sign) = g[b].Op == Op.Sign ? (a, b) : g[a].Op == Op.Sign ? (b, a) : (-1, -1);
        if (sign < 0 || g[f].Op == Op.Sign)
        {
            // sign(u) · sign(v): either flip would still compute the other sign; nothing to gain.
            return null;
        }
        int x = g[sign].A;
        if (ranges[x].MayBeNaN || !VanishingProof.VanishesWhereZero(g, ranges, f, x))
        {
            return null;
        }
        return g.AddNote(g.MulSign(f, x), "f * sign(x) computed as a flip of f's sign bit by x's (exact: f is 0 where x = 0)");
    }

    private static int MinMax(ExprGraph g, Ranges ranges, int a, int b, bool max)
    {
        Interval ra = ranges[a], rb = ranges[b];
        if (!ra.MayBeNaN && !rb.MayBeNaN)
        {
            if (ra.Lo >= rb.Hi)
            {
                return max ? a : b;
            }
            if (rb.Lo >= ra.Hi)
            {
                return max ? b : a;
            }
        }
        return max ? g.Max(a, b) : g.Min(a, b);
    }

    private static int NegativeExp(ExprGraph g, Ranges ranges, int x) =>
        g.AddNote(Exp(g, ranges, g.Neg(Abs(g, ranges, x))), "e = exp(-|x|), shared by sigmoid and softplus: never overflows");

    /// <summary>
    /// sigmoid(x) as a quotient by 1 + e over the shared e = exp(−|x|), refined in float kernels (DivOnePlus): one
    /// division, and within 2 ulp where e·r (two roundings) measured 2.54. Where the kernel also needs the sigmoid's
    /// slope (<paramref name="withSlope"/>), the quotient is refined from the reciprocal r = 1/(1 + e) that the slope
    /// e·r·r reads, so the two share one division.
    /// </summary>
    private static int Sigmoid(ExprGraph g, Ranges ranges, int x, bool withSlope)
    {
        int e = NegativeExp(g, ranges, x);
        int Quotient(int numerator) => withSlope ? g.DivOnePlus(numerator, e, Reciprocal(g, e)) : g.DivOnePlus(numerator, e);
        if (ranges[x].IsNonPositive)
        {
            return g.AddNote(Quotient(e), "sigmoid(x) = e/(1+e) with e = exp(x), for x <= 0");
        }
        if (ranges[x].IsNonNegative)
        {
            return g.AddNote(Quotient(g.Const(1)), "sigmoid(x) = 1/(1+e) with e = exp(-x), for x >= 0");
        }
        int numerator = g.Select(g.Compare(Op.GreaterEqual, x, g.Const(0)), g.Const(1), e);
        return g.AddNote(Quotient(numerator), "sigmoid(x) = (x >= 0 ? 1 : e)/(1+e) with e = exp(-|x|)");
    }

    private static int Reciprocal(ExprGraph g, int e) =>
        g.AddNote(g.ReciprocalOnePlus(e), "r = 1/(1+e): sigmoid's slope is e*r*r, and a sigmoid of the same x is computed from r (one division)");

    /// <summary>The sigmoid nodes of <paramref name="source"/> whose slope σ(x) · (1 − σ(x)) the loss also computes.</summary>
    private static HashSet<int> SigmoidsWithSlope(ExprGraph source, IEnumerable<int> reachable)
    {
        var result = new HashSet<int>();
        foreach (int id in reachable)
        {
            if (source[id].Op == Op.Mul && SlopeOf(source, source[id]) is int sigmoid)
            {
                result.Add(sigmoid);
            }
        }
        return result;
    }

    /// <summary>The sigmoid node s when <paramref name="n"/> is s · (1 − s) or (1 − s) · s; null otherwise.</summary>
    private static int? SlopeOf(ExprGraph s, Node n)
    {
        static bool OneMinus(ExprGraph s, int id, int sigmoid) => s[id] is { Op: Op.Sub } sub && s.IsConst(sub.A, 1) && sub.B == sigmoid;
        return s[n.A].Op == Op.Sigmoid && OneMinus(s, n.B, n.A) ? n.A
            : s[n.B].Op == Op.Sigmoid && OneMinus(s, n.A, n.B) ? n.B
            : null;
    }

    /// <summary>
    /// σ(x) · (1 − σ(x)), the derivative of sigmoid (and the curvature of every logistic loss), as
    /// e·r·r with the shared e = exp(−|x|) and r = 1/(1 + e): e/(1 + e)², symmetric in x, so 1 − σ(x) never cancels
    /// (in float it would lose digits as σ(x) nears 1), and r is the reciprocal the sigmoid itself is refined from.
    /// Null when <paramref name="n"/> is not that product.
    /// </summary>
    private static int? SigmoidDerivative(ExprGraph source, Node n, ExprGraph g, Ranges ranges, Dictionary<int, int> map)
    {
        if (SlopeOf(source, n) is not int sigmoidNode)
        {
            return null;
        }
        int x = map[source[sigmoidNode].A];
        int e = NegativeExp(g, ranges, x);
        int r = Reciprocal(g, e);
        return g.AddNote(g.Mul(g.Mul(e, r), r), "sigmoid(x) * (1 - sigmoid(x)) = e*r*r = e/(1+e)^2 with e = exp(-|x|): no cancellation");
    }

    /// <summary>
    /// softplus(x) = max(x, 0) + log1p(e) with the shared e = exp(−|x|). The max needs no NaN check of its own
    /// (<see cref="Op.PositivePart"/>): for a NaN x the log1p term is NaN, and so is the sum.
    /// </summary>
    private static int Softplus(ExprGraph g, Ranges ranges, int x)
    {
        int e = NegativeExp(g, ranges, x);
        int max = MinMax(g, ranges, x, g.Const(0), max: true);
        if (g[max].Op == Op.Max)
        {
            max = g.PositivePart(x);
        }
        int result = g.Add(max, Log1p(g, ranges, e));
        return g.AddNote(result, "softplus(x) = max(x, 0) + log1p(exp(-|x|))");
    }
}
