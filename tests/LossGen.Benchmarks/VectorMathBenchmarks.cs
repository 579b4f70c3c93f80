using System.Numerics;
using BenchmarkDotNet.Attributes;
using LossGen.Numerics;

namespace LossGen.Benchmarks;

/// <summary>
/// Cost of the vector functions relative to the BCL's Vector.Exp (the baseline): 4,096 elements
/// (L1-resident), each function applied a vector at a time and summed so that nothing is optimized
/// away. Arguments in [−4, 4] (x ≤ 0 for the non-positive entry points, [0, 1] for Log1pUnit, (0, 8]
/// for log), the range of logits and residuals in practice; all take the fast paths.
/// </summary>
public class VectorMathBenchmarks
{
    private const int N = 4096;
    private readonly float[] _x = new float[N], _positive = new float[N], _nonPositive = new float[N], _unit = new float[N];
    private readonly double[] _xd = new double[N], _positiveD = new double[N];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        for (int i = 0; i < N; i++)
        {
            double u = random.NextDouble();
            _x[i] = (float)(u * 8 - 4);
            _positive[i] = (float)((1 - u) * 8);
            _nonPositive[i] = (float)(-u * 4);
            _unit[i] = (float)u;
            _xd[i] = u * 8 - 4;
            _positiveD[i] = (1 - u) * 8;
        }
    }

    /// <summary>A function on Vector&lt;float&gt;, as a struct so that <see cref="Sum{TF}"/> is specialized and the call inlined.</summary>
    private interface IFunction
    {
        Vector<float> Apply(Vector<float> x);
    }

    private static float Sum<TF>(float[] data)
        where TF : struct, IFunction
    {
        TF f = default;
        Vector<float> acc = Vector<float>.Zero;
        for (int i = 0; i < data.Length; i += Vector<float>.Count)
        {
            acc += f.Apply(new Vector<float>(data, i));
        }
        return Vector.Sum(acc);
    }

    private struct BclExpF : IFunction { public Vector<float> Apply(Vector<float> x) => Vector.Exp(x); }
    private struct ExpF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Exp(x); }
    private struct ExpNonPositiveF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.ExpNonPositive(x); }
    private struct BclLogF : IFunction { public Vector<float> Apply(Vector<float> x) => Vector.Log(x); }
    private struct LogF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Log(x); }
    private struct Log1pF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Log1p(x); }
    private struct Log1pUnitF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Log1pUnit(x); }
    private struct SigmoidF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Sigmoid(x); }
    private struct SigmoidNonPositiveF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.SigmoidNonPositive(x); }
    private struct SoftplusF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Softplus(x); }
    private struct BclSoftplusF : IFunction { public Vector<float> Apply(Vector<float> x) => Vector.Max(x, Vector<float>.Zero) + Vector.Log(Vector<float>.One + Vector.Exp(-Vector.Abs(x))); }
    private struct TanhF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Tanh(x); }
    private struct PowF : IFunction { public Vector<float> Apply(Vector<float> x) => VectorMath.Pow(x, new Vector<float>(1.5f)); }

    [Benchmark(Baseline = true)] public float BclExp() => Sum<BclExpF>(_x);
    [Benchmark] public float Exp() => Sum<ExpF>(_x);
    [Benchmark] public float ExpNonPositive() => Sum<ExpNonPositiveF>(_nonPositive);
    [Benchmark] public float BclLog() => Sum<BclLogF>(_positive);
    [Benchmark] public float Log() => Sum<LogF>(_positive);
    [Benchmark] public float Log1p() => Sum<Log1pF>(_positive);
    [Benchmark] public float Log1pUnit() => Sum<Log1pUnitF>(_unit);
    [Benchmark] public float Sigmoid() => Sum<SigmoidF>(_x);
    [Benchmark] public float SigmoidNonPositive() => Sum<SigmoidNonPositiveF>(_nonPositive);
    [Benchmark] public float Softplus() => Sum<SoftplusF>(_x);
    [Benchmark] public float BclSoftplus() => Sum<BclSoftplusF>(_x);
    [Benchmark] public float Tanh() => Sum<TanhF>(_x);
    [Benchmark] public float Pow() => Sum<PowF>(_positive);

    [Benchmark]
    public double DoubleTanh()
    {
        Vector<double> acc = Vector<double>.Zero;
        for (int i = 0; i < N; i += Vector<double>.Count)
        {
            acc += VectorMath.Tanh(new Vector<double>(_xd, i));
        }
        return Vector.Sum(acc);
    }

    [Benchmark]
    public double DoubleTanhScalar()
    {
        double acc = 0;
        foreach (double v in _xd)
        {
            acc += Math.Tanh(v);
        }
        return acc;
    }

    [Benchmark]
    public double DoublePow()
    {
        Vector<double> acc = Vector<double>.Zero;
        for (int i = 0; i < N; i += Vector<double>.Count)
        {
            acc += VectorMath.Pow(new Vector<double>(_positiveD, i), new Vector<double>(1.5));
        }
        return Vector.Sum(acc);
    }

    [Benchmark]
    public double DoublePowScalar()
    {
        double acc = 0;
        foreach (double v in _positiveD)
        {
            acc += Math.Pow(v, 1.5);
        }
        return acc;
    }
}
