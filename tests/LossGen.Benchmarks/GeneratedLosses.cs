using LossGen;

namespace LossGen.Benchmarks;

/// <summary>The benchmarked losses, as a user would declare them.</summary>
public static partial class GeneratedLosses
{
    [Loss("(p - y)^2")]
    public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

    [Loss("d = abs(p - y); d <= delta ? 0.5 * d^2 : delta * (d - 0.5 * delta)")]
    public static partial float Huber(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    [Loss("max(z, 0) - z * y + softplus(-abs(z))")]
    public static partial float BceWithLogits(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);

    /// <summary>log(cosh(p − y)) written as |d| + softplus(−2|d|) − ln 2 (no overflow of cosh).</summary>
    [Loss("d = p - y; a = abs(d); a + softplus(-2 * a) - 0.6931471805599453")]
    public static partial float LogCosh(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

    /// <summary>Poisson negative log-likelihood with log input (PyTorch's log_input=True, no Stirling term).</summary>
    [Loss("exp(z) - y * z")]
    public static partial float PoissonNll(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);

    /// <summary>
    /// Binary focal loss on logits, γ = 2, α = 0.25 (Lin et al. 2017), labels y in {0, 1}, written as the paper
    /// defines it and as the hand-written and TensorPrimitives baselines compute it: z_t = (2y − 1)·z, p_t = σ(z_t),
    /// 1 − p_t = σ(−z_t), −log p_t = softplus(−z_t), α_t = 0.75 − 0.5·y.
    /// </summary>
    [Loss("zt = (2 * y - 1) * z; q = sigmoid(-zt); (0.75 - 0.5 * y) * q^2 * softplus(-zt)")]
    public static partial float Focal(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);

    /// <summary>
    /// The same loss written for soft labels y in [0, 1] (torchvision's sigmoid_focal_loss): p_t and α_t interpolate
    /// between the two classes, so no z_t form exists and the kernel computes both softplus terms and both sigmoids.
    /// Equal to <see cref="Focal"/> for y in {0, 1}.
    /// </summary>
    [Loss("s = sigmoid(z); pt = y * s + (1 - y) * (1 - s); at = 0.25 * y + 0.75 * (1 - y); at * (1 - pt)^2 * (y * softplus(-z) + (1 - y) * softplus(z))")]
    public static partial float FocalSoftLabels(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);
}
