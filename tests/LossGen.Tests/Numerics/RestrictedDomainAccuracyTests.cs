using System.Numerics;
using LossGen.Numerics;
using Xunit.Abstractions;

namespace LossGen.Tests.Numerics;

/// <summary>
/// Accuracy of the entry points the generator calls when it has proved the argument's range:
/// Log1pUnit on [0, 1], ExpNonPositive and SigmoidNonPositive on x ≤ 0. 10^6 points each over the
/// domain only (half uniform over the bit patterns of the domain, half dense), plus its edges; float
/// against a double reference, double against Math (or a reference built from it). Bounds are the
/// documented promises.
/// </summary>
public class RestrictedDomainAccuracyTests(ITestOutputHelper output)
{
    private const int Points = 1_000_000;

    private static float[] UnitFloats()
    {
        var random = new Random(VectorMathAccuracyTests.StableSeed("log1pUnit"));
        var points = new List<float> { 0f, 1f, float.Epsilon, 1.17549435e-38f, MathF.Pow(2, -24), MathF.Pow(2, -25), 1f / 3, 0.5f, MathF.BitDecrement(1f), MathF.BitIncrement(0.5f) };
        for (int i = 0; i < Points / 2; i++)
        {
            points.Add(BitConverter.Int32BitsToSingle(random.Next(0x3F800001))); // every bit pattern in [0, 1]
            points.Add((float)random.NextDouble());
        }
        return points.ToArray();
    }

    private static double[] UnitDoubles()
    {
        var random = new Random(VectorMathAccuracyTests.StableSeed("log1pUnitD"));
        var points = new List<double> { 0, 1, double.Epsilon, 2.2250738585072014e-308, Math.Pow(2, -53), Math.Pow(2, -54), 1.0 / 3, 0.5, Math.BitDecrement(1), Math.BitIncrement(0.5) };
        for (int i = 0; i < Points / 2; i++)
        {
            points.Add(BitConverter.Int64BitsToDouble(random.NextInt64(0x3FF0000000000001)));
            points.Add(random.NextDouble());
        }
        return points.ToArray();
    }

    private static float[] NonPositiveFloats(string name, float denseLow)
    {
        var random = new Random(VectorMathAccuracyTests.StableSeed(name));
        var points = new List<float>
        {
            0f, -0f, float.NegativeInfinity, float.NaN, -float.Epsilon, -1e-30f, -1e-8f, -1f, -87f, -87.0001f, -87.33654f, -87.34f,
            -88f, -103.27893f, -103.97207f, -103.97208f, -104f, -200f, float.MinValue,
        };
        for (int i = 0; i < Points / 2; i++)
        {
            points.Add(BitConverter.Int32BitsToSingle(random.Next() | int.MinValue)); // every negative bit pattern, -inf and NaNs included
            points.Add(denseLow * (float)random.NextDouble());
        }
        return points.ToArray();
    }

    private static double[] NonPositiveDoubles(string name, double denseLow)
    {
        var random = new Random(VectorMathAccuracyTests.StableSeed(name));
        var points = new List<double>
        {
            0d, -0d, double.NegativeInfinity, double.NaN, -double.Epsilon, -1e-300, -1e-16, -1, -708, -708.0001, -708.39641853226408, -709,
            -744.44007192138122, -745.13321910194110, -745.2, -746, -800, double.MinValue,
        };
        for (int i = 0; i < Points / 2; i++)
        {
            points.Add(BitConverter.Int64BitsToDouble(random.NextInt64() | long.MinValue));
            points.Add(denseLow * random.NextDouble());
        }
        return points.ToArray();
    }

    private double Float(string name, float[] xs, Func<Vector<float>, Vector<float>> function, Func<double, double> reference) =>
        VectorMathAccuracyTests.MaxUlp(output, "float ", name, xs, function, (result, x) => Ulp.OfFloat(result, reference(x)));

    private double Double(string name, double[] xs, Func<Vector<double>, Vector<double>> function, Func<double, double> reference) =>
        VectorMathAccuracyTests.MaxUlp(output, "double", name, xs, function, (result, x) => Ulp.OfDouble(result, reference(x)));

    private static double SigmoidNonPositiveReference(double x)
    {
        double e = Math.Exp(x);
        return e / (1 + e);
    }

    [Fact] public void FloatLog1pUnit() => Assert.InRange(Float("log1pUnit", UnitFloats(), VectorMath.Log1pUnit, Reference.Log1p), 0, 1);
    [Fact] public void DoubleLog1pUnit() => Assert.InRange(Double("log1pUnit", UnitDoubles(), VectorMath.Log1pUnit, Reference.Log1p), 0, 4);
    [Fact] public void FloatExpNonPositive() => Assert.InRange(Float("expNonPos", NonPositiveFloats("expNonPositive", -104), VectorMath.ExpNonPositive, Math.Exp), 0, 1);
    [Fact] public void DoubleExpNonPositive() => Assert.InRange(Double("expNonPos", NonPositiveDoubles("expNonPositiveD", -746), VectorMath.ExpNonPositive, Math.Exp), 0, 1);
    [Fact] public void FloatSigmoidNonPositive() => Assert.InRange(Float("sigNonPos", NonPositiveFloats("sigmoidNonPositive", -110), VectorMath.SigmoidNonPositive, SigmoidNonPositiveReference), 0, 2);
    [Fact] public void DoubleSigmoidNonPositive() => Assert.InRange(Double("sigNonPos", NonPositiveDoubles("sigmoidNonPositiveD", -750), VectorMath.SigmoidNonPositive, SigmoidNonPositiveReference), 0, 4);

    [Fact]
    public void NonPositiveEntryPointsKeepTheirSpecialValues()
    {
        var x = new Vector<float>(float.NegativeInfinity).WithElement(1, float.NaN).WithElement(2, -0f).WithElement(3, -200f);
        Vector<float> e = VectorMath.ExpNonPositive(x);
        Vector<float> s = VectorMath.SigmoidNonPositive(x);
        Assert.Equal(0f, e[0]);
        Assert.True(float.IsNaN(e[1]));
        Assert.Equal(1f, e[2]);
        Assert.Equal(0f, e[3]);
        Assert.Equal(0f, s[0]);
        Assert.True(float.IsNaN(s[1]));
        Assert.Equal(0.5f, s[2]);
        Assert.Equal(0f, s[3]);
    }

    [Fact]
    public void Log1pUnitPropagatesNaN()
    {
        // The generator calls Log1pUnit for arguments that are in [0, 1] or NaN (e.g. e^−|z| of a NaN z).
        Vector<float> f = VectorMath.Log1pUnit(new Vector<float>(0.5f).WithElement(1, float.NaN).WithElement(2, -float.NaN));
        Vector<double> d = VectorMath.Log1pUnit(new Vector<double>(0.5).WithElement(1, double.NaN));
        Assert.True(float.IsNaN(f[1]) && float.IsNaN(f[2]) && double.IsNaN(d[1]));
        Assert.Equal(MathF.Log(1.5f), f[0], 6);
        Assert.Equal(Math.Log(1.5), d[0], 15);
    }
}
