namespace LossGen.Generator.Symbolic;

/// <summary>
/// Constructors of the kernel forms that lowering makes after differentiation (<see cref="Lowering"/>): functions of
/// arguments whose range analysis allows them, sigmoid's quotients, the sign flip. They fold constants and are never differentiated.
/// </summary>
internal sealed partial class ExprGraph
{
    /// <summary>exp(a) where range analysis proved a ≤ 0 (the kernel skips the overflow path).</summary>
    public int ExpNonPositive(int a) => Unary(Op.ExpNonPositive, a);

    /// <summary>a / (1 + b) where b ∈ [0, 1] (lowering: sigmoid's quotient, computed with a refined division in float kernels).</summary>
    public int DivOnePlus(int a, int b) => Binary(Op.DivOnePlus, a, b);

    /// <summary>1 / (1 + b) where b ∈ [0, 1] (lowering: sigmoid's slope e·r·r, and the reciprocal a sigmoid of the same x is refined from).</summary>
    public int ReciprocalOnePlus(int b) => Unary(Op.ReciprocalOnePlus, b);

    /// <summary>a / (1 + b) where b ∈ [0, 1], computed from <paramref name="r"/> = 1 / (1 + b) (a <see cref="ReciprocalOnePlus"/> node).</summary>
    public int DivOnePlus(int a, int b, int r) =>
        IsConst(a, out double x) && IsConst(b, out double y) ? Const(Fold(Op.DivOnePlusBy, x, y)) : Intern(new Node(Op.DivOnePlusBy, a, b, r, 0));

    /// <summary>max(a, 0) without NaN propagation (lowering: softplus's max, where the log1p term carries a NaN on).</summary>
    public int PositivePart(int a) => Unary(Op.PositivePart, a);

    /// <summary>a · sign(b) as a flip of a's sign bit by b's, where lowering proved a = 0 wherever b = ±0 (<see cref="VanishingProof"/>).</summary>
    public int MulSign(int a, int b) => Binary(Op.MulSign, a, b);

    /// <summary>log1p(a) where range analysis proved a ∈ [0, 1] (the kernel skips the general path).</summary>
    public int Log1pUnit(int a) => Unary(Op.Log1pUnit, a);

    /// <summary>The op table's value of <paramref name="op"/> at constant operands (one rule per op, no second copy here).</summary>
    private static double Fold(Op op, double a, double b = 0) => OpTable.Of(op).Evaluate!(a, b, 0);

    private int Unary(Op op, int a) => IsConst(a, out double x) ? Const(Fold(op, x)) : Intern(Node.Unary(op, a));

    private int Binary(Op op, int a, int b) =>
        IsConst(a, out double x) && IsConst(b, out double y) ? Const(Fold(op, x, y)) : Intern(Node.Binary(op, a, b));
}
