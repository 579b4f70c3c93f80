using System;
using System.Numerics;

namespace LossGen.Training;

public sealed partial class LinearObjective<T, TLoss>
{
    /// <summary>
    /// One batch's chunked work: forward, loss kernel and backward per chunk, into per-chunk buffers; then
    /// the fixed-order sum. Spans cannot live in fields, so the batch's spans are pinned and passed as pointers.
    /// </summary>
    private sealed unsafe class ChunkWork : IChunkWork
    {
        private readonly LinearObjective<T, TLoss> _owner;
        private readonly int _chunkRows;
        private readonly int _d;
        private readonly T[][] _x, _y, _z, _dz;
        private readonly T[] _partials;
        private readonly double[] _losses;
        private T* _features, _targets, _parameters;
        private int* _rows;
        private int _count;
        private double _meanRows;
        private readonly ShardLayout? _shards;
        private bool _sharded;
        private bool _gather;
        private bool _mean;

        public ChunkWork(LinearObjective<T, TLoss> owner, int threads, int chunkRows, System.Collections.Generic.IReadOnlyList<int>? shardRows)
        {
            _owner = owner;
            _d = owner.Features;
            _chunkRows = Math.Min(chunkRows, owner.Count);
            int chunks = (owner.Count + _chunkRows - 1) / _chunkRows;
            if (shardRows is { Count: > 1 })
            {
                _shards = new ShardLayout(shardRows, _chunkRows, _d);
                chunks = _shards.Chunks;
            }
            _x = new T[threads][];
            _y = new T[threads][];
            _z = new T[threads][];
            _dz = new T[threads][];
            for (int t = 0; t < threads; t++)
            {
                _x[t] = new T[_chunkRows * _d];
                _y[t] = new T[_chunkRows];
                _z[t] = new T[_chunkRows];
                _dz[t] = new T[_chunkRows];
            }
            _partials = new T[chunks * (_d + 1)];
            _losses = new double[chunks];
        }

        /// <summary>Rows per chunk (the option, clamped to the data set).</summary>
        public int ChunkRows => _chunkRows;

        /// <summary>The shard layout (<see cref="LinearObjectiveOptions.ShardRows"/>), or null for one shard.</summary>
        public ShardLayout? Shards => _shards;

        // meanRows: the rows a mean is taken over, the batch's, or the whole data set's when this is one shard of it.
        public double Run(ChunkRunner runner, ReadOnlySpan<T> features, ReadOnlySpan<T> targets, ReadOnlySpan<T> parameters, ReadOnlySpan<int> rows, Span<T> gradient, long meanRows)
        {
            _count = rows.IsEmpty ? targets.Length : rows.Length;
            _meanRows = meanRows;
            _gather = !rows.IsEmpty;
            _sharded = _shards is not null && !_gather;
            int chunks = _sharded ? _shards!.Chunks : (_count + _chunkRows - 1) / _chunkRows;
            _mean = _owner.Loss.Reduction == Reduction.Mean;
            fixed (T* f = features, y = targets, p = parameters)
            fixed (int* r = rows)
            {
                _features = f;
                _targets = y;
                _parameters = p;
                _rows = r;
                try
                {
                    runner.Run(chunks, this);
                }
                finally
                {
                    _features = _targets = _parameters = null;
                    _rows = null;
                }
            }
            if (_sharded)
            {
                return _shards!.Sum(_partials, _losses, gradient);
            }
            // Fixed order: chunk 0, 1, 2, … whatever thread computed each.
            gradient.Clear();
            double loss = 0;
            for (int c = 0; c < chunks; c++)
            {
                SpanMath.Axpy(T.One, _partials.AsSpan(c * (_d + 1), _d + 1), gradient);
                loss += _losses[c];
            }
            return loss;
        }

        public void Run(int chunk, int worker)
        {
            int start, size;
            if (_sharded)
            {
                (start, size) = _shards!.Extent(chunk);
            }
            else
            {
                start = chunk * _chunkRows;
                size = Math.Min(_chunkRows, _count - start);
            }
            int d = _d;
            ReadOnlySpan<T> x, y;
            if (_gather)
            {
                Span<T> xs = _x[worker].AsSpan(0, size * d), ys = _y[worker].AsSpan(0, size);
                for (int i = 0; i < size; i++)
                {
                    int row = _rows[start + i];
                    new ReadOnlySpan<T>(_features + (long)row * d, d).CopyTo(xs.Slice(i * d, d));
                    ys[i] = _targets[row];
                }
                x = xs;
                y = ys;
            }
            else
            {
                x = new ReadOnlySpan<T>(_features + (long)start * d, size * d);
                y = new ReadOnlySpan<T>(_targets + start, size);
            }
            ReadOnlySpan<T> w = new(_parameters, d);
            T b = _parameters[d];
            Span<T> z = _z[worker].AsSpan(0, size), dz = _dz[worker].AsSpan(0, size);
            for (int i = 0; i < size; i++)
            {
                z[i] = SpanMath.Dot(x.Slice(i * d, d), w) + b;
            }
            // The generated kernel: one call over the chunk's spans.
            T chunkLoss = _owner.Loss.Evaluate(z, y, dz);
            // A mean over the chunk becomes its share of the mean over the batch.
            double share = _mean ? size / _meanRows : 1.0;
            T scale = T.CreateChecked(share);
            Span<T> partial = _partials.AsSpan(chunk * (d + 1), d + 1);
            LinearModel.ReduceRows(x, dz, d, partial);
            if (scale != T.One)
            {
                foreach (ref T v in partial)
                {
                    v *= scale;
                }
            }
            _losses[chunk] = double.CreateChecked(chunkLoss) * share;
        }
    }
}
