using System;
using System.Collections.Generic;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// An objective whose evaluation is the merge of shards' shares: each <see cref="Evaluate(ReadOnlySpan{T}, Span{T})"/> takes the next
/// evaluation number, asks every shard for its <see cref="PartialEvaluation{T}"/> at the parameters (through the
/// delegate given, which may reach other processes or machines), merges the answers in shard order with
/// <see cref="PartialEvaluationMerger{T}"/> (every shard exactly once, or a <see cref="ShardAnswerException"/>),
/// then adds the L2 penalty λ/2 ‖w‖² over the first <c>penalized</c> parameters, once. Any full-batch minimizer
/// (<see cref="Lbfgs{T}"/>, and <see cref="Newton{T}"/> when the second-order delegate is given) runs over it unchanged. With shares from <see cref="LinearObjective{T, TLoss}.EvaluatePartial"/>,
/// it computes bit for bit what one <see cref="LinearObjective{T, TLoss}"/> over all rows with
/// <see cref="LinearObjectiveOptions.ShardRows"/> set to the shards' row counts computes.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class ShardedObjective<T> : ISecondOrderObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Func<long, T[], IReadOnlyList<PartialEvaluation<T>>> _evaluateShards;
    private readonly Func<long, T[], IReadOnlyList<PartialEvaluation<T>>>? _evaluateShardsWithCurvature;
    private readonly PartialEvaluationMerger<T> _merger;
    private readonly double _l2;
    private readonly int _penalized;

    /// <summary>Creates the objective.</summary>
    /// <param name="shardRows">The row count of each shard, in shard order.</param>
    /// <param name="parameterCount">The number of parameters (d + 1 for a linear model: the weights, then the bias).</param>
    /// <param name="evaluateShards">
    /// Given the evaluation number and a copy of the parameters, returns one share per shard (any order). It is
    /// called on the minimizer's thread and may block.
    /// </param>
    /// <param name="l2">λ of the L2 penalty, ≥ 0.</param>
    /// <param name="penalized">How many leading parameters the penalty covers (the weights: d for a linear model).</param>
    /// <param name="firstEvaluation">The number of the first evaluation (to continue a numbering after a restart); ≥ 1.</param>
    /// <param name="evaluateShardsWithCurvature">
    /// Optional: as <paramref name="evaluateShards"/>, but every share also carries its curvature (e.g. from
    /// <see cref="LinearObjectiveSecondOrder.EvaluatePartialSecondOrder{T, TLoss}"/>); needed for the second-order
    /// evaluation that <see cref="Newton{T}"/> makes.
    /// </param>
    /// <exception cref="ArgumentException">There are no shards, or a shard has no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is out of range.</exception>
    public ShardedObjective(IReadOnlyList<long> shardRows, int parameterCount, Func<long, T[], IReadOnlyList<PartialEvaluation<T>>> evaluateShards,
        double l2 = 0, int penalized = 0, long firstEvaluation = 1, Func<long, T[], IReadOnlyList<PartialEvaluation<T>>>? evaluateShardsWithCurvature = null)
    {
        _evaluateShardsWithCurvature = evaluateShardsWithCurvature;
        ArgumentNullException.ThrowIfNull(evaluateShards);
        if (!(l2 >= 0) || double.IsInfinity(l2))
        {
            throw new ArgumentOutOfRangeException(nameof(l2), l2, "L2 must be finite and non-negative.");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(penalized);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(penalized, parameterCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstEvaluation, 1L);
        _merger = new PartialEvaluationMerger<T>(shardRows, parameterCount);
        _evaluateShards = evaluateShards;
        _l2 = l2;
        _penalized = penalized;
        NextEvaluation = firstEvaluation;
    }

    /// <summary>The number of parameters.</summary>
    public int ParameterCount => _merger.ParameterCount;

    /// <summary>The rows of all shards.</summary>
    public long TotalRows => _merger.TotalRows;

    /// <summary>The number the next evaluation will carry.</summary>
    public long NextEvaluation { get; private set; }

    /// <summary>The merged objective at <paramref name="parameters"/>; its gradient is written into <paramref name="gradient"/>.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="ShardAnswerException">The answers are not exactly one per shard for this evaluation.</exception>
    public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient)
    {
        CheckSpans(parameters, gradient);
        (long evaluation, IReadOnlyList<PartialEvaluation<T>> answers) = Ask(_evaluateShards, parameters);
        double loss = _merger.Merge(evaluation, answers, gradient);
        return T.CreateChecked(L2Penalty.Add(_l2, _penalized, parameters, gradient, loss));
    }

    /// <summary>
    /// The merged objective with its gradient and Hessian: the shares' curvatures (packed upper triangles) are added
    /// in shard order like their gradients, mirrored into <paramref name="hessian"/> (k × k, double) and λ is added on
    /// the penalized diagonal.
    /// </summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">The objective was created without <c>evaluateShardsWithCurvature</c>.</exception>
    /// <exception cref="ShardAnswerException">The answers are not exactly one per shard for this evaluation, or one lacks its curvature.</exception>
    public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian)
    {
        if (_evaluateShardsWithCurvature is null)
        {
            throw new InvalidOperationException("This sharded objective has no second-order evaluation: create it with evaluateShardsWithCurvature.");
        }
        int p = ParameterCount;
        CheckSpans(parameters, gradient);
        if (hessian.Length != p * p)
        {
            throw new ArgumentException($"The model has {p} parameters, so the Hessian has {p * p} values, but {hessian.Length} were given.", nameof(hessian));
        }
        (long evaluation, IReadOnlyList<PartialEvaluation<T>> answers) = Ask(_evaluateShardsWithCurvature, parameters);
        var packed = new T[p * (p + 1) / 2];
        double loss = _merger.Merge(evaluation, answers, gradient, packed);
        var upper = new T[p * p];
        int k = 0;
        for (int i = 0; i < p; i++)
        {
            packed.AsSpan(k, p - i).CopyTo(upper.AsSpan(i * p + i));
            k += p - i;
        }
        loss = L2Penalty.Add(_l2, _penalized, parameters, gradient, loss);
        L2Penalty.AddToHessian(_l2, _penalized, upper, hessian);
        return T.CreateChecked(loss);
    }

    private void CheckSpans(ReadOnlySpan<T> parameters, Span<T> gradient)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters, but {parameters.Length} were given.", nameof(parameters));
        }
        if (gradient.Length != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters, but the gradient has {gradient.Length} values.", nameof(gradient));
        }
    }

    /// <summary>Numbers the next evaluation and asks the shards for their shares through <paramref name="evaluateShards"/>.</summary>
    private (long Evaluation, IReadOnlyList<PartialEvaluation<T>> Answers) Ask(Func<long, T[], IReadOnlyList<PartialEvaluation<T>>> evaluateShards, ReadOnlySpan<T> parameters)
    {
        long evaluation = NextEvaluation++;
        IReadOnlyList<PartialEvaluation<T>> answers = evaluateShards(evaluation, parameters.ToArray())
            ?? throw new ShardAnswerException(-1, evaluation, $"Evaluation {evaluation}: the shards' answers are missing (null).");
        return (evaluation, answers);
    }
}
