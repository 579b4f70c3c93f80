using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace LossGen.Benchmarks;

/// <summary>Log-cosh, Poisson NLL and focal loss as TensorPrimitives compositions (several passes) and as plain scalar loops.</summary>
public static partial class Baselines
{
    public static float LogCoshElement(float p, float y, out float g)
    {
        float d = p - y, a = MathF.Abs(d);
        g = MathF.Tanh(d);
        return a + MathF.Log(1 + MathF.Exp(-2 * a)) - 0.6931472f;
    }

    public static float PoissonElement(float z, float y, out float g)
    {
        float e = MathF.Exp(z);
        g = e - y;
        return e - y * z;
    }

    /// <summary>Binary focal loss on a logit, γ = 2, α = 0.25, y in {0, 1}, and its derivative.</summary>
    public static float FocalElement(float z, float y, out float g)
    {
        float sign = 2 * y - 1, zt = sign * z;
        float e = MathF.Exp(-MathF.Abs(zt));
        float pt = zt >= 0 ? 1 / (1 + e) : e / (1 + e);
        float q = zt >= 0 ? e / (1 + e) : 1 / (1 + e);
        float l = MathF.Max(-zt, 0) + MathF.Log(1 + e);
        float weight = (0.75f - 0.5f * y) * q * q;
        g = -sign * weight * (2 * pt * l + q);
        return weight * l;
    }

    private delegate float Element(float p, float y, out float g);

    private static float ScalarMean(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Element element)
    {
        float sum = 0;
        for (int i = 0; i < p.Length; i++)
        {
            sum += element(p[i], y[i], out float g);
            dp[i] = g / p.Length;
        }
        return sum / p.Length;
    }

    public static float LogCoshScalar(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp) => ScalarMean(p, y, dp, LogCoshElement);

    public static float PoissonScalar(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz) => ScalarMean(z, y, dz, PoissonElement);

    public static float FocalScalar(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz) => ScalarMean(z, y, dz, FocalElement);

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float LogCoshTensor(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp, Span<float> t1)
    {
        TensorPrimitives.Subtract(p, y, dp);              // d
        TensorPrimitives.Cosh(dp, t1);
        TensorPrimitives.Log(t1, t1);                      // log cosh d (as a user would compose it; fine for |d| < 89)
        float value = TensorPrimitives.Sum(t1);
        TensorPrimitives.Tanh(dp, dp);
        TensorPrimitives.Multiply(dp, 1f / p.Length, dp);
        return value / p.Length;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float PoissonTensor(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz)
    {
        TensorPrimitives.Exp(z, dz);                       // e^z
        float value = TensorPrimitives.Sum(dz) - TensorPrimitives.Dot(z, y);
        TensorPrimitives.Subtract(dz, y, dz);
        TensorPrimitives.Multiply(dz, 1f / z.Length, dz);
        return value / z.Length;
    }

    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static float FocalTensor(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz, Span<float> t1, Span<float> t2, Span<float> t3)
    {
        int n = z.Length;
        TensorPrimitives.Multiply(y, 2f, t3);
        TensorPrimitives.Add(t3, -1f, t3);                 // sign = 2y − 1
        TensorPrimitives.Multiply(t3, z, t1);              // z_t
        TensorPrimitives.Sigmoid(t1, t2);                  // p_t
        TensorPrimitives.Negate(t1, t1);
        TensorPrimitives.Sigmoid(t1, dz);                  // q = 1 − p_t = σ(−z_t)
        TensorPrimitives.Log(t2, t1);
        TensorPrimitives.Negate(t1, t1);                   // L = −log p_t
        // weight = α_t q², α_t = 0.75 − 0.5 y; t3 becomes sign · weight after the value is taken.
        TensorPrimitives.Multiply(dz, dz, dz);             // q²
        float value = 0.75f * TensorPrimitives.Dot(dz, t1);
        TensorPrimitives.Multiply(y, dz, dz);              // y q² (q² recovered below from t2)
        value -= 0.5f * TensorPrimitives.Dot(dz, t1);
        // gradient: −sign α_t q² (2 p_t L + q)
        TensorPrimitives.Subtract(1f, t2, dz);             // q
        TensorPrimitives.Multiply(t2, t1, t1);             // p_t L
        TensorPrimitives.MultiplyAdd(t1, 2f, dz, t1);      // 2 p_t L + q
        TensorPrimitives.Multiply(dz, dz, dz);             // q²
        TensorPrimitives.Multiply(dz, t1, t1);             // q² (2 p_t L + q)
        TensorPrimitives.Multiply(y, -0.5f, dz);
        TensorPrimitives.Add(dz, 0.75f, dz);               // α_t
        TensorPrimitives.Multiply(dz, t1, t1);
        TensorPrimitives.Multiply(t3, t1, dz);
        TensorPrimitives.Multiply(dz, -1f / n, dz);
        return value / n;
    }
}
