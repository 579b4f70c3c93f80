using LossGen;

namespace LossGen.Tests.Semantics;

/// <summary>Losses whose generated kernels must be branch-safe and numerically stable.</summary>
public static partial class SemanticsLosses
{
    [Loss("p > 0 ? log(p) : 0", Reduction = Reduction.None)]
    public static partial void SafeLogF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("p > 0 ? sqrt(p) : 0", Reduction = Reduction.None)]
    public static partial void SafeSqrtD(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);

    [Loss("p > 0 ? (p > 1 ? log(p - 1) : sqrt(p)) : 0", Reduction = Reduction.None)]
    public static partial void NestedF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("min(p > 0 ? log(p) : 0, 5) + max(p > 0 ? sqrt(p) : 0, -5) + clamp(p > 0 ? log(p) : 0, -1, 1)", Reduction = Reduction.None)]
    public static partial void KinksF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("log(sigmoid(p))", Reduction = Reduction.None)]
    public static partial void LogSigmoidF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("log(sigmoid(p))", Reduction = Reduction.None)]
    public static partial void LogSigmoidD(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);

    [Loss("log(1 - sigmoid(p))", Reduction = Reduction.None)]
    public static partial void LogOneMinusSigmoidF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("log(1 - sigmoid(p))", Reduction = Reduction.None)]
    public static partial void LogOneMinusSigmoidD(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);

    [Loss("log(1 + exp(p))", Reduction = Reduction.None)]
    public static partial void LogOnePlusExpF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("log(1 + exp(p))", Reduction = Reduction.None)]
    public static partial void LogOnePlusExpD(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);

    [Loss("sigmoid(p) + softplus(p)", Reduction = Reduction.None)]
    public static partial void SigmoidSoftplusF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("sigmoid(p) + softplus(p)", Reduction = Reduction.None)]
    public static partial void SigmoidSoftplusD(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);

    [Loss("log(1 + p)", Reduction = Reduction.None)]
    public static partial void Log1pRewriteF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);
}
