using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// Stochastic gradient descent with momentum, dampening, Nesterov momentum and L2 weight decay, as
/// <c>torch.optim.SGD</c>: g ← ∇ + λθ; b ← g on the first step, else μ b + (1 − τ) g; g ← g + μ b
/// (Nesterov) or b; θ ← θ − γ g.
/// </summary>
public sealed class Sgd<T> : OptimizerBase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _buffer = Array.Empty<T>();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">γ.</param>
    /// <param name="momentum">μ ≥ 0 (0: plain SGD).</param>
    /// <param name="dampening">τ in [0, 1].</param>
    /// <param name="weightDecay">λ ≥ 0, L2 penalty added to the gradient.</param>
    /// <param name="nesterov">Nesterov momentum (needs μ &gt; 0 and τ = 0, as in PyTorch).</param>
    public Sgd(T learningRate, T momentum = default, T dampening = default, T weightDecay = default, bool nesterov = false)
        : base(learningRate)
    {
        Momentum = Check(momentum, T.Zero, T.PositiveInfinity, nameof(momentum));
        Dampening = Check(dampening, T.Zero, T.One, nameof(dampening));
        WeightDecay = Check(weightDecay, T.Zero, T.PositiveInfinity, nameof(weightDecay));
        if (nesterov && (momentum <= T.Zero || dampening != T.Zero))
        {
            throw new ArgumentException("Nesterov momentum requires a positive momentum and zero dampening.", nameof(nesterov));
        }
        Nesterov = nesterov;
    }

    /// <summary>μ.</summary>
    public T Momentum { get; }

    /// <summary>τ.</summary>
    public T Dampening { get; }

    /// <summary>λ.</summary>
    public T WeightDecay { get; }

    /// <summary>Whether the momentum is Nesterov's.</summary>
    public bool Nesterov { get; }

    /// <summary>The momentum buffer (empty before the first step), for checkpoints.</summary>
    public ReadOnlySpan<T> MomentumBuffer => _buffer;

    /// <inheritdoc/>
    protected override T[][] CreateState(int length) => [Momentum != T.Zero ? new T[length] : []];

    /// <inheritdoc/>
    protected override void UseState(T[][] state) => _buffer = state[0];

    /// <inheritdoc/>
    protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradient, long step)
    {
        T lr = LearningRate;
        T oneMinusDampening = T.One - Dampening;
        for (int i = 0; i < parameters.Length; i++)
        {
            T g = gradient[i];
            if (WeightDecay != T.Zero)
            {
                g += WeightDecay * parameters[i];
            }
            if (Momentum != T.Zero)
            {
                T b = step == 1 ? g : _buffer[i] * Momentum + oneMinusDampening * g;
                _buffer[i] = b;
                g = Nesterov ? g + Momentum * b : b;
            }
            parameters[i] -= lr * g;
        }
    }
}
