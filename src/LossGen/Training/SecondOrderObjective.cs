using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// A twice-differentiable objective over a parameter vector: the value, the gradient and the dense Hessian in one
/// evaluation — what <see cref="Newton{T}"/> minimizes. <see cref="LinearObjective{T, TLoss}"/> and
/// <see cref="ParametricObjective{T, TLoss}"/> provide it when their loss has second derivatives
/// (<see cref="ISecondOrderPredictionLoss{T}"/>, <see cref="ISecondOrderParametricLoss{T}"/>); implement it for
/// anything else.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISecondOrderObjective<T> : IObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The number of parameters k.</summary>
    int ParameterCount { get; }

    /// <summary>
    /// The objective at <paramref name="parameters"/>; writes its gradient into <paramref name="gradient"/> and its
    /// k × k Hessian, row-major and symmetric, into <paramref name="hessian"/> (double whatever <typeparamref name="T"/>:
    /// Newton's linear algebra runs in double).
    /// </summary>
    T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian);
}
