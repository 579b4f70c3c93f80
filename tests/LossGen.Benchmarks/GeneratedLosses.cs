using LossGen;

namespace LossGen.Benchmarks;

/// <summary>The three benchmarked losses, as a user would declare them.</summary>
public static partial class GeneratedLosses
{
    [Loss("(p - y)^2")]
    public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

    [Loss("d = abs(p - y); d <= delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
    public static partial float Huber(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    [Loss("max(z, 0) - z * y + softplus(-abs(z))")]
    public static partial float BceWithLogits(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);
}
