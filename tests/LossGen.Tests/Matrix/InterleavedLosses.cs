namespace LossGen.Tests.Matrix;

/// <summary>
/// Float kernels with two or more transcendental functions, whose main loop computes two vectors per iteration with the kernel's statements
/// written out for both (docs/architecture.md, "Loop width"): with a scalar input, a statement of scalars computed once
/// per call, per-element losses (Reduction.None), and scalar gradients summed over the elements.
/// </summary>
public static partial class InterleavedLosses
{
    [Loss("zt = (2 * y - 1) * z; q = sigmoid(-zt); (a * y + (1 - a) * (1 - y)) * q^2 * softplus(-zt)", Reduction = Reduction.None)]
    public static partial void FocalNoneF(ReadOnlySpan<float> z, ReadOnlySpan<float> y, float a, Span<float> loss, Span<float> dz);

    [Loss("(a * exp(b * p) - y)^2 + log1p(p^2)", Reduction = Reduction.Sum)]
    public static partial float ExpFitSumF(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float a, float b, Span<float> dp, out float da, out float db);
}
