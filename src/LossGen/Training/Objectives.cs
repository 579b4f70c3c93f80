using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// A differentiable objective over a parameter vector: writes the gradient and returns the value. Implement
/// it on a struct and pass it to <see cref="Trainer.Minimize{T, TObjective}"/> or <c>Lbfgs</c>, which
/// the JIT then specializes for it: the call per step is direct, not virtual.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The objective at <paramref name="parameters"/>; its gradient is written into <paramref name="gradient"/>.</summary>
    T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient);
}

/// <summary>
/// An objective over a data set of <see cref="Count"/> examples that can be evaluated on a mini-batch:
/// what <see cref="Trainer{T, TObjective}"/> trains. <see cref="LinearObjective{T, TLoss}"/> and
/// <c>ParametricObjective</c> implement it for generated losses; implement it yourself for
/// anything else.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IBatchObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of examples.</summary>
    int Count { get; }

    /// <summary>The number of parameters.</summary>
    int ParameterCount { get; }

    /// <summary>
    /// The objective on the examples listed in <paramref name="rows"/> (all examples, in order, when it is
    /// empty); its gradient is written into <paramref name="gradient"/>.
    /// </summary>
    T Evaluate(ReadOnlySpan<T> parameters, ReadOnlySpan<int> rows, Span<T> gradient);
}

/// <summary>An <see cref="IObjective{T}"/> seen as a data set of one example (full-batch training).</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TObjective">The objective.</typeparam>
/// <param name="objective">The objective.</param>
/// <param name="parameterCount">Its number of parameters.</param>
public readonly struct FullBatch<T, TObjective>(TObjective objective, int parameterCount) : IBatchObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TObjective : IObjective<T>
{
    /// <inheritdoc/>
    public int Count => 1;

    /// <inheritdoc/>
    public int ParameterCount => parameterCount;

    /// <inheritdoc/>
    public T Evaluate(ReadOnlySpan<T> parameters, ReadOnlySpan<int> rows, Span<T> gradient) => objective.Evaluate(parameters, gradient);
}
