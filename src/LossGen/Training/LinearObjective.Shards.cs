using System;
using System.Collections.Generic;
using System.Numerics;

namespace LossGen.Training;

public sealed partial class LinearObjective<T, TLoss>
{
    /// <summary>
    /// This objective's rows as one shard of a larger data set of <paramref name="totalRows"/> rows: the sum of
    /// the losses and of the gradients over its chunks, in chunk order, without the L2 penalty (it is added once,
    /// after the merge); for a loss that takes the mean, each chunk is scaled by its rows over
    /// <paramref name="totalRows"/>. Merged in shard order by <see cref="PartialEvaluationMerger{T}"/>, the shares
    /// of the shards give bit for bit what a <see cref="LinearObjective{T, TLoss}"/> over all rows, with
    /// <see cref="LinearObjectiveOptions.ShardRows"/> set to the shards' row counts, computes.
    /// </summary>
    /// <param name="parameters">The weights, then the bias.</param>
    /// <param name="totalRows">The rows of the whole data set, at least this objective's <see cref="Count"/>.</param>
    /// <param name="shard">This shard's number, recorded in the result.</param>
    /// <param name="evaluation">The evaluation being answered, recorded in the result.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalRows"/> is below <see cref="Count"/>, or <paramref name="shard"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Another thread is evaluating this objective, or it has ShardRows of its own.</exception>
    public PartialEvaluation<T> EvaluatePartial(ReadOnlySpan<T> parameters, long totalRows, int shard, long evaluation)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters (weights, then the bias), but {parameters.Length} were given.", nameof(parameters));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(totalRows, (long)Count);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        CheckOneShard();
        var gradient = new T[ParameterCount];
        _guard.Enter(this);
        try
        {
            double loss = _work.Run(_runner, _features.Span, _targets.Span, parameters, default, gradient, totalRows);
            return new PartialEvaluation<T>(shard, evaluation, Count, loss, gradient);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>A shard's objective is one shard: shares summed over sub-shards would not merge to the local bits.</summary>
    private void CheckOneShard()
    {
        if (_work.Shards is not null)
        {
            throw new InvalidOperationException("This objective has ShardRows of its own; a shard's objective must be one shard (leave ShardRows null), or its share would not merge to the bits of the whole.");
        }
    }

    private static void CheckShards(IReadOnlyList<int>? shardRows, int count)
    {
        if (shardRows is null)
        {
            return;
        }
        if (shardRows.Count == 0)
        {
            throw new ArgumentOutOfRangeException("options", "ShardRows is empty; leave it null for one shard.");
        }
        long sum = 0;
        for (int s = 0; s < shardRows.Count; s++)
        {
            if (shardRows[s] < 1)
            {
                throw new ArgumentOutOfRangeException("options", shardRows[s], $"ShardRows[{s}] is {shardRows[s]}; every shard needs at least one row.");
            }
            sum += shardRows[s];
        }
        if (sum != count)
        {
            throw new ArgumentOutOfRangeException("options", sum, $"ShardRows add up to {sum} rows, but there are {count}.");
        }
    }

    /// <summary>
    /// Where the chunks lie when the rows are cut into shards: chunks of up to ChunkRows rows start afresh at each
    /// shard; the sum runs over each shard's chunks in chunk order, then over the shard totals in shard order.
    /// </summary>
    private sealed class ShardLayout
    {
        private readonly int[] _start, _size, _firstChunk;
        private readonly T[] _shardGradient;
        private readonly int _d;

        public ShardLayout(IReadOnlyList<int> shardRows, int chunkRows, int d)
        {
            var start = new List<int>();
            var size = new List<int>();
            _firstChunk = new int[shardRows.Count + 1];
            int row = 0;
            for (int s = 0; s < shardRows.Count; s++)
            {
                _firstChunk[s] = start.Count;
                for (int offset = 0; offset < shardRows[s]; offset += chunkRows)
                {
                    start.Add(row + offset);
                    size.Add(Math.Min(chunkRows, shardRows[s] - offset));
                }
                row += shardRows[s];
            }
            _firstChunk[^1] = start.Count;
            _start = start.ToArray();
            _size = size.ToArray();
            _d = d;
            _shardGradient = new T[d + 1];
        }

        public int Chunks => _start.Length;

        /// <summary>Whether <paramref name="chunk"/> is the last chunk of its shard.</summary>
        public bool EndsShard(int chunk) => Array.IndexOf(_firstChunk, chunk + 1, 1) >= 0;

        public (int Start, int Size) Extent(int chunk) => (_start[chunk], _size[chunk]);

        /// <summary>Chunks in chunk order within each shard (from zero), then shard totals in shard order.</summary>
        public double Sum(T[] partials, double[] losses, Span<T> gradient)
        {
            gradient.Clear();
            double loss = 0;
            for (int s = 0; s + 1 < _firstChunk.Length; s++)
            {
                Span<T> shard = _shardGradient;
                shard.Clear();
                double shardLoss = 0;
                for (int c = _firstChunk[s]; c < _firstChunk[s + 1]; c++)
                {
                    SpanMath.Axpy(T.One, partials.AsSpan(c * (_d + 1), _d + 1), shard);
                    shardLoss += losses[c];
                }
                SpanMath.Axpy(T.One, shard, gradient);
                loss += shardLoss;
            }
            return loss;
        }
    }
}
