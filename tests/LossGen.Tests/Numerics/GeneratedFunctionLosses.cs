using LossGen;

namespace LossGen.Tests.Numerics;

/// <summary>Single functions as generated kernels, to measure their accuracy as generated code computes them.</summary>
public static partial class GeneratedFunctionLosses
{
    [Loss("sigmoid(p)", Reduction = Reduction.None)]
    public static partial void SigmoidF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    [Loss("softplus(p)", Reduction = Reduction.None)]
    public static partial void SoftplusF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp);

    /// <summary>Softplus with its curvature: the gradient's sigmoid is then a·r, r = 1/(1 + e) shared with the slope e·r·r.</summary>
    [Loss("softplus(p)", Reduction = Reduction.None)]
    public static partial void SoftplusWithCurvatureF(ReadOnlySpan<float> p, Span<float> loss, Span<float> dp, Span<float> d2p);

    [Loss("sigmoid(p)", Reduction = Reduction.None)]
    public static partial void SigmoidD(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);

    [Loss("softplus(p)", Reduction = Reduction.None)]
    public static partial void SoftplusD(ReadOnlySpan<double> p, Span<double> loss, Span<double> dp);
}
