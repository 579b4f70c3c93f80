using System.Collections.Generic;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// Reverse-mode (adjoint) differentiation over the DAG. One backward sweep in decreasing id order
/// (a reverse topological order) yields the derivative of <c>root</c> with respect to every node
/// at once; the local derivative rules are built with the graph's smart constructors, so they share
/// every sub-expression with the value and with each other, and a zero contribution is simply absent.
/// The sweep is a loop, and the result is an ordinary node of the same graph: it can be
/// differentiated again (second derivatives).
/// </summary>
internal static class Differentiator
{
    /// <summary>The adjoint of every node that <paramref name="root"/> depends on differentiably; absent means structurally zero.</summary>
    public static Dictionary<int, int> Adjoints(ExprGraph g, int root)
    {
        var adjoints = new Dictionary<int, int> { [root] = g.Const(1) };
        for (int id = root; id >= 0; id--)
        {
            if (!adjoints.TryGetValue(id, out int adjoint))
            {
                continue;
            }
            Node n = g[id];
            if (g.TryGetLogSumExp(id, out LogSumExpParts lse))
            {
                // ∂/∂x_j logsumexp(x) = e_j / s, the softmax weights (the max shift cancels exactly).
                Accumulate(g, adjoints, lse.Row, g.Mul(lse.Exponentials, g.Div(adjoint, lse.Sum)));
                continue;
            }
            switch (n.Op)
            {
                case Op.RowSum:
                    // Σ_j x_j: every component receives the per-sample adjoint.
                    Accumulate(g, adjoints, n.A, adjoint);
                    break;
                case Op.RowMax:
                case Op.RowMin:
                {
                    // The components equal to the extreme share the adjoint evenly (ties split, as torch.amax).
                    int winner = g.Compare(Op.Equal, n.A, id);
                    int ties = g.RowSum(g.Select(winner, g.Const(1), g.Const(0)));
                    Accumulate(g, adjoints, n.A, g.Select(winner, g.Div(adjoint, ties), g.Const(0)));
                    break;
                }
                case Op.Gather:
                    // x_t: scattered into component t.
                    Accumulate(g, adjoints, n.A, g.Select(g.Compare(Op.Equal, g.Component(), n.B), adjoint, g.Const(0)));
                    break;
                case Op.ExpNonPositive:
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, id));
                    break;
                case Op.Neg:
                    Accumulate(g, adjoints, n.A, g.Neg(adjoint));
                    break;
                case Op.Add:
                    Accumulate(g, adjoints, n.A, adjoint);
                    Accumulate(g, adjoints, n.B, adjoint);
                    break;
                case Op.Sub:
                    Accumulate(g, adjoints, n.A, adjoint);
                    Accumulate(g, adjoints, n.B, g.Neg(adjoint));
                    break;
                case Op.Mul when n.A == n.B:
                    // d(x·x) = 2x: one contribution rather than two equal ones.
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, g.Mul(g.Const(2), n.A)));
                    break;
                case Op.Mul:
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, n.B));
                    Accumulate(g, adjoints, n.B, g.Mul(adjoint, n.A));
                    break;
                case Op.Div:
                {
                    // d(a/b) = da/b - (a/b) db/b: share g/b between both.
                    int shared = g.Div(adjoint, n.B);
                    Accumulate(g, adjoints, n.A, shared);
                    Accumulate(g, adjoints, n.B, g.Neg(g.Mul(shared, id)));
                    break;
                }
                case Op.Exp:
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, id));
                    break;
                case Op.Log:
                    Accumulate(g, adjoints, n.A, g.Div(adjoint, n.A));
                    break;
                case Op.Log1p:
                    Accumulate(g, adjoints, n.A, g.Div(adjoint, g.Add(g.Const(1), n.A)));
                    break;
                case Op.Sqrt:
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, g.Div(g.Const(0.5), id)));
                    break;
                case Op.Tanh:
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, g.Sub(g.Const(1), g.Mul(id, id))));
                    break;
                case Op.Abs:
                    // |x|' = sign(x), which is 0 at x = 0 (PyTorch's convention).
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, g.Sign(n.A)));
                    break;
                case Op.Sigmoid:
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, g.Mul(id, g.Sub(g.Const(1), id))));
                    break;
                case Op.Softplus:
                    Accumulate(g, adjoints, n.A, g.Mul(adjoint, g.Sigmoid(n.A)));
                    break;
                case Op.Min:
                case Op.Max:
                {
                    // The winning argument takes the gradient; a tie splits it in halves.
                    Op wins = n.Op == Op.Min ? Op.Less : Op.Greater;
                    int half = g.Select(g.Compare(Op.Equal, n.A, n.B), g.Mul(adjoint, g.Const(0.5)), g.Const(0));
                    Accumulate(g, adjoints, n.A, g.Select(g.Compare(wins, n.A, n.B), adjoint, half));
                    Accumulate(g, adjoints, n.B, g.Select(g.Compare(wins, n.B, n.A), adjoint, half));
                    break;
                }
                case Op.Pow:
                {
                    // d/da a^b = b a^(b-1), 0 where b = 0 (PyTorch's pow_backward_self: a^0 is constant, even at a = 0);
                    // d/db a^b = a^b log(a), only where b varies, 0 where a = 0 and b >= 0 (pow_backward_exponent).
                    // Branch-safe selects: the untaken NaN or infinity (0 · 0^-1, 0^b · log 0) never leaks.
                    int da = g.Mul(g.Mul(adjoint, n.B), g.Pow(n.A, g.Sub(n.B, g.Const(1))));
                    Accumulate(g, adjoints, n.A, g.IsConst(n.B, out double exponent) && exponent != 0 ? da
                        : g.Select(g.Compare(Op.Equal, n.B, g.Const(0)), g.Const(0), da));
                    if (!g.IsConst(n.B, out _))
                    {
                        int db = g.Mul(g.Mul(adjoint, id), g.Log(n.A));
                        Accumulate(g, adjoints, n.B, g.Select(g.And(g.Compare(Op.Equal, n.A, g.Const(0)), g.Compare(Op.GreaterEqual, n.B, g.Const(0))), g.Const(0), db));
                    }
                    break;
                }
                case Op.Select:
                    Accumulate(g, adjoints, n.B, g.Select(n.A, adjoint, g.Const(0)));
                    Accumulate(g, adjoints, n.C, g.Select(n.A, g.Const(0), adjoint));
                    break;
                case Op.Log1pUnit or Op.DivOnePlus or Op.DivOnePlusRounded or Op.DivOnePlusBy or Op.ReciprocalOnePlus or Op.PositivePart or Op.MulSign
                    or Op.MultiplyAdd or Op.MultiplySubtract or Op.NegatedMultiplyAdd:
                    // Kernel forms that lowering and planning make after differentiation: never differentiated.
                    throw new System.InvalidOperationException("The kernel form " + n.Op + " is not differentiated.");
                default:
                    // Leaves, sign (derivative 0 everywhere) and truth values carry no adjoint further.
                    break;
            }
        }
        return adjoints;
    }

    /// <summary>The derivative of <paramref name="root"/> with respect to <paramref name="leaf"/>, or null when it is structurally zero.</summary>
    public static int? Derivative(ExprGraph g, int root, int leaf) =>
        Adjoints(g, root).TryGetValue(leaf, out int d) && !g.IsZero(d) ? d : null;

    private static void Accumulate(ExprGraph g, Dictionary<int, int> adjoints, int target, int contribution)
    {
        if (g.IsZero(contribution) || g.IsTruthValued(target))
        {
            return;
        }
        if (!g.IsRow(target) && g.IsRow(contribution))
        {
            // A per-sample value used across a row (broadcast) collects its adjoint from every component.
            contribution = g.RowSum(contribution);
        }
        adjoints[target] = adjoints.TryGetValue(target, out int existing) ? g.Add(existing, contribution) : contribution;
    }
}
