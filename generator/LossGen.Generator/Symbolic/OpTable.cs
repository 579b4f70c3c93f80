using System;
using System.Collections.Generic;

namespace LossGen.Generator.Symbolic;

/// <summary>How an operation is written in formulas, comments and docs.</summary>
internal enum OpNotation
{
    /// <summary>A leaf: a constant, an input, a scalar, true or false.</summary>
    Leaf,

    /// <summary>A prefix operator: <c>-x</c>, <c>!c</c>.</summary>
    Prefix,

    /// <summary>An infix operator: <c>a + b</c>, <c>a &lt; b</c>, <c>a &amp;&amp; b</c>.</summary>
    Infix,

    /// <summary>A function call: <c>exp(x)</c>, <c>max(a, b)</c>.</summary>
    Function,

    /// <summary>The conditional <c>c ? a : b</c>.</summary>
    Conditional,
}

/// <summary>
/// Everything about one operation that is not a derivative rule: its arity, how it reads in math
/// (notation, symbol or function name, precedence), the <c>Vector&lt;T&gt;</c> code that computes it
/// (<c>{0}</c>, <c>{1}</c>, <c>{2}</c> are the operands, <c>{T}</c> the element type, <c>{V}</c> the
/// vector type), and its double-precision value for constant folding and reference evaluation.
/// </summary>
internal sealed record OpInfo(Op Op, int Arity, OpNotation Notation, string Symbol, int Precedence, string Vector, Func<double, double, double, double>? Evaluate)
{
    /// <summary>Whether the result is a truth value (a lane mask in vector code).</summary>
    public bool IsTruthValued => Op >= Op.Less || Op is Op.True or Op.False;

    /// <summary>
    /// Whether the vector code calls a transcendental function of <c>VectorMath</c> (an inlined polynomial of 20 to 40
    /// instructions) or sigmoid's quotient (its division, refined or not, or the reciprocal it shares with its slope):
    /// what makes a kernel heavy (<c>KernelPlan.IsHeavy</c>).
    /// </summary>
    public bool IsTranscendental => Op is Op.Exp or Op.Log or Op.Log1p or Op.Tanh or Op.Sigmoid or Op.Softplus
        or Op.ExpNonPositive or Op.Log1pUnit or Op.Pow or Op.DivOnePlus or Op.DivOnePlusRounded or Op.DivOnePlusBy
        or Op.ReciprocalOnePlus;
}

/// <summary>The one table of operations (<see cref="OpInfo"/>), replacing per-op switches across the stages.</summary>
internal static class OpTable
{
    private const int Atom = 10;

    private static readonly Dictionary<Op, OpInfo> Table = Build();

    /// <summary>The description of <paramref name="op"/>.</summary>
    public static OpInfo Of(Op op) => Table[op];

