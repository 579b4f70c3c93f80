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
    Min,
    Max,
    Pow,
    Select,

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
    public static bool IsLeaf(Op op) => op <= Op.False;

    public static bool IsTruthValued(Op op) => OpTable.Of(op).IsTruthValued;

    public static bool IsCommutative(Op op) => op is Op.Add or Op.Mul or Op.Min or Op.Max or Op.Equal or Op.NotEqual or Op.And or Op.Or;

    public static int Arity(Op op) => OpTable.Of(op).Arity;

    /// <summary>The function name as written in formulas, for functions.</summary>
    public static string FunctionName(Op op) => OpTable.Of(op).Symbol;
}
