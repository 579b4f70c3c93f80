using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Tests.Infrastructure;

/// <summary>
/// Evaluates every node of a DAG in double precision, the way vector code does: both branches of
/// a select are computed and the select picks one, so a derivative that leaked NaN or ∞ from an
/// untaken branch through a multiplication would show here. Truth values are 1 and 0.
/// </summary>
internal static class GraphEvaluator
{
    /// <param name="inputs">The value of each parameter, by parameter index.</param>
    public static double[] Evaluate(ExprGraph g, IReadOnlyDictionary<int, double> inputs)
    {
        var v = new double[g.Count];
        for (int id = 0; id < g.Count; id++)
        {
            Node n = g[id];
            double a = n.A >= 0 ? v[n.A] : 0, b = n.B >= 0 ? v[n.B] : 0, c = n.C >= 0 ? v[n.C] : 0;
            v[id] = n.Op switch
            {
                Op.Const => n.Value,
                Op.Input or Op.Scalar => inputs[(int)n.Value],
                Op.True => 1,
                Op.False => 0,
                Op.Neg => -a,
                Op.Add => a + b,
                Op.Sub => a - b,
                Op.Mul => a * b,
                Op.Div => a / b,
                Op.DivOnePlus or Op.DivOnePlusBy => a / (1 + b),
                Op.ReciprocalOnePlus => 1 / (1 + a),
                Op.PositivePart => Math.Max(a, 0),
                Op.MulSign => double.IsNegative(b) ? -a : a,
                Op.Exp or Op.ExpNonPositive => Math.Exp(a),
                Op.Log => Math.Log(a),
                Op.Log1p or Op.Log1pUnit => ReferenceMath.Log1p(a),
                Op.Sqrt => Math.Sqrt(a),
                Op.Tanh => Math.Tanh(a),
                Op.Abs => Math.Abs(a),
                Op.Sign => double.IsNaN(a) ? a : Math.Sign(a),
                Op.Sigmoid => ReferenceMath.Sigmoid(a),
                Op.Softplus => ReferenceMath.Softplus(a),
                Op.Min => Math.Min(a, b),
                Op.Max => Math.Max(a, b),
                Op.Pow => Math.Pow(a, b),
                Op.Select => a != 0 ? b : c,
                Op.Less => a < b ? 1 : 0,
                Op.LessEqual => a <= b ? 1 : 0,
                Op.Greater => a > b ? 1 : 0,
                Op.GreaterEqual => a >= b ? 1 : 0,
                Op.Equal => a == b ? 1 : 0,
                Op.NotEqual => a != b ? 1 : 0,
                Op.And => a != 0 && b != 0 ? 1 : 0,
                Op.Or => a != 0 || b != 0 ? 1 : 0,
                Op.Not => a != 0 ? 0 : 1,
                _ => throw new InvalidOperationException(n.Op.ToString()),
            };
        }
        return v;
    }
}

/// <summary>Reference functions in double, written independently of the generator's constant folding.</summary>
internal static class ReferenceMath
{
    public static double Log1p(double x) => Math.Abs(x) < 1e-4 ? x - x * x / 2 + x * x * x / 3 - x * x * x * x / 4 : Math.Log(1 + x);

    public static double Sigmoid(double x) => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x));

    public static double Softplus(double x) => x > 0 ? x + Log1p(Math.Exp(-x)) : Log1p(Math.Exp(x));
}
