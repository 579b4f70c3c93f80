using System;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// Constructors of the kernel forms that lowering makes after differentiation (<see cref="Lowering"/>): functions of
/// arguments whose range analysis allows them, sigmoid's quotients, the sign flip. They fold constants and are never differentiated.
/// </summary>
internal sealed partial class ExprGraph
{
    /// <summary>exp(a) where range analysis proved a ≤ 0 (the kernel skips the overflow path).</summary>
    public int ExpNonPositive(int a) => Function(Op.ExpNonPositive, a, Math.Exp);

    /// <summary>a / (1 + b) where b ∈ [0, 1] (lowering: sigmoid's quotient, computed with a refined division in float kernels).</summary>
    public int DivOnePlus(int a, int b) =>
        IsConst(a, out double x) && IsConst(b, out double y) ? Const(x / (1 + y)) : Intern(Node.Binary(Op.DivOnePlus, a, b));

    /// <summary>1 / (1 + b) where b ∈ [0, 1] (lowering: sigmoid's slope e·r·r, and the reciprocal a sigmoid of the same x is refined from).</summary>
    public int ReciprocalOnePlus(int b) => Function(Op.ReciprocalOnePlus, b, v => 1 / (1 + v));

    /// <summary>a / (1 + b) where b ∈ [0, 1], computed from <paramref name="r"/> = 1 / (1 + b) (a <see cref="ReciprocalOnePlus"/> node).</summary>
    public int DivOnePlus(int a, int b, int r) =>
        IsConst(a, out double x) && IsConst(b, out double y) ? Const(x / (1 + y)) : Intern(new Node(Op.DivOnePlusBy, a, b, r, 0));

    /// <summary>max(a, 0) without NaN propagation (lowering: softplus's max, where the log1p term carries a NaN on).</summary>
    public int PositivePart(int a) => Function(Op.PositivePart, a, v => Math.Max(v, 0));

    /// <summary>a · sign(b) as a flip of a's sign bit by b's, where lowering proved a = 0 wherever b = ±0 (<see cref="VanishingProof"/>).</summary>
    public int MulSign(int a, int b) =>
        IsConst(a, out double x) && IsConst(b, out double y) ? Const(OpTable.Of(Op.MulSign).Evaluate!(x, y, 0)) : Intern(Node.Binary(Op.MulSign, a, b));

    /// <summary>log1p(a) where range analysis proved a ∈ [0, 1] (the kernel skips the general path).</summary>
    public int Log1pUnit(int a) => Function(Op.Log1pUnit, a, ScalarMath.Log1p);
}
