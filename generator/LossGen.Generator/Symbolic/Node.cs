using System;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// One node of the DAG: an operation and up to three children, referred to by id. Children always
/// have smaller ids than their parent, so id order is a topological order and every pass over the
/// DAG is a loop, never a recursion. <see cref="Value"/> holds a constant's value or a leaf's index.
/// </summary>
internal readonly record struct Node(Op Op, int A, int B, int C, double Value)
{
    public static Node Leaf(Op op, double value) => new(op, -1, -1, -1, value);

    public static Node Unary(Op op, int a) => new(op, a, -1, -1, 0);

    public static Node Binary(Op op, int a, int b) => new(op, a, b, -1, 0);

    public int Arity => OpFacts.Arity(Op);

    public int Child(int i) => i switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    public bool Equals(Node other) =>
        Op == other.Op && A == other.A && B == other.B && C == other.C
        && BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value);

    public override int GetHashCode()
    {
        unchecked
        {
            int hash = (int)Op;
            hash = hash * 397 ^ A;
            hash = hash * 397 ^ B;
            hash = hash * 397 ^ C;
            return hash * 397 ^ BitConverter.DoubleToInt64Bits(Value).GetHashCode();
        }
    }
}
