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

internal static class OpFacts
{
    public static bool IsLeaf(Op op) => op <= Op.False;

    public static bool IsTruthValued(Op op) => op >= Op.Less || op == Op.True || op == Op.False;

    public static bool IsCommutative(Op op) => op is Op.Add or Op.Mul or Op.Min or Op.Max or Op.Equal or Op.NotEqual or Op.And or Op.Or;

    public static int Arity(Op op) => op switch
    {
        Op.Const or Op.Input or Op.Scalar or Op.True or Op.False => 0,
        Op.Neg or Op.Exp or Op.Log or Op.Log1p or Op.Sqrt or Op.Tanh or Op.Abs or Op.Sign or Op.Sigmoid or Op.Softplus or Op.Not => 1,
        Op.Select => 3,
        _ => 2,
    };

    /// <summary>The function name as written in formulas, for unary functions.</summary>
    public static string FunctionName(Op op) => op switch
    {
        Op.Exp => "exp",
        Op.Log => "log",
        Op.Log1p => "log1p",
        Op.Sqrt => "sqrt",
        Op.Tanh => "tanh",
        Op.Abs => "abs",
        Op.Sign => "sign",
        Op.Sigmoid => "sigmoid",
        Op.Softplus => "softplus",
        Op.Min => "min",
        Op.Max => "max",
        Op.Pow => "pow",
        _ => op.ToString().ToLowerInvariant(),
    };
}
