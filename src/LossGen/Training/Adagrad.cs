using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// Adagrad as <c>torch.optim.Adagrad</c>: γₜ = γ/(1 + (t − 1)η), s ← s + g², θ ← θ − γₜ g/(√s + ε).
/// </summary>
public sealed class Adagrad<T> : OptimizerBase<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _sum = Array.Empty<T>();

    /// <summary>Creates the optimizer.</summary>
    /// <param name="learningRate">γ (PyTorch's default 1e-2).</param>
    /// <param name="learningRateDecay">η ≥ 0.</param>
    /// <param name="weightDecay">λ ≥ 0, L2 penalty added to the gradient.</param>
    /// <param name="initialAccumulatorValue">The starting value of s, ≥ 0.</param>
    /// <param name="epsilon">ε &gt; 0 (default 1e-10).</param>
    public Adagrad(T learningRate, T learningRateDecay = default, T weightDecay = default, T initialAccumulatorValue = default, T? epsilon = null)
        : base(learningRate)
    {
        LearningRateDecay = Check(learningRateDecay, T.Zero, T.PositiveInfinity, nameof(learningRateDecay));
        WeightDecay = Check(weightDecay, T.Zero, T.PositiveInfinity, nameof(weightDecay));
        InitialAccumulatorValue = Check(initialAccumulatorValue, T.Zero, T.PositiveInfinity, nameof(initialAccumulatorValue));
        Epsilon = Check(epsilon ?? Of(1e-10), T.Zero, T.PositiveInfinity, nameof(epsilon));
    }

    /// <summary>η.</summary>
    public T LearningRateDecay { get; }

    /// <summary>λ.</summary>
    public T WeightDecay { get; }

    /// <summary>The starting value of the accumulator.</summary>
    public T InitialAccumulatorValue { get; }

    /// <summary>ε.</summary>
    public T Epsilon { get; }

    /// <inheritdoc/>
    protected override T[][] CreateState(int length)
    {
        var sum = new T[length];
        Array.Fill(sum, InitialAccumulatorValue);
        return [sum];
    }

    /// <inheritdoc/>
    protected override void UseState(T[][] state) => _sum = state[0];

    /// <inheritdoc/>
    protected override void Update(Span<T> parameters, ReadOnlySpan<T> gradient, long step)
    {
        T clr = LearningRate / (T.One + T.CreateChecked(step - 1) * LearningRateDecay);
        for (int i = 0; i < parameters.Length; i++)
        {
            T g = gradient[i];
            if (WeightDecay != T.Zero)
            {
                g += WeightDecay * parameters[i];
            }
            T s = _sum[i] + g * g;
            _sum[i] = s;
            parameters[i] -= clr * (g / (T.Sqrt(s) + Epsilon));
        }
    }
}
