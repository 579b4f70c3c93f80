using System;
using System.Collections.Generic;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// The values a node can take: an interval [<see cref="Lo"/>, <see cref="Hi"/>] of the extended reals
/// (±∞ included), and whether the node can be NaN although its inputs are not. Truth values are
/// [0, 0] (always false), [1, 1] (always true) or [0, 1].
/// </summary>
internal readonly record struct Interval(double Lo, double Hi, bool MayBeNaN)
{
    /// <summary>An input or scalar: any finite value.</summary>
    public static readonly Interval Finite = new(-double.MaxValue, double.MaxValue, false);

    public static readonly Interval AnyTruth = new(0, 1, false);

    public bool IsNonPositive => Hi <= 0;

    public bool IsNonNegative => Lo >= 0;

    /// <summary>Within [<paramref name="lo"/>, <paramref name="hi"/>] (and never NaN).</summary>
    public bool Within(double lo, double hi) => !MayBeNaN && Lo >= lo && Hi <= hi;

    /// <summary>Within [<paramref name="lo"/>, <paramref name="hi"/>] whenever it is a number (it may be NaN).</summary>
    public bool NumbersWithin(double lo, double hi) => Lo >= lo && Hi <= hi;

    public bool IsTrue => Lo == 1 && Hi == 1;

    public bool IsFalse => Lo == 0 && Hi == 0;
}

/// <summary>
/// Range and sign analysis of an <see cref="ExprGraph"/>: an <see cref="Interval"/> per node, computed
/// in id order (a topological order), so it needs no recursion and extends itself as the graph grows.
/// Inputs and scalars are taken to be finite; every operation on them is tracked, overflow to ±∞ and
/// NaN made from finite values (∞ − ∞, 0 · ∞, log of a negative) included, and nothing is decided about
/// a value that may be NaN. So for finite inputs every decision holds exactly; for a NaN or infinite
/// input, whose loss is NaN or infinite anyway, a select pruned by a decision may return the other
/// branch's NaN (docs/architecture.md, "Lowering and range analysis").
/// </summary>
internal sealed class Ranges
{
    private readonly ExprGraph _graph;
    private readonly List<Interval> _ranges = new();

    public Ranges(ExprGraph graph) => _graph = graph;

    /// <summary>The interval of node <paramref name="id"/>.</summary>
    public Interval this[int id]
    {
        get
        {
            while (_ranges.Count <= id)
            {
                _ranges.Add(Compute(_graph[_ranges.Count]));
            }
            return _ranges[id];
        }
    }

    private Interval Compute(Node n)
    {
        Interval A() => _ranges[n.A];
        Interval B() => _ranges[n.B];
        Interval C() => _ranges[n.C];
        return n.Op switch
        {
            Op.Const => double.IsNaN(n.Value) ? new Interval(double.NegativeInfinity, double.PositiveInfinity, true) : new Interval(n.Value, n.Value, false),
            Op.Input or Op.Scalar or Op.RowInput => Interval.Finite,
            Op.Component => new Interval(0, int.MaxValue, false),
            Op.RowLength => new Interval(1, int.MaxValue, false),
            Op.RowMax or Op.RowMin or Op.Gather => A(),
            Op.RowSum => new Interval(A().Lo >= 0 ? 0 : double.NegativeInfinity, A().Hi <= 0 ? 0 : double.PositiveInfinity, A().MayBeNaN || A().Lo < 0 && A().Hi > 0),
            Op.True => new Interval(1, 1, false),
            Op.False => new Interval(0, 0, false),
            Op.Neg => new Interval(-A().Hi, -A().Lo, A().MayBeNaN),
            Op.Add => Sum(A(), B()),
            Op.Sub => Sum(A(), new Interval(-B().Hi, -B().Lo, B().MayBeNaN)),
            Op.Mul => Product(A(), B()),
            Op.Div => Quotient(A(), B()),
            Op.DivOnePlus or Op.DivOnePlusBy => Quotient(A(), Sum(new Interval(1, 1, false), B())),
            Op.PositivePart => new Interval(Math.Max(A().Lo, 0), Math.Max(A().Hi, 0), A().MayBeNaN),
            Op.ReciprocalOnePlus => Quotient(new Interval(1, 1, false), Sum(new Interval(1, 1, false), A())),
            Op.Exp or Op.ExpNonPositive => Monotone(A(), Math.Exp, false),
            Op.Log => A().Lo >= 0 ? Monotone(A(), Math.Log, false) : new Interval(double.NegativeInfinity, A().Hi >= 0 ? Math.Log(A().Hi) : double.NegativeInfinity, true),
            Op.Log1p or Op.Log1pUnit => A().Lo >= -1 ? Monotone(A(), ScalarMath.Log1p, false) : new Interval(double.NegativeInfinity, A().Hi >= -1 ? ScalarMath.Log1p(A().Hi) : double.NegativeInfinity, true),
            Op.Sqrt => A().Lo >= 0 ? Monotone(A(), Math.Sqrt, false) : new Interval(0, A().Hi >= 0 ? Math.Sqrt(A().Hi) : 0, true),
            Op.Tanh => Monotone(A(), Math.Tanh, false),
            Op.Sigmoid => Monotone(A(), ScalarMath.Sigmoid, false),
            Op.Softplus => Monotone(A(), ScalarMath.Softplus, false),
            Op.Abs => Abs(A()),
            Op.MulSign => new Interval(Math.Min(A().Lo, -A().Hi), Math.Max(A().Hi, -A().Lo), A().MayBeNaN || B().MayBeNaN),
            Op.Sign => new Interval(A().Lo > 0 ? 1 : A().Lo == 0 ? 0 : -1, A().Hi < 0 ? -1 : A().Hi == 0 ? 0 : 1, A().MayBeNaN),
            Op.Min => new Interval(Math.Min(A().Lo, B().Lo), Math.Min(A().Hi, B().Hi), A().MayBeNaN || B().MayBeNaN),
            Op.Max => new Interval(Math.Max(A().Lo, B().Lo), Math.Max(A().Hi, B().Hi), A().MayBeNaN || B().MayBeNaN),
            Op.Select => A().IsTrue ? B() : A().IsFalse ? C() : new Interval(Math.Min(B().Lo, C().Lo), Math.Max(B().Hi, C().Hi), B().MayBeNaN || C().MayBeNaN),
            Op.Less or Op.LessEqual or Op.Greater or Op.GreaterEqual or Op.Equal or Op.NotEqual => Compare(n.Op, A(), B()),
            Op.And => A().IsFalse || B().IsFalse ? new Interval(0, 0, false) : A().IsTrue && B().IsTrue ? new Interval(1, 1, false) : Interval.AnyTruth,
            Op.Or => A().IsTrue || B().IsTrue ? new Interval(1, 1, false) : A().IsFalse && B().IsFalse ? new Interval(0, 0, false) : Interval.AnyTruth,
            Op.Not => A().IsTrue ? new Interval(0, 0, false) : A().IsFalse ? new Interval(1, 1, false) : Interval.AnyTruth,
            _ => new Interval(double.NegativeInfinity, double.PositiveInfinity, true), // Pow and anything new: no claim
        };
    }

