using System;

namespace LossGen.Generator.Symbolic;

internal sealed partial class ExprGraph
{
    /// <summary>
    /// The node <paramref name="op"/> over existing children, through the smart constructors (so a graph
    /// rebuilt node by node is simplified as if built directly). For non-leaf operations.
    /// </summary>
    public int Apply(Op op, int a, int b, int c) => op switch
    {
        Op.Neg => Neg(a),
        Op.Add => Add(a, b),
        Op.Sub => Sub(a, b),
        Op.Mul => Mul(a, b),
        Op.Div => Div(a, b),
        Op.Exp => Exp(a),
        Op.Log => Log(a),
        Op.Log1p => Log1p(a),
        Op.Sqrt => Sqrt(a),
        Op.Tanh => Tanh(a),
        Op.Abs => Abs(a),
        Op.Sign => Sign(a),
        Op.Sigmoid => Sigmoid(a),
        Op.Softplus => Softplus(a),
        Op.ExpNonPositive => ExpNonPositive(a),
        Op.Log1pUnit => Log1pUnit(a),
        Op.DivOnePlus => DivOnePlus(a, b),
        Op.ReciprocalOnePlus => ReciprocalOnePlus(a),
        Op.DivOnePlusBy => DivOnePlus(a, b, c),
        Op.PositivePart => PositivePart(a),
        Op.MulSign => MulSign(a, b),
        Op.Min => Min(a, b),
        Op.Max => Max(a, b),
        Op.Pow => Pow(a, b),
        Op.Select => Select(a, b, c),
        Op.Not => Not(a),
        Op.And => And(a, b),
        Op.Or => Or(a, b),
        Op.Less or Op.LessEqual or Op.Greater or Op.GreaterEqual or Op.Equal or Op.NotEqual => Compare(op, a, b),
        Op.RowSum => RowSum(a),
        Op.RowMax => RowExtreme(true, a),
        Op.RowMin => RowExtreme(false, a),
        Op.Gather => Gather(a, b),
        _ => throw new InvalidOperationException("Apply does not build " + op),
    };
}
