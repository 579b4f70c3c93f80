namespace LossGen.Tests.Rows;

/// <summary>Row-loss declarations under test: each formula with a constant K (unrolled for K ≤ 32) and with K at run time.</summary>
public static partial class RowLosses
{
    public const string Mix = "m = max(z); m - min(z) + mean(z * z) + w * sum(exp(z - m)) + (z * z)[t]";

    [Loss(Mix, RowLength = "5", Reduction = Reduction.Sum)]
    public static partial double MixConstant(ReadOnlySpan<double> z, ReadOnlySpan<double> w, ReadOnlySpan<int> t, Span<double> dz, Span<double> dw);

    [Loss(Mix, RowLength = nameof(k), Reduction = Reduction.Sum)]
    public static partial double MixRuntime(ReadOnlySpan<double> z, ReadOnlySpan<double> w, ReadOnlySpan<int> t, int k, Span<double> dz, Span<double> dw);

    [Loss(Mix, RowLength = "40", Reduction = Reduction.Sum)]
    public static partial double MixConstant40(ReadOnlySpan<double> z, ReadOnlySpan<double> w, ReadOnlySpan<int> t, Span<double> dz, Span<double> dw);

    public const string Scaled = "a * logsumexp(z * a) - a * z[t] + b * mean(y * z)";

    [Loss(Scaled, RowLength = "7")]
    public static partial double ScaledConstant(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<int> t, double a, double b, Span<double> dz, Span<double> dy, out double da, out double db);

    [Loss(Scaled, RowLength = nameof(k))]
    public static partial double ScaledRuntime(ReadOnlySpan<double> z, ReadOnlySpan<double> y, ReadOnlySpan<int> t, double a, double b, int k, Span<double> dz, Span<double> dy, out double da, out double db);

    [Loss("logsumexp(z) - z[t]", RowLength = "10")]
    public static partial float CrossEntropy10(ReadOnlySpan<float> z, ReadOnlySpan<int> t, Span<float> dz);

    [Loss("max(z) + min(z)", RowLength = "4", Reduction = Reduction.Sum)]
    public static partial double Extremes(ReadOnlySpan<double> z, Span<double> dz);

    [Loss("max(z) + min(z)", RowLength = nameof(k), Reduction = Reduction.Sum)]
    public static partial double ExtremesRuntime(ReadOnlySpan<double> z, int k, Span<double> dz);

    [Loss("logsumexp(z) - z[t]", RowLength = "1", Reduction = Reduction.None)]
    public static partial void SingleClass(ReadOnlySpan<double> z, ReadOnlySpan<int> t, Span<double> loss, Span<double> dz);
}
