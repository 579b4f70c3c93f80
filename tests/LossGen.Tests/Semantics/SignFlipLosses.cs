using LossGen;

namespace LossGen.Tests.Semantics;

/// <summary>
/// Losses whose gradient is f · sign(p − y): lowering flips f's sign bit where f vanishes at p = y (log-cosh, the
/// second), and keeps the product where it cannot prove that (the third).
/// </summary>
public static partial class SignFlipLosses
{
    [Loss("d = p - y; a = abs(d); a + softplus(-2 * a) - 0.6931471805599453", Reduction = Reduction.None)]
    public static partial void LogCoshF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp);

    [Loss("d = p - y; a = abs(d); a + softplus(-2 * a) - 0.6931471805599453", Reduction = Reduction.None)]
    public static partial void LogCoshD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp);

    [Loss("abs(p - y) * log1p(abs(p - y))", Reduction = Reduction.None)]
    public static partial void AbsLog1pF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp);

    [Loss("abs(p - y) * log1p(abs(p - y))", Reduction = Reduction.None)]
    public static partial void AbsLog1pD(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> loss, Span<double> dp);

    [Loss("abs(p - y) * (1 + y * y)", Reduction = Reduction.None)]
    public static partial void WeightedAbsF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp);
}
