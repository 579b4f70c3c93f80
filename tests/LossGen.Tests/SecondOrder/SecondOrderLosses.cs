using LossGen;

namespace LossGen.Tests.SecondOrder;

/// <summary>Losses that ask for second derivatives (<c>d2x</c>), checked against closed forms in SecondOrderTests.</summary>
public static partial class SecondOrderLosses
{
    [Loss("softplus(z) - y * z")]
    public static partial float Logistic(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz, Span<float> d2z);

    [Loss("softplus(z) - y * z")]
    public static partial double Logistic(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz, Span<double> d2z);

    [Loss("exp(z) - y * z", Reduction = Reduction.Sum)]
    public static partial double Poisson(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz, Span<double> d2z);

    [Loss("d = abs(p - y); d < delta ? 0.5 * d^2 / delta : d - 0.5 * delta", Reduction = Reduction.None)]
    public static partial void Huber(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double delta, Span<double> loss, Span<double> dp, Span<double> d2p);

    // Only the second derivative: the first is computed inside the kernel, not written.
    [Loss("d = abs(p - y); d + softplus(-2 * d) - log(2)")]
    public static partial double LogCoshCurvature(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> d2p);

    // The custom-objective shape of XGBoost/LightGBM: per-sample gradient and hessian (Reduction.None),
    // here an asymmetric squared error that punishes over-prediction 3× (a quantity users tune for).
    [Loss("r = p - y; r > 0 ? 3 * r^2 : r^2", Reduction = Reduction.None)]
    public static partial void AsymmetricObjective(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> loss, Span<float> dp, Span<float> d2p);

    // Curve fitting with the Hessian of the scalar parameters (a, b): 2 × 2, row-major, symmetric.
    [Loss("(a * exp(b * x) - y)^2", Reduction = Reduction.Sum)]
    public static partial double ExpFit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db, Span<double> hessian);

    // The same under Mean, in float, and with a parameter (c) the formula uses only linearly: its diagonal entry is zero.
    [Loss("(a * exp(b * x) + c - y)^2")]
    public static partial float ExpFitMean(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float a, float b, float c, out float da, out float db, out float dc, Span<float> hessian);

    // Linear in p: the second derivative is zero, written as zeros.
    [Loss("3 * p * y")]
    public static partial float Linear(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> d2P);
}