    private static Interval Monotone(Interval a, Func<double, double> f, bool mayBeNaN) => new(f(a.Lo), f(a.Hi), a.MayBeNaN || mayBeNaN);

    private static Interval Abs(Interval a) =>
        a.Lo >= 0 ? a
        : a.Hi <= 0 ? new Interval(-a.Hi, -a.Lo, a.MayBeNaN)
        : new Interval(0, Math.Max(-a.Lo, a.Hi), a.MayBeNaN);

    private static Interval Sum(Interval a, Interval b)
    {
        // ∞ − ∞ is NaN: possible when the two can be infinite with opposite signs.
        bool nan = a.MayBeNaN || b.MayBeNaN
            || double.IsPositiveInfinity(a.Hi) && double.IsNegativeInfinity(b.Lo)
            || double.IsNegativeInfinity(a.Lo) && double.IsPositiveInfinity(b.Hi);
        double lo = a.Lo + b.Lo;
        double hi = a.Hi + b.Hi;
        return new Interval(double.IsNaN(lo) ? double.NegativeInfinity : lo, double.IsNaN(hi) ? double.PositiveInfinity : hi, nan);
    }

    private static Interval Product(Interval a, Interval b)
    {
        // 0 · ∞ is NaN.
        bool nan = a.MayBeNaN || b.MayBeNaN || Contains(a, 0) && IsUnbounded(b) || Contains(b, 0) && IsUnbounded(a);
        return Hull(nan, a.Lo * b.Lo, a.Lo * b.Hi, a.Hi * b.Lo, a.Hi * b.Hi);
    }

    private static Interval Quotient(Interval a, Interval b)
    {
        if (Contains(b, 0))
        {
            return new Interval(double.NegativeInfinity, double.PositiveInfinity, true);
        }
        bool nan = a.MayBeNaN || b.MayBeNaN || IsUnbounded(a) && IsUnbounded(b);
        return Hull(nan, a.Lo / b.Lo, a.Lo / b.Hi, a.Hi / b.Lo, a.Hi / b.Hi);
    }

    private static Interval Hull(bool nan, params double[] corners)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (double c in corners)
        {
            if (double.IsNaN(c))
            {
                return new Interval(double.NegativeInfinity, double.PositiveInfinity, true);
            }
            lo = Math.Min(lo, c);
            hi = Math.Max(hi, c);
        }
        return new Interval(lo, hi, nan);
    }

    private static bool Contains(Interval a, double v) => a.Lo <= v && v <= a.Hi;

    private static bool IsUnbounded(Interval a) => double.IsInfinity(a.Lo) || double.IsInfinity(a.Hi);

    /// <summary>A comparison decided for every value of the operands (a NaN operand makes every comparison but != false, so none is decided then).</summary>
    private static Interval Compare(Op op, Interval a, Interval b)
    {
        if (a.MayBeNaN || b.MayBeNaN)
        {
            return Interval.AnyTruth;
        }
        bool? decided = op switch
        {
            Op.Less => a.Hi < b.Lo ? true : a.Lo >= b.Hi ? false : null,
            Op.LessEqual => a.Hi <= b.Lo ? true : a.Lo > b.Hi ? false : null,
            Op.Greater => a.Lo > b.Hi ? true : a.Hi <= b.Lo ? false : null,
            Op.GreaterEqual => a.Lo >= b.Hi ? true : a.Hi < b.Lo ? false : null,
            Op.Equal => a.Hi < b.Lo || a.Lo > b.Hi ? false : a.Lo == a.Hi && b.Lo == b.Hi && a.Lo == b.Lo ? true : null,
            _ => a.Hi < b.Lo || a.Lo > b.Hi ? true : a.Lo == a.Hi && b.Lo == b.Hi && a.Lo == b.Lo ? false : null,
        };
        return decided switch
        {
            true => new Interval(1, 1, false),
            false => new Interval(0, 0, false),
            _ => Interval.AnyTruth,
        };
    }
}
