using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// Adam and AdamW, as <c>torch.optim.Adam</c> / <c>torch.optim.AdamW</c>: m ← β₁m + (1 − β₁)g,
/// v ← β₂v + (1 − β₂)g², θ ← θ − (γ/(1 − β₁ᵗ)) m / (√v̂ / √(1 − β₂ᵗ) + ε), with v̂ = v or, with AMSGrad,
/// the running maximum of v. Adam adds λθ to the gradient; AdamW (decoupled) first scales θ by (1 − γλ).
/// </summary>
public sealed class Adam<T> : OptimizerBase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _m = Array.Empty<T>();
    private T[] _v = Array.Empty<T>();
    private T[] _vMax = Array.Empty<T>();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">γ (PyTorch's default 1e-3).</param>
    /// <param name="beta1">β₁ in [0, 1) (default 0.9).</param>
    /// <param name="beta2">β₂ in [0, 1) (default 0.999).</param>
    /// <param name="epsilon">ε &gt; 0 (default 1e-8).</param>
    /// <param name="weightDecay">λ ≥ 0: L2 on the gradient for Adam, decoupled for AdamW.</param>
    /// <param name="amsGrad">Use the running maximum of v (AMSGrad).</param>
    /// <param name="decoupledWeightDecay">AdamW: decay the weights directly instead of through the gradient.</param>
    public Adam(T learningRate, T? beta1 = null, T? beta2 = null, T? epsilon = null, T weightDecay = default, bool amsGrad = false, bool decoupledWeightDecay = false)
        : base(learningRate)
    {
        Beta1 = Check(beta1 ?? Of(0.9), T.Zero, Of(0.999999999), nameof(beta1));
        Beta2 = Check(beta2 ?? Of(0.999), T.Zero, Of(0.999999999), nameof(beta2));
        Epsilon = Check(epsilon ?? Of(1e-8), T.Zero, T.PositiveInfinity, nameof(epsilon));
        WeightDecay = Check(weightDecay, T.Zero, T.PositiveInfinity, nameof(weightDecay));
        AmsGrad = amsGrad;
        DecoupledWeightDecay = decoupledWeightDecay;
    }

    /// <summary>AdamW: Adam with decoupled weight decay (PyTorch's default λ is 0.01).</summary>
    public static Adam<T> AdamW(T learningRate, T weightDecay, T? beta1 = null, T? beta2 = null, T? epsilon = null, bool amsGrad = false) =>
        new(learningRate, beta1, beta2, epsilon, weightDecay, amsGrad, decoupledWeightDecay: true);

    /// <summary>β₁.</summary>
    public T Beta1 { get; }

    /// <summary>β₂.</summary>
    public T Beta2 { get; }

    /// <summary>ε.</summary>
    public T Epsilon { get; }

    /// <summary>λ.</summary>
    public T WeightDecay { get; }

    /// <summary>Whether AMSGrad is used.</summary>
    public bool AmsGrad { get; }

    /// <summary>Whether the weight decay is decoupled (AdamW).</summary>
    public bool DecoupledWeightDecay { get; }

    /// <inheritdoc/>
    protected override T[][] CreateState(int length) => [new T[length], new T[length], AmsGrad ? new T[length] : []];

    /// <inheritdoc/>
    protected override void UseState(T[][] state) => (_m, _v, _vMax) = (state[0], state[1], state[2]);

    /// <inheritdoc/>
    protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradient, long step)
    {
        T lr = LearningRate;
        T biasCorrection1 = T.One - T.Pow(Beta1, T.CreateChecked(step));
        T biasCorrection2 = T.One - T.Pow(Beta2, T.CreateChecked(step));
        T stepSize = lr / biasCorrection1;
        T biasCorrection2Sqrt = T.Sqrt(biasCorrection2);
        T oneMinusBeta1 = T.One - Beta1;
        T oneMinusBeta2 = T.One - Beta2;
        T decay = T.One - lr * WeightDecay;
        for (int i = 0; i < parameters.Length; i++)
        {
            T g = gradient[i];
            if (WeightDecay != T.Zero)
            {
                if (DecoupledWeightDecay)
                {
                    parameters[i] *= decay;
                }
                else
                {
                    g += WeightDecay * parameters[i];
                }
            }
            T m = _m[i] * Beta1 + oneMinusBeta1 * g;
            T v = _v[i] * Beta2 + oneMinusBeta2 * (g * g);
            _m[i] = m;
            _v[i] = v;
            if (AmsGrad)
            {
                v = T.Max(_vMax[i], v);
                _vMax[i] = v;
            }
            T denominator = T.Sqrt(v) / biasCorrection2Sqrt + Epsilon;
            parameters[i] -= stepSize * (m / denominator);
        }
    }
}
