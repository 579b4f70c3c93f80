using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>
/// Single-precision exp and log in float arithmetic with FMA. Each has a fast path, taken when every
/// lane is an ordinary argument (one compare and one branch per vector), and a complete path for
/// vectors that hold special values, subnormals, overflow or underflow.
/// </summary>
public static partial class VectorMath
{
    /// <summary>Largest |x| for which 2^round(x/ln2) is a normal float and e^x neither overflows nor underflows.</summary>
    private const float ExpFastLimit = 87f;

    /// <summary>e^x for each lane: ≤ 1 ulp; +∞ above 88.72, 0 below −103.97 (with subnormals between), NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Exp(Vector<float> x)
    {
        // NaN fails the comparison and takes the complete path.
        if (Vector.LessThanOrEqualAll(Vector.Abs(x), new Vector<float>(ExpFastLimit)))
        {
            Vector<float> y = ExpReduced(x, out Vector<int> shiftedBits);
            return ScaleNormal(y, shiftedBits);
        }
        return ExpComplete(x);
    }

    /// <summary>
    /// e^x for x ≤ 0 (for the generator, when it has proved the argument non-positive): ≤ 1 ulp,
    /// subnormal results below −87.34, 0 below −103.97 and at −∞, NaN for NaN. Skips the overflow
    /// check of <see cref="Exp(Vector{float})"/>; for x &gt; 0 the result is unspecified.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> ExpNonPositive(Vector<float> x)
    {
        if (Vector.GreaterThanOrEqualAll(x, new Vector<float>(-ExpFastLimit)))
        {
            Vector<float> y = ExpReduced(x, out Vector<int> shiftedBits);
            return ScaleNormal(y, shiftedBits);
        }
        return ExpComplete(x);
    }

    /// <summary>
    /// e^x for any lane: clamped reduction, scaling in two exact steps (subnormal results round once more).
    /// Inlined like the fast path: a call inside a kernel's loop would make the JIT spill every vector live
    /// across it on every iteration, although the branch is almost never taken.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> ExpComplete(Vector<float> x)
    {
        // Clamping keeps the scale exponents in range; Vector.Min/Max propagate NaN, and a NaN argument makes y NaN.
        Vector<float> t = Vector.Min(Vector.Max(x, new Vector<float>(-104f)), new Vector<float>(89f));
        Vector<float> y = ExpReduced(t, out Vector<int> shiftedBits);
        Vector<int> k = shiftedBits - new Vector<int>(0x4B400000);
        Vector<int> k1 = Vector.ShiftRightArithmetic(k, 1);
        return y * PowerOfTwo(k1) * PowerOfTwo(k - k1);
    }

    /// <summary>
    /// y·2^k for y in [0.7, 1.5) and a normal result, by adding k to y's exponent field: k sits in the low bits of
    /// the shifter's sum, and shifting those bits left by 23 drops the shifter's own bits (a shift and an add,
    /// where building 2^k and multiplying takes four instructions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> ScaleNormal(Vector<float> y, Vector<int> shiftedBits) =>
        (y.As<float, int>() + Vector.ShiftLeft(shiftedBits, 23)).As<int, float>();

    /// <summary>2^k for k in [−126, 127], built from its bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> PowerOfTwo(Vector<int> k) =>
        Vector.ShiftLeft(k + new Vector<int>(127), 23).As<int, float>();

    /// <summary>1.5·2^23: adding it to |v| &lt; 2^22 rounds v to an integer, which then sits in the low bits of the sum.</summary>
    private const float RoundingShifter = 12582912f;

