using System;
using System.Collections.Generic;

namespace LossGen.Generator.Symbolic;

/// <summary>
/// Proves that a node is exactly zero wherever another node x is ±0, in the arithmetic of the generated kernels
/// (float or double), by evaluating the node with x = +0 and with x = −0. Lowering uses it to turn f · sign(x) into a flip of f's sign
/// bit by x's (<see cref="Op.MulSign"/>), which agrees with the product everywhere except at x = ±0, where the
/// product is 0 and the flip gives ±f(0), so the two agree there only when f(0) = 0 exactly.
/// <para>
/// The evaluation runs at x = +0 and at x = −0 and accepts only steps the kernels compute exactly: every intermediate
/// value must be a finite float (so rounding in float or double kernels cannot move it, and no 1/x turns the sign of a
/// zero into ±∞); +, −, ·, ÷, fused multiply-adds and √ are correctly rounded, so a representable result is exact; the
/// transcendental functions only at their exact points (exp(0) = 1, log(1) = 0, log1p(0) = 0, tanh(0) = 0); the
/// refined quotient a/(1 + b) only when 1 + b is a power of two. Any other input, scalar, function or value makes the
/// proof fail (the product stays). A product with a proven zero factor is zero when the other factor is finite by its
/// range (exact arithmetic: where a float kernel overflows such a factor to ∞, f is NaN at x = 0, and so are both the
/// product and the flip, since every step accepted here keeps NaN).
/// </para>
/// </summary>
internal static class VanishingProof
{
    /// <summary>Whether <paramref name="f"/> is exactly 0 in the kernels wherever <paramref name="x"/> is ±0.</summary>
    public static bool VanishesWhereZero(ExprGraph graph, Ranges ranges, int f, int x) =>
        Value(graph, ranges, f, x, 0.0, new Dictionary<int, double?>()) == 0 && Value(graph, ranges, f, x, -0.0, new Dictionary<int, double?>()) == 0;

    private static double? Value(ExprGraph g, Ranges ranges, int id, int x, double zero, Dictionary<int, double?> values)
    {
        if (id == x)
        {
            return zero;
        }
        if (values.TryGetValue(id, out double? known))
        {
            return known;
        }
        double? value = Compute(g, ranges, id, x, zero, values);
        // Only finite floats: a value that float kernels would round is not known exactly, and ±∞ (1/±0) may differ
        // between the two zeros after a sign, min or max.
        value = value is double v && !double.IsNaN(v) && !double.IsInfinity(v) && (double)(float)v == v ? v : null;
        values[id] = value;
        return value;
    }

    private static double? Compute(ExprGraph g, Ranges ranges, int id, int x, double zero, Dictionary<int, double?> values)
    {
        Node n = g[id];
        if (n.Op == Op.Const)
        {
            return n.Value;
        }
        if (OpFacts.IsLeaf(n.Op) || OpFacts.IsRowReduction(n.Op) || n.Op == Op.Select)
        {
            // Inputs, scalars, rows: unknown. (A select could be followed, but no loss so far needs it.)
            return null;
        }
        double? a = Value(g, ranges, n.A, x, zero, values);
        double? b = n.Arity > 1 ? Value(g, ranges, n.B, x, zero, values) : 0;
        if (n.Op == Op.Mul && (a == 0 && IsFinite(ranges[n.B]) || b == 0 && IsFinite(ranges[n.A])))
        {
            return 0;
        }
        double? c = n.Arity > 2 ? Value(g, ranges, n.C, x, zero, values) : 0;
        if (a is not double va || b is not double vb || c is not double vc)
        {
            return null;
        }
        return n.Op switch
        {
            Op.Neg or Op.Add or Op.Sub or Op.Mul or Op.Div or Op.Sqrt or Op.Abs or Op.Sign or Op.Min or Op.Max
                or Op.MultiplyAdd or Op.MultiplySubtract or Op.NegatedMultiplyAdd or Op.DivOnePlusRounded or Op.MulSign or Op.PositivePart
                => OpTable.Of(n.Op).Evaluate!(va, vb, vc),
            Op.DivOnePlus or Op.DivOnePlusBy => IsPowerOfTwo(1 + vb) ? va / (1 + vb) : null,
            Op.ReciprocalOnePlus => IsPowerOfTwo(1 + va) ? 1 / (1 + va) : null,
            Op.Exp or Op.ExpNonPositive => va == 0 ? 1 : null,
            Op.Log => va == 1 ? 0 : null,
            Op.Log1p or Op.Log1pUnit or Op.Tanh => va == 0 ? 0 : null,
            _ => null,
        };
    }

    private static bool IsFinite(Interval range) => !range.MayBeNaN && !double.IsInfinity(range.Lo) && !double.IsInfinity(range.Hi);

    private static bool IsPowerOfTwo(double v) => v > 0 && (BitConverter.DoubleToInt64Bits(v) & 0x000FFFFFFFFFFFFFL) == 0 && !double.IsInfinity(v);
}
