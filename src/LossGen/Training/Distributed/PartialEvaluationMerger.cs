using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// Merges the shares of one evaluation, one per shard, into the objective over the whole data set: exactly,
/// deterministically, in shard order (shard 0, 1, 2, … whatever order the answers came in). Before adding
/// anything it checks that every shard answered exactly once, for this evaluation, with its own row count and
/// a gradient of the right length: no silent partial sums.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class PartialEvaluationMerger<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly long[] _rows;
    private readonly PartialEvaluation<T>?[] _byShard;

    /// <summary>Creates a merger for shards with the given row counts.</summary>
    /// <param name="shardRows">The row count of each shard, in shard order; each ≥ 1.</param>
    /// <param name="parameterCount">The length of every share's gradient, ≥ 1.</param>
    /// <exception cref="ArgumentException">There are no shards, or a shard has no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="parameterCount"/> is not positive.</exception>
    public PartialEvaluationMerger(IReadOnlyList<long> shardRows, int parameterCount)
    {
        ArgumentNullException.ThrowIfNull(shardRows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(parameterCount);
        if (shardRows.Count == 0)
        {
            throw new ArgumentException("There are no shards.", nameof(shardRows));
        }
        _rows = shardRows.ToArray();
        for (int s = 0; s < _rows.Length; s++)
        {
            if (_rows[s] <= 0)
            {
                throw new ArgumentException($"Shard {s} has {_rows[s]} rows; every shard needs at least one.", nameof(shardRows));
            }
            TotalRows = checked(TotalRows + _rows[s]);
        }
        ParameterCount = parameterCount;
        _byShard = new PartialEvaluation<T>?[_rows.Length];
    }

    /// <summary>The number of shards.</summary>
    public int Shards => _rows.Length;

    /// <summary>The rows of all shards.</summary>
    public long TotalRows { get; }

    /// <summary>The length of every share's gradient.</summary>
    public int ParameterCount { get; }

    /// <summary>The row count of shard <paramref name="shard"/>.</summary>
    public long RowsOf(int shard) => _rows[shard];

    /// <summary>
    /// Checks the answers to evaluation <paramref name="evaluation"/>, then writes the sum of their gradients into
    /// <paramref name="gradient"/> (and of their curvatures into <paramref name="curvature"/>, when given) and returns
    /// the sum of their losses, each sum taken in shard order.
    /// </summary>
    /// <param name="evaluation">The evaluation the answers must name.</param>
    /// <param name="answers">One answer per shard, in any order.</param>
    /// <param name="gradient">Receives the merged gradient; <see cref="ParameterCount"/> values.</param>
    /// <param name="curvature">Receives the merged curvature when not empty; then every answer must hold a curvature of this length.</param>
    /// <returns>The merged loss (without any regularization).</returns>
    /// <exception cref="ShardAnswerException">A shard answered twice, not at all, for another evaluation, with another row count, or with values of the wrong length; the message names the shard.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> has the wrong length.</exception>
    public double Merge(long evaluation, IReadOnlyList<PartialEvaluation<T>> answers, Span<T> gradient, Span<T> curvature = default)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (gradient.Length != ParameterCount)
        {
            throw new ArgumentException($"The gradient has {gradient.Length} values; {ParameterCount} were expected.", nameof(gradient));
        }
        Array.Clear(_byShard);
        try
        {
            Check(evaluation, answers, curvature.Length);
            // Fixed order: shard 0, 1, 2, …, whatever order the answers arrived in.
            gradient.Clear();
            curvature.Clear();
            double loss = 0;
            foreach (PartialEvaluation<T>? share in _byShard)
            {
                SpanMath.Axpy(T.One, share!.Gradient, gradient);
                if (!curvature.IsEmpty)
                {
                    SpanMath.Axpy(T.One, share.Curvature!, curvature);
                }
                loss += share.Loss;
            }
            return loss;
        }
        finally
        {
            Array.Clear(_byShard);
        }
    }

    private void Check(long evaluation, IReadOnlyList<PartialEvaluation<T>> answers, int curvatureLength)
    {
        foreach (PartialEvaluation<T> share in answers)
        {
            if (share is null)
            {
                throw new ShardAnswerException(-1, evaluation, $"Evaluation {evaluation}: an answer is missing (null).");
            }
            int s = share.Shard;
            if (s >= _rows.Length)
            {
                throw new ShardAnswerException(s, evaluation, $"Evaluation {evaluation}: an answer came from shard {s}, but there are only {_rows.Length} shards (0–{_rows.Length - 1}).");
            }
            if (share.Evaluation != evaluation)
            {
                throw new ShardAnswerException(s, evaluation, $"Evaluation {evaluation}: shard {s} answered evaluation {share.Evaluation} instead (a stale or misrouted answer).");
            }
            if (_byShard[s] is not null)
            {
                throw new ShardAnswerException(s, evaluation, $"Evaluation {evaluation}: shard {s} answered more than once.");
            }
            if (share.Rows != _rows[s])
            {
                throw new ShardAnswerException(s, evaluation, $"Evaluation {evaluation}: shard {s} answered over {share.Rows} rows, but it holds {_rows[s]}.");
            }
            if (share.Gradient.Length != ParameterCount)
            {
                throw new ShardAnswerException(s, evaluation, $"Evaluation {evaluation}: shard {s} answered with {share.Gradient.Length} gradient values; {ParameterCount} were expected.");
            }
            if (curvatureLength > 0 && share.Curvature?.Length != curvatureLength)
            {
                throw new ShardAnswerException(s, evaluation, $"Evaluation {evaluation}: shard {s} answered with {(share.Curvature is null ? "no curvature" : $"{share.Curvature.Length} curvature values")}; {curvatureLength} were expected.");
            }
            _byShard[s] = share;
        }
        int missing = Array.FindIndex(_byShard, share => share is null);
        if (missing >= 0)
        {
            var all = Enumerable.Range(0, _rows.Length).Where(s => _byShard[s] is null).ToArray();
            throw new ShardAnswerException(missing, evaluation,
                $"Evaluation {evaluation}: shard{(all.Length > 1 ? "s" : "")} {string.Join(", ", all)} did not answer ({answers.Count} answers for {_rows.Length} shards).");
        }
    }
}

/// <summary>The answers to an evaluation do not come from every shard exactly once, or one does not fit its shard.</summary>
public sealed class ShardAnswerException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="shard">The (first) shard at fault, or -1 when no shard can be named.</param>
    /// <param name="evaluation">The evaluation being merged.</param>
    /// <param name="message">What went wrong, naming the shard.</param>
    public ShardAnswerException(int shard, long evaluation, string message)
        : base(message)
    {
        Shard = shard;
        Evaluation = evaluation;
    }

    /// <summary>The (first) shard at fault, or -1 when no shard can be named.</summary>
    public int Shard { get; }

    /// <summary>The evaluation being merged.</summary>
    public long Evaluation { get; }
}
