using System.Collections.Generic;
using System.Linq;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// The last symbolic pass before emission: rewrites <c>sigmoid</c> and <c>softplus</c> into their
/// stable primitive forms over one shared e = exp(−|x|), so that a loss using both (every logistic
/// loss and its gradient) pays for a single exponential:
/// sigmoid(x) = x ≥ 0 ? 1/(1+e) : e/(1+e) and softplus(x) = max(x, 0) + log1p(e).
/// Runs after differentiation, so derivative rules and documentation see the functions themselves.
/// </summary>
internal static class Lowering
{
    public static DerivedLoss Lower(DerivedLoss loss)
    {
        ExprGraph source = loss.Graph;
        var target = new ExprGraph();
        var map = new Dictionary<int, int>();
        foreach (int id in source.Reachable(loss.Roots))
        {
            Node n = source[id];
            int A() => map[n.A];
            int B() => map[n.B];
            int C() => map[n.C];
            int lowered = n.Op switch
            {
                Op.Const => target.Const(n.Value),
                Op.Input => target.Input((int)n.Value),
                Op.Scalar => target.Scalar((int)n.Value),
                Op.True => target.True(),
                Op.False => target.False(),
                Op.Neg => target.Neg(A()),
                Op.Add => target.Add(A(), B()),
                Op.Sub => target.Sub(A(), B()),
                Op.Mul => target.Mul(A(), B()),
                Op.Div => target.Div(A(), B()),
                Op.Exp => target.Exp(A()),
                Op.Log => target.Log(A()),
                Op.Log1p => target.Log1p(A()),
                Op.Sqrt => target.Sqrt(A()),
                Op.Tanh => target.Tanh(A()),
                Op.Abs => target.Abs(A()),
                Op.Sign => target.Sign(A()),
                Op.Sigmoid => Sigmoid(target, A()),
                Op.Softplus => Softplus(target, A()),
                Op.Min => target.Min(A(), B()),
                Op.Max => target.Max(A(), B()),
                Op.Pow => target.Pow(A(), B()),
                Op.Select => target.Select(A(), B(), C()),
                Op.Not => target.Not(A()),
                Op.And => target.And(A(), B()),
                Op.Or => target.Or(A(), B()),
                _ => target.Compare(n.Op, A(), B()),
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

    private static int NegativeExp(ExprGraph g, int x) =>
        g.AddNote(g.Exp(g.Neg(g.Abs(x))), "e = exp(-|x|), shared by sigmoid and softplus: never overflows");

    private static int Sigmoid(ExprGraph g, int x)
    {
        int e = NegativeExp(g, x);
        int u = g.Add(g.Const(1), e);
        int result = g.Select(g.Compare(Op.GreaterEqual, x, g.Const(0)), g.Div(g.Const(1), u), g.Div(e, u));
        return g.AddNote(result, "sigmoid(x) = x >= 0 ? 1/(1+e) : e/(1+e) with e = exp(-|x|)");
    }

    private static int Softplus(ExprGraph g, int x)
    {
        int e = NegativeExp(g, x);
        int result = g.Add(g.Max(x, g.Const(0)), g.Log1p(e));
        return g.AddNote(result, "softplus(x) = max(x, 0) + log1p(exp(-|x|))");
    }
}
