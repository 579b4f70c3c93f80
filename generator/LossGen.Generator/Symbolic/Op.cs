namespace LossGen.Generator.Symbolic;

/// <summary>The operation of a node of the expression DAG.</summary>
internal enum Op : byte
{
    // leaves
    Const,
    Input,
    Scalar,
    True,
    False,

    /// <summary>Rows: component j of a row input (Value = the parameter index); in templates only.</summary>
    RowInput,

    /// <summary>Rows: the component index j of the row being computed, as a number; in templates only.</summary>
    Component,

    /// <summary>Rows: the row length K, as a number; in templates only.</summary>
    RowLength,

    // numbers
    Neg,
    Add,
    Sub,
    Mul,
    Div,
    Exp,
    Log,
    Log1p,
    Sqrt,
    Tanh,
    Abs,
    Sign,
    Sigmoid,
    Softplus,

    /// <summary>exp(x) for an argument known to be ≤ 0 (range analysis; kernels only).</summary>
    ExpNonPositive,

    /// <summary>log(1 + x) for an argument known to be in [0, 1] (range analysis; kernels only).</summary>
    Log1pUnit,

    /// <summary>a / (1 + b) for b in [0, 1] (sigmoid's quotient; lowering only): refined to ≤ 1 ulp more than its operands in float.</summary>
    DivOnePlus,

    /// <summary>a · b + c rounded once (a fused multiply-add; kernel plans only, see <c>Planning.Contraction</c>).</summary>
    MultiplyAdd,

    /// <summary>a · b − c rounded once (kernel plans only).</summary>
    MultiplySubtract,

    /// <summary>c − a · b rounded once (kernel plans only).</summary>
    NegatedMultiplyAdd,

    /// <summary>
    /// a / (1 + b) as one rounded division, without <see cref="DivOnePlus"/>'s refinement (float kernel plans only: a
    /// quotient that feeds derivatives only, whose accuracy is not promised in ulps).
    /// </summary>
    DivOnePlusRounded,

    /// <summary>
    /// a · sign(b) as a flip of a's sign bit by b's (lowering only, where <c>VanishingProof</c> shows a = 0 wherever
    /// b = ±0: there the product is 0 and the flip ±a): one AND and one XOR instead of two compares, two selects and a
    /// multiplication.
    /// </summary>
    MulSign,

    /// <summary>
    /// 1 / (1 + b) for b in [0, 1] (lowering only): the reciprocal that sigmoid's quotient and its derivative share where
    /// a kernel needs both, σ'(x) = e · r · r with r = 1/(1 + e).
    /// </summary>
    ReciprocalOnePlus,

    /// <summary>
    /// a / (1 + b) for b in [0, 1] given r = 1 / (1 + b) (operand C, a <see cref="ReciprocalOnePlus"/> node): in float
    /// kernels the same value as <see cref="DivOnePlus"/>, refined from r by its Newton step instead of dividing again;
    /// a · r in double kernels and, in float, where only derivatives read it (as <see cref="DivOnePlusRounded"/> is
    /// one rounded division there).
    /// </summary>
    DivOnePlusBy,

    /// <summary>
    /// max(x, 0) as one instruction (<c>Vector.MaxNative</c>), whose result for a NaN x is unspecified (lowering only:
    /// inside softplus, max(x, 0) + log1p(exp(−|x|)), whose second term is NaN for a NaN x, so the sum is NaN either way).
    /// Exact for every other x, −0 included (max(−0, 0) = +0). <c>Vector.Max</c> adds a fix-up for NaN and −0 on x86.
    /// </summary>
    PositivePart,

    Min,
    Max,
    Pow,
    Select,

    /// <summary>Rows: Σ_j of a row expression (a per-sample value).</summary>
    RowSum,

    /// <summary>Rows: max_j of a row expression; ties share the gradient evenly.</summary>
    RowMax,

    /// <summary>Rows: min_j of a row expression; ties share the gradient evenly.</summary>
    RowMin,

    /// <summary>Rows: the component of row expression A at the per-sample class index B.</summary>
    Gather,

    // truth values
    Less,
    LessEqual,
    Greater,
    GreaterEqual,
    Equal,
    NotEqual,
    And,
    Or,
    Not,
}

/// <summary>Shorthands over <see cref="OpTable"/>.</summary>
internal static class OpFacts
{
    public static bool IsLeaf(Op op) => op <= Op.RowLength;

    /// <summary>Whether the op reduces a row to a per-sample value (a pass over the row at run time).</summary>
    public static bool IsRowReduction(Op op) => op is Op.RowSum or Op.RowMax or Op.RowMin or Op.Gather;

    public static bool IsTruthValued(Op op) => OpTable.Of(op).IsTruthValued;

    public static bool IsCommutative(Op op) => op is Op.Add or Op.Mul or Op.Min or Op.Max or Op.Equal or Op.NotEqual or Op.And or Op.Or;

    public static int Arity(Op op) => OpTable.Of(op).Arity;

    /// <summary>The function name as written in formulas, for functions.</summary>
    public static string FunctionName(Op op) => OpTable.Of(op).Symbol;
}