    private static Dictionary<Op, OpInfo> Build()
    {
        var table = new Dictionary<Op, OpInfo>();
        void Add(Op op, int arity, OpNotation notation, string symbol, int precedence, string vector, Func<double, double, double, double>? evaluate) =>
            table.Add(op, new OpInfo(op, arity, notation, symbol, precedence, vector, evaluate));
        void Function(Op op, string name, string vector, Func<double, double> evaluate) =>
            Add(op, 1, OpNotation.Function, name, Atom, vector, (a, _, _) => evaluate(a));
        void Binary(Op op, string name, string vector, Func<double, double, double> evaluate) =>
            Add(op, 2, OpNotation.Function, name, Atom, vector, (a, b, _) => evaluate(a, b));
        void Infix(Op op, string symbol, int precedence, string vector, Func<double, double, double> evaluate) =>
            Add(op, 2, OpNotation.Infix, symbol, precedence, vector, (a, b, _) => evaluate(a, b));
        static double Truth(bool value) => value ? 1 : 0;

        Add(Op.Const, 0, OpNotation.Leaf, "", Atom, "", null);
        Add(Op.Input, 0, OpNotation.Leaf, "", Atom, "", null);
        Add(Op.Scalar, 0, OpNotation.Leaf, "", Atom, "", null);
        Add(Op.True, 0, OpNotation.Leaf, "true", Atom, "{V}.AllBitsSet", null);
        Add(Op.False, 0, OpNotation.Leaf, "false", Atom, "{V}.Zero", null);
        Add(Op.RowInput, 0, OpNotation.Leaf, "", Atom, "", null);
        Add(Op.Component, 0, OpNotation.Leaf, "j", Atom, "", null);
        Add(Op.RowLength, 0, OpNotation.Leaf, "K", Atom, "", null);

        Add(Op.Neg, 1, OpNotation.Prefix, "-", 6, "-{0}", (a, _, _) => -a);
        Add(Op.Not, 1, OpNotation.Prefix, "!", 6, "~{0}", (a, _, _) => Truth(a == 0));
        Infix(Op.Add, "+", 4, "{0} + {1}", (a, b) => a + b);
        Infix(Op.Sub, "-", 4, "{0} - {1}", (a, b) => a - b);
        Infix(Op.Mul, "*", 5, "{0} * {1}", (a, b) => a * b);
        Infix(Op.Div, "/", 5, "{0} / {1}", (a, b) => a / b);

        Function(Op.Exp, "exp", "Exp({0})", Math.Exp);
        Function(Op.Log, "log", "Log({0})", Math.Log);
        Function(Op.Log1p, "log1p", "Log1p({0})", ScalarMath.Log1p);
        Function(Op.Sqrt, "sqrt", "Vector.SquareRoot({0})", Math.Sqrt);
        Function(Op.Tanh, "tanh", "Tanh({0})", Math.Tanh);
        Function(Op.Abs, "abs", "Vector.Abs({0})", Math.Abs);
        Function(Op.Sign, "sign", "Sign({0})", v => double.IsNaN(v) ? v : v > 0 ? 1 : v < 0 ? -1 : v);
        Function(Op.Sigmoid, "sigmoid", "Sigmoid({0})", ScalarMath.Sigmoid);
        Function(Op.Softplus, "softplus", "Softplus({0})", ScalarMath.Softplus);
        Function(Op.ExpNonPositive, "exp", "ExpNonPositive({0})", Math.Exp);
        Function(Op.Log1pUnit, "log1p", "Log1pUnit({0})", ScalarMath.Log1p);
        Binary(Op.DivOnePlus, "div1p", "DivOnePlus({0}, {1})", (a, b) => a / (1 + b));
        Binary(Op.DivOnePlusRounded, "div1p", "{0} / ({V}.One + {1})", (a, b) => a / (1 + b));
        Add(Op.ReciprocalOnePlus, 1, OpNotation.Function, "recip1p", Atom, "{V}.One / ({V}.One + {0})", (a, _, _) => 1 / (1 + a));
        // Printed as div1p(a, b): the third operand, r = 1/(1 + b), is how the kernel computes it, not what.
        Add(Op.DivOnePlusBy, 3, OpNotation.Function, "div1p", Atom, "DivOnePlus({0}, {1}, {2})", (a, b, _) => a / (1 + b));
        Function(Op.PositivePart, "max", "Vector.MaxNative({0}, {V}.Zero)", v => Math.Max(v, 0));
        Binary(Op.MulSign, "mulsign", "MultiplySign({0}, {1})", (a, b) => BitConverter.DoubleToInt64Bits(b) < 0 ? -a : a);
        // Fused multiply-adds: the JIT folds the negations into vfmsub/vfnmadd.
        Add(Op.MultiplyAdd, 3, OpNotation.Function, "fma", Atom, "Vector.FusedMultiplyAdd({0}, {1}, {2})", (a, b, c) => a * b + c);
        Add(Op.MultiplySubtract, 3, OpNotation.Function, "fms", Atom, "Vector.FusedMultiplyAdd({0}, {1}, -{2})", (a, b, c) => a * b - c);
        Add(Op.NegatedMultiplyAdd, 3, OpNotation.Function, "fnma", Atom, "Vector.FusedMultiplyAdd(-{0}, {1}, {2})", (a, b, c) => c - a * b);
        Binary(Op.Min, "min", "Vector.Min({0}, {1})", Math.Min);
        Binary(Op.Max, "max", "Vector.Max({0}, {1})", Math.Max);
        Binary(Op.Pow, "pow", "Pow({0}, {1})", Math.Pow);
        Add(Op.Select, 3, OpNotation.Conditional, "?", 0, "Vector.ConditionalSelect({0}, {1}, {2})", (c, a, b) => c != 0 ? a : b);

        Add(Op.RowSum, 1, OpNotation.Function, "sum", Atom, "", null);
        Add(Op.RowMax, 1, OpNotation.Function, "max", Atom, "", null);
        Add(Op.RowMin, 1, OpNotation.Function, "min", Atom, "", null);
        Add(Op.Gather, 2, OpNotation.Function, "gather", Atom, "", null);

        Infix(Op.Less, "<", 3, "Vector.LessThan<{T}>({0}, {1})", (a, b) => Truth(a < b));
        Infix(Op.LessEqual, "<=", 3, "Vector.LessThanOrEqual<{T}>({0}, {1})", (a, b) => Truth(a <= b));
        Infix(Op.Greater, ">", 3, "Vector.GreaterThan<{T}>({0}, {1})", (a, b) => Truth(a > b));
        Infix(Op.GreaterEqual, ">=", 3, "Vector.GreaterThanOrEqual<{T}>({0}, {1})", (a, b) => Truth(a >= b));
        Infix(Op.Equal, "==", 3, "Vector.Equals<{T}>({0}, {1})", (a, b) => Truth(a == b));
        Infix(Op.NotEqual, "!=", 3, "~Vector.Equals<{T}>({0}, {1})", (a, b) => Truth(a != b));
        Infix(Op.And, "&&", 2, "{0} & {1}", (a, b) => Truth(a != 0 && b != 0));
        Infix(Op.Or, "||", 1, "{0} | {1}", (a, b) => Truth(a != 0 || b != 0));

        foreach (Op op in (Op[])Enum.GetValues(typeof(Op)))
        {
            if (!table.ContainsKey(op))
            {
                throw new InvalidOperationException("OpTable has no entry for " + op);
            }
        }
        return table;
    }
}