    /// <summary>
    /// e^x = 2^k · y: k = round(x/ln2) by the shifter (x/ln2 + 1.5·2^23 rounds to an integer whose value is
    /// in the low bits: no float-to-int conversion, which .NET makes saturating at a cost of four instructions),
    /// r = x − k·ln2 with ln2 split in two (Cody–Waite, |r| ≤ ln2/2), and
    /// y = e^r = 1 + r + r²·P(r) (Cephes expf's minimax P, degree 5). The rounding error of the sum 1 + r
    /// (Fast2Sum) is carried into the last addition, so y carries essentially one rounding: 0.81 ulp at worst
    /// over every float argument in [−104, 89] (tools/ExhaustiveUlp; 0.79 with P by Horner's rule, 1.01 without the
    /// carry; carrying r's own rounding error as well changed the worst case only to 0.77 and cost two instructions).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> ExpReduced(Vector<float> x, out Vector<int> shiftedBits)
    {
        Vector<float> shifted = Vector.FusedMultiplyAdd(x, new Vector<float>(1.44269504088896341f), new Vector<float>(RoundingShifter));
        shiftedBits = shifted.As<float, int>();
        Vector<float> n = shifted - new Vector<float>(RoundingShifter);
        Vector<float> r = Vector.FusedMultiplyAdd(n, new Vector<float>(2.12194440e-4f), Vector.FusedMultiplyAdd(n, new Vector<float>(-0.693359375f), x));
        // P by Estrin's scheme: three independent pairs, then r² and r⁴ combine them (3 dependent steps where Horner takes
        // 5: the kernels that call exp are bound by this chain's latency, not by the instruction count).
        Vector<float> r2 = r * r;
        Vector<float> p01 = Vector.FusedMultiplyAdd(new Vector<float>(1.6666665459e-1f), r, new Vector<float>(5.0000001201e-1f));
        Vector<float> p23 = Vector.FusedMultiplyAdd(new Vector<float>(8.3334519073e-3f), r, new Vector<float>(4.1665795894e-2f));
        Vector<float> p45 = Vector.FusedMultiplyAdd(new Vector<float>(1.9875691500e-4f), r, new Vector<float>(1.3981999507e-3f));
        Vector<float> p = Vector.FusedMultiplyAdd(Vector.FusedMultiplyAdd(p45, r2, p23), r2, p01);
        Vector<float> head = Vector<float>.One + r;
        Vector<float> headError = (Vector<float>.One - head) + r; // 1 + r = head + headError exactly (|r| < 1)
        return head + Vector.FusedMultiplyAdd(p, r2, headError);
    }

    /// <summary>Natural logarithm of each lane: ≤ 1 ulp; −∞ at ±0, NaN below 0, +∞ at +∞, subnormals handled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log(Vector<float> x)
    {
        if (IsAllPositiveNormal(x))
        {
            return LogNormal(x.As<float, int>(), Vector<float>.Zero, correct: false);
        }
        return LogComplete(x, Vector<float>.Zero, correct: false);
    }

    /// <summary>
    /// log(1 + x) for each lane: ≤ 1 ulp, exact for tiny |x|; −∞ at −1, NaN below −1 and for NaN, +∞ at +∞.
    /// u = 1 + x is rounded and its rounding error lo recovered exactly (Fast2Sum); log(u + lo) is
    /// evaluated with lo folded in before the last rounding (no division).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1p(Vector<float> x)
    {
        Vector<float> u = Vector<float>.One + x;
        Vector<int> small = Vector.LessThanOrEqual(Vector.Abs(x), Vector<float>.One);
        Vector<float> lo = Vector.ConditionalSelect(small.As<int, float>(), (Vector<float>.One - u) + x, (x - u) + Vector<float>.One);
        // u is never subnormal (it is 0 or at least 2^-24), so the fast path needs only u positive and finite.
        if (IsAllPositiveNormal(u))
        {
            return LogNormal(u.As<float, int>(), lo, correct: true);
        }
        Vector<float> result = LogComplete(u, lo, correct: true);
        // log1p(+inf) = +inf (the correction would be NaN there).
        return Vector.ConditionalSelect(Vector.Equals(x, new Vector<float>(float.PositiveInfinity)).As<int, float>(), x, result);
    }

    /// <summary>
    /// log(1 + x) for x in [0, 1] only (for the generator, when it has proved that range, e.g. for
    /// x = e^−|z|): ≤ 1 ulp (0.92 at worst over every float in [0, 1]), division-free; NaN propagates (through the
    /// rounding error of 1 + x, which enters the result), other arguments outside [0, 1] give unspecified results.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1pUnit(Vector<float> x)
    {
        Vector<float> u = Vector<float>.One + x;
        return LogNormal(u.As<float, int>(), (Vector<float>.One - u) + x, correct: true);
    }

    /// <summary>True when every lane is a positive normal finite float (one unsigned compare).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAllPositiveNormal(Vector<float> x) =>
        Vector.LessThanAll((x.As<float, int>() - new Vector<int>(0x00800000)).As<int, uint>(), new Vector<uint>(0x7F000000));

