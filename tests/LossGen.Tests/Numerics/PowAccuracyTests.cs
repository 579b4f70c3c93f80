using System.Numerics;
using LossGen.Numerics;
using Xunit.Abstractions;

namespace LossGen.Tests.Numerics;

/// <summary>
/// VectorMath.Pow against Math.Pow (a double reference for float): 10^6 argument pairs — bases over
/// many binades with moderate exponents, bases in (0, 4] with exponents in [−30, 30], negative bases
/// with integer exponents — laid out so that whole vectors take the vectorized path, plus a grid of
/// special values (±0, ±∞, NaN, ±1, subnormals, huge exponents) that must match Math.Pow exactly.
/// </summary>
public class PowAccuracyTests(ITestOutputHelper output)
{
    private static readonly double[] SpecialBases = { 0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1, 2, -2, 0.5, -0.5, 1e-310, 3e-39, 1e300, 10 };
    private static readonly double[] SpecialExponents = { 0, -0.0, double.PositiveInfinity, double.NegativeInfinity, double.NaN, 1, -1, 2, 3, -3, 0.5, -0.5, 1e10, -1e10, 1e20, 2.5 };

    private static (double A, double B)[] Pairs(int seed)
    {
        var random = new Random(seed);
        var pairs = new List<(double, double)>();
        foreach (double a in SpecialBases)
        {
            foreach (double b in SpecialExponents)
            {
                pairs.Add((a, b));
            }
        }
        for (int i = 0; i < 400_000; i++)
        {
            pairs.Add((Math.Pow(2, random.NextDouble() * 120 - 60), random.NextDouble() * 20 - 10));
        }
        for (int i = 0; i < 400_000; i++)
        {
            pairs.Add((4 * (1 - random.NextDouble()), random.NextDouble() * 60 - 30));
        }
        for (int i = 0; i < 200_000; i++)
        {
            pairs.Add((-(0.25 + 3.75 * random.NextDouble()), random.Next(-20, 21)));
        }
        return pairs.ToArray();
    }

    private double MaxUlp<T>(string type, (T A, T B)[] pairs, Func<Vector<T>, Vector<T>, Vector<T>> pow, Func<T, (T A, T B), double> ulpError)
        where T : struct, IFloatingPointIeee754<T>
    {
        int width = Vector<T>.Count;
        var a = new T[width];
        var b = new T[width];
        var lanes = new T[width];
        double worst = 0;
        (T, T) worstAt = default;
        for (int i = 0; i + width <= pairs.Length; i += width)
        {
            for (int j = 0; j < width; j++)
            {
                (a[j], b[j]) = pairs[i + j];
            }
            pow(new Vector<T>(a), new Vector<T>(b)).CopyTo(lanes);
            for (int j = 0; j < width; j++)
            {
                double error = ulpError(lanes[j], pairs[i + j]);
                if (error > worst)
                {
                    worst = error;
                    worstAt = pairs[i + j];
                }
            }
        }
        output.WriteLine($"{type} pow       max error {worst:F3} ulp (at a, b = {worstAt}) over {pairs.Length:N0} pairs");
        return worst;
    }

    [Fact]
    public void FloatPow()
    {
        (float, float)[] pairs = Pairs(VectorMathAccuracyTests.StableSeed("powF")).Select(p => ((float)p.A, (float)p.B)).ToArray();
        double worst = MaxUlp<float>("float ", pairs, VectorMath.Pow, (r, p) => Ulp.OfFloat(r, Math.Pow(p.A, p.B)));
        Assert.InRange(worst, 0, 1);
    }

    [Fact]
    public void DoublePow()
    {
        double worst = MaxUlp<double>("double", Pairs(VectorMathAccuracyTests.StableSeed("powD")), VectorMath.Pow, (r, p) => Ulp.OfDouble(r, Math.Pow(p.A, p.B)));
        Assert.InRange(worst, 0, 4);
    }

    /// <summary>Arguments and results that Math.Pow defines exactly: ±0, ±∞, NaN, a base of ±1, an exponent of 1.</summary>
    private static bool IsSpecial(double a, double b, double result) =>
        a == 0 || b == 0 || result == 0 || !double.IsFinite(a) || !double.IsFinite(b) || !double.IsFinite(result) || Math.Abs(a) == 1 || b == 1;

    [Fact]
    public void SpecialValuesMatchMathPowBitForBit()
    {
        foreach (double a in SpecialBases)
        {
            foreach (double b in SpecialExponents)
            {
                // Alone in an otherwise ordinary vector, so that vectorized lanes are checked too.
                Vector<double> result = VectorMath.Pow(new Vector<double>(2).WithElement(0, a), new Vector<double>(1.5).WithElement(0, b));
                Vector<float> single = VectorMath.Pow(new Vector<float>(2).WithElement(0, (float)a), new Vector<float>(1.5f).WithElement(0, (float)b));
                double expected = Math.Pow(a, b);
                float expectedSingle = MathF.Pow((float)a, (float)b);
                if (IsSpecial(a, b, expected))
                {
                    Assert.Equal(expected, result[0]);
                }
                else
                {
                    Assert.InRange(Ulp.OfDouble(result[0], expected), 0, 4);
                }
                if (IsSpecial((float)a, (float)b, expectedSingle))
                {
                    Assert.Equal(expectedSingle, single[0]);
                }
                else
                {
                    Assert.InRange(Ulp.OfFloat(single[0], Math.Pow((float)a, (float)b)), 0, 1);
                }
            }
        }
    }
}
