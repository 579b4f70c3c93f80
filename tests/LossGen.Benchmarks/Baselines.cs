using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace LossGen.Benchmarks;

/// <summary>The same losses as TensorPrimitives compositions (several passes over buffers) and as plain scalar loops.</summary>
public static partial class Baselines
{
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float MseTensor(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp)
    {
        TensorPrimitives.Subtract(p, y, dp);
        float value = TensorPrimitives.SumOfSquares(dp) / p.Length;
        TensorPrimitives.Multiply(dp, 2f / p.Length, dp);
        return value;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float HuberTensor(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp, Span<float> t1, Span<float> t2)
    {
        TensorPrimitives.Subtract(p, y, dp);                 // d
        TensorPrimitives.Abs(dp, t1);                         // |d|
        TensorPrimitives.Min(t1, delta, t2);                  // q = min(|d|, delta)
        // Huber = q (|d| - q) * delta/q ... written as 0.5 q^2 + delta (|d| - q)
        TensorPrimitives.Subtract(t1, t2, t1);                // |d| - q
        float linear = delta * TensorPrimitives.Sum(t1);
        float quadratic = 0.5f * TensorPrimitives.SumOfSquares(t2);
        TensorPrimitives.Max(dp, -delta, dp);
        TensorPrimitives.Min(dp, delta, dp);                  // clamp(d, -delta, delta)
        TensorPrimitives.Multiply(dp, 1f / p.Length, dp);
        return (linear + quadratic) / p.Length;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float BceTensor(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz, Span<float> t1, Span<float> t2)
    {
        TensorPrimitives.Abs(z, t1);
        TensorPrimitives.Negate(t1, t1);
        TensorPrimitives.Exp(t1, t1);                          // e = exp(-|z|)
        TensorPrimitives.Add(t1, 1f, t2);                      // 1 + e
        TensorPrimitives.Log(t2, t2);                          // log(1 + e)
        float value = TensorPrimitives.Sum(t2);
        TensorPrimitives.Max(z, 0f, t2);
        value += TensorPrimitives.Sum(t2);
        value -= TensorPrimitives.Dot(z, y);
        TensorPrimitives.Sigmoid(z, dz);
        TensorPrimitives.Subtract(dz, y, dz);
        TensorPrimitives.Multiply(dz, 1f / z.Length, dz);
        return value / z.Length;
    }

    public static float MseScalar(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp)
    {
        float sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            float d = p[i] - y[i];
            sum += d * d;
            dp[i] = 2 * d / p.Length;
        }
        return sum / p.Length;
    }

    public static float HuberScalar(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp)
    {
        float sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            float d = p[i] - y[i], a = MathF.Abs(d);
            sum += a <= delta ? 0.5f * d * d : delta * (a - 0.5f * delta);
            dp[i] = Math.Clamp(d, -delta, delta) / p.Length;
        }
        return sum / p.Length;
    }

    public static float BceScalar(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz)
    {
        float sum = 0;
        for (int i = 0; i < z.Length; i++)
        {
            float e = MathF.Exp(-MathF.Abs(z[i]));
            sum += MathF.Max(z[i], 0) - z[i] * y[i] + MathF.Log(1 + e);
            float s = z[i] >= 0 ? 1 / (1 + e) : e / (1 + e);
            dz[i] = (s - y[i]) / z.Length;
        }
        return sum / z.Length;
    }
}