    /// <summary>
    /// log(x + lo) for any x: a subnormal x is scaled by 2^23 and its exponent field lowered by 23 (the
    /// reduction is integer arithmetic, so the out-of-range field is harmless), then the special values:
    /// log(±0) = −∞, NaN below 0 and for NaN, +∞ at +∞. (lo is nonzero only for log1p, whose u is never subnormal.)
    /// Inlined, as <see cref="ExpComplete"/> is, so that a kernel's loop holds no call.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> LogComplete(Vector<float> x, Vector<float> lo, bool correct)
    {
        Vector<int> isSubnormal = Vector.LessThan(x, new Vector<float>(1.17549435e-38f)) & Vector.GreaterThan(x, Vector<float>.Zero);
        Vector<int> bits = Vector.ConditionalSelect(isSubnormal, (x * new Vector<float>(8388608f)).As<float, int>() - new Vector<int>(23 << 23), x.As<float, int>());
        Vector<float> result = LogNormal(bits, lo, correct);
        result = Vector.ConditionalSelect(Vector.Equals(x, Vector<float>.Zero).As<int, float>(), new Vector<float>(float.NegativeInfinity), result);
        result = Vector.ConditionalSelect(Vector.Equals(x, new Vector<float>(float.PositiveInfinity)).As<int, float>(), x, result);
        Vector<int> invalid = Vector.LessThan(x, Vector<float>.Zero) | ~Vector.Equals(x, x);
        return Vector.ConditionalSelect(invalid.As<int, float>(), new Vector<float>(float.NaN), result);
    }

    /// <summary>
    /// log(u + lo) for a positive normal finite u and a correction |lo| ≤ ulp(u)/2. u = 2^k·m with m in
    /// [2/3, 4/3) (the 0x3F2AAAAB offset trick, no compare), f = m − 1 in [−1/3, 1/3), and
    /// log(1 + f) = f − f²/2 + f³·P(f), P of degree 7 fitted for minimal relative error on [−1/3, 1/3]
    /// (weighted Lawson iteration in 40-digit arithmetic, coefficients rounded to float; approximation
    /// error 0.08 · 2^-24 relative). lo/u enters as lo·2^-k·(1 − f + f²) (no division). ln2 is split
    /// in two so that k·C1 is exact. <paramref name="correct"/> is a constant at every call site, so the
    /// correction's code vanishes from <c>Log</c>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<float> LogNormal(Vector<int> bits, Vector<float> lo, bool correct)
    {
        Vector<int> offset = bits - new Vector<int>(0x3F2AAAAB);
        Vector<int> kBits = offset & new Vector<int>(unchecked((int)0xFF800000));
        Vector<float> k = Vector.ConvertToSingle(Vector.ShiftRightArithmetic(offset, 23));
        Vector<float> f = (bits - kBits).As<int, float>() - Vector<float>.One;
        Vector<float> correction = Vector<float>.Zero;
        if (correct)
        {
            // lo/u = lo·2^-k/(1 + f); 2^-k from its bits, k ≤ 126 keeping it normal (beyond, lo is far below an ulp of the result).
            Vector<float> scale = (new Vector<int>(0x3F800000) - Vector.Min(kBits, new Vector<int>(126 << 23))).As<int, float>();
            correction = lo * scale * Vector.FusedMultiplyAdd(f, f - Vector<float>.One, Vector<float>.One);
        }
        Vector<float> z = f * f;
        // P by Estrin's scheme (pairs, then f², then f⁴: 3 dependent steps where Horner takes 7).
        Vector<float> z2 = z * z;
        Vector<float> p01 = Vector.FusedMultiplyAdd(new Vector<float>(-0.24999797344207764f), f, new Vector<float>(0.3333321511745453f));
        Vector<float> p23 = Vector.FusedMultiplyAdd(new Vector<float>(-0.16680486500263214f), f, new Vector<float>(0.20010405778884888f));
        Vector<float> p45 = Vector.FusedMultiplyAdd(new Vector<float>(-0.12184277921915054f), f, new Vector<float>(0.14005862176418304f));
        Vector<float> p67 = Vector.FusedMultiplyAdd(new Vector<float>(-0.12891601026058197f), f, new Vector<float>(0.13984467089176178f));
        Vector<float> p = Vector.FusedMultiplyAdd(Vector.FusedMultiplyAdd(p67, z, p45), z2, Vector.FusedMultiplyAdd(p23, z, p01));
        Vector<float> y = correct ? Vector.FusedMultiplyAdd(f * z, p, correction) : f * z * p;
        y = Vector.FusedMultiplyAdd(k, new Vector<float>(-2.12194440e-4f), y);
        y = Vector.FusedMultiplyAdd(z, new Vector<float>(-0.5f), y);
        return Vector.FusedMultiplyAdd(k, new Vector<float>(0.693359375f), f + y);
    }
}
