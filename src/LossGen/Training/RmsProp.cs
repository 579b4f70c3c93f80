using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// RMSProp as <c>torch.optim.RMSprop</c>: s ← αs + (1 − α)g²; with centering ḡ ← αḡ + (1 − α)g and
/// d = √(s − ḡ²) + ε, else d = √s + ε; with momentum b ← μb + g/d and θ ← θ − γb, else θ ← θ − γg/d.
/// </summary>
public sealed class RmsProp<T> : OptimizerBase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _square = Array.Empty<T>();
    private T[] _average = Array.Empty<T>();
    private T[] _buffer = Array.Empty<T>();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">γ (PyTorch's default 1e-2).</param>
    /// <param name="alpha">α in [0, 1] (default 0.99).</param>
    /// <param name="epsilon">ε &gt; 0 (default 1e-8).</param>
    /// <param name="weightDecay">λ ≥ 0, L2 penalty added to the gradient.</param>
    /// <param name="momentum">μ ≥ 0.</param>
    /// <param name="centered">Normalize by the estimated variance of the gradient instead of its second moment.</param>
    public RmsProp(T learningRate, T? alpha = null, T? epsilon = null, T weightDecay = default, T momentum = default, bool centered = false)
        : base(learningRate)
    {
        Alpha = Check(alpha ?? Of(0.99), T.Zero, T.One, nameof(alpha));
        Epsilon = Check(epsilon ?? Of(1e-8), T.Zero, T.PositiveInfinity, nameof(epsilon));
        WeightDecay = Check(weightDecay, T.Zero, T.PositiveInfinity, nameof(weightDecay));
        Momentum = Check(momentum, T.Zero, T.PositiveInfinity, nameof(momentum));
        Centered = centered;
    }

    /// <summary>α.</summary>
    public T Alpha { get; }

    /// <summary>ε.</summary>
    public T Epsilon { get; }

    /// <summary>λ.</summary>
    public T WeightDecay { get; }

    /// <summary>μ.</summary>
    public T Momentum { get; }

    /// <summary>Whether the update is centered.</summary>
    public bool Centered { get; }

    /// <inheritdoc/>
    protected override T[][] CreateState(int length) => [new T[length], Centered ? new T[length] : [], Momentum > T.Zero ? new T[length] : []];

    /// <inheritdoc/>
    protected override void UseState(T[][] state) => (_square, _average, _buffer) = (state[0], state[1], state[2]);

    /// <inheritdoc/>
    protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradient, long step)
    {
        T lr = LearningRate;
        T oneMinusAlpha = T.One - Alpha;
        for (int i = 0; i < parameters.Length; i++)
        {
            T g = gradient[i];
            if (WeightDecay != T.Zero)
            {
                g += WeightDecay * parameters[i];
            }
            T s = _square[i] * Alpha + oneMinusAlpha * (g * g);
            _square[i] = s;
            T average;
            if (Centered)
            {
                T mean = _average[i] * Alpha + oneMinusAlpha * g;
                _average[i] = mean;
                average = T.Sqrt(s - mean * mean);
            }
            else
            {
                average = T.Sqrt(s);
            }
            average += Epsilon;
            if (Momentum > T.Zero)
            {
                T b = _buffer[i] * Momentum + g / average;
                _buffer[i] = b;
                parameters[i] -= lr * b;
            }
            else
            {
                parameters[i] -= lr * (g / average);
            }
        }
    }
}
