using LossGen;

namespace LossGen.Tests;

public static partial class SmokeLosses
{
    [Loss("(p - y)^2")]
    public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

    [Loss("(a * exp(b * x) - y)^2")]
    public static partial double ExpFit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db);

    [Loss("max(z, 0) - z * y + softplus(-abs(z))", Reduction = Reduction.None)]
    public static partial void BceWithLogits(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> loss, Span<float> dz);

    [Loss("d = abs(p - y); d < beta ? 0.5 * d^2 / beta : d - 0.5 * beta", Reduction = Reduction.Sum)]
    public static partial double SmoothL1(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double beta);
}
