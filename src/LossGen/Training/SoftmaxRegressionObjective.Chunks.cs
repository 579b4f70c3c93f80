using System;
using System.Numerics;

namespace LossGen.Training;

public sealed partial class SoftmaxRegressionObjective<T, TLoss>
{
    /// <summary>
    /// One batch's chunked work: logits, loss and gradient per chunk, into per-chunk buffers; then the fixed-order
    /// sum. Spans cannot live in fields, so the batch's spans are pinned and passed as pointers.
    /// </summary>
    private sealed unsafe class ChunkWork : IChunkWork
    {
        private readonly SoftmaxRegressionObjective<T, TLoss> _owner;
        private readonly int _chunkRows;
        private readonly int _d, _k, _width;
        private readonly T[][] _x, _z, _dz;
        private readonly int[][] _y;
        private readonly T[] _partials;
        private readonly double[] _losses;
        private T* _features, _parameters;
        private int* _labels, _rows;
        private int _count;
        private bool _gather;
        private bool _mean;

        public ChunkWork(SoftmaxRegressionObjective<T, TLoss> owner, int threads, int chunkRows)
        {
            _owner = owner;
            _d = owner.Features;
            _k = owner.ClassCount;
            _width = owner.ParameterCount;
            _chunkRows = Math.Min(chunkRows, owner.Count);
            int chunks = (owner.Count + _chunkRows - 1) / _chunkRows;
            _x = new T[threads][];
            _y = new int[threads][];
            _z = new T[threads][];
            _dz = new T[threads][];
            for (int t = 0; t < threads; t++)
            {
                _x[t] = new T[_chunkRows * _d];
                _y[t] = new int[_chunkRows];
                _z[t] = new T[_chunkRows * _k];
                _dz[t] = new T[_chunkRows * _k];
            }
            _partials = new T[(long)chunks * _width];
            _losses = new double[chunks];
        }

        public double Run(ChunkRunner runner, ReadOnlySpan<T> features, ReadOnlySpan<int> labels, ReadOnlySpan<T> parameters, ReadOnlySpan<int> rows, Span<T> gradient)
        {
            _count = rows.IsEmpty ? labels.Length : rows.Length;
            _gather = !rows.IsEmpty;
            int chunks = (_count + _chunkRows - 1) / _chunkRows;
            _mean = _owner.Loss.Reduction == Reduction.Mean;
            fixed (T* f = features, p = parameters)
            fixed (int* y = labels, r = rows)
            {
                _features = f;
                _parameters = p;
                _labels = y;
                _rows = r;
                try
                {
                    runner.Run(chunks, this);
                }
                finally
                {
                    _features = _parameters = null;
                    _labels = _rows = null;
                }
            }
            // Fixed order: chunk 0, 1, 2, … whatever thread computed each.
            gradient.Clear();
            double loss = 0;
            for (int c = 0; c < chunks; c++)
            {
                SpanMath.Axpy(T.One, _partials.AsSpan(c * _width, _width), gradient);
                loss += _losses[c];
            }
            return loss;
        }

        public void Run(int chunk, int worker)
        {
            int start = chunk * _chunkRows;
            int size = Math.Min(_chunkRows, _count - start);
            int d = _d, k = _k;
            ReadOnlySpan<T> x;
            ReadOnlySpan<int> y;
            if (_gather)
            {
                Span<T> xs = _x[worker].AsSpan(0, size * d);
                Span<int> ys = _y[worker].AsSpan(0, size);
                for (int i = 0; i < size; i++)
                {
                    int row = _rows[start + i];
                    new ReadOnlySpan<T>(_features + (long)row * d, d).CopyTo(xs.Slice(i * d, d));
                    ys[i] = _labels[row];
                }
                x = xs;
                y = ys;
            }
            else
            {
                x = new ReadOnlySpan<T>(_features + (long)start * d, size * d);
                y = new ReadOnlySpan<int>(_labels + start, size);
            }
            ReadOnlySpan<T> w = new(_parameters, k * d), b = new(_parameters + k * d, k);
            Span<T> z = _z[worker].AsSpan(0, size * k), dz = _dz[worker].AsSpan(0, size * k);
            // Logits: z_ik = x_i · W_k + b_k.
            // Four classes at a time share the loads of x_i (the bits of one Dot per class).
            for (int i = 0; i < size; i++)
            {
                ReadOnlySpan<T> xi = x.Slice(i * d, d);
                Span<T> zi = z.Slice(i * k, k);
                int c = 0;
                for (; c + 4 <= k; c += 4)
                {
                    SpanMath.Dot4(xi, w.Slice(c * d, d), w.Slice((c + 1) * d, d), w.Slice((c + 2) * d, d), w.Slice((c + 3) * d, d), zi.Slice(c, 4));
                }
                for (; c < k; c++)
                {
                    zi[c] = SpanMath.Dot(xi, w.Slice(c * d, d));
                }
                for (c = 0; c < k; c++)
                {
                    zi[c] += b[c];
                }
            }
            // The loss: one call over the chunk's rows.
            T chunkLoss = _owner.Loss.Evaluate(z, y, k, dz);
            // Backward: ∂/∂W_k = Σ_i g_ik x_i, ∂/∂b_k = Σ_i g_ik, in row order.
            Span<T> partial = _partials.AsSpan(chunk * _width, _width);
            partial.Clear();
            Span<T> bias = partial.Slice(k * d, k);
            // Two rows at a time share the loads and stores of the partial (the bits of one Axpy per row, in row order).
            int i2 = 0;
            for (; i2 + 2 <= size; i2 += 2)
            {
                ReadOnlySpan<T> xi = x.Slice(i2 * d, d), xj = x.Slice((i2 + 1) * d, d);
                for (int c = 0; c < k; c++)
                {
                    T gi = dz[i2 * k + c], gj = dz[(i2 + 1) * k + c];
                    SpanMath.Axpy2(gi, xi, gj, xj, partial.Slice(c * d, d));
                    bias[c] = (bias[c] + gi) + gj;
                }
            }
            for (; i2 < size; i2++)
            {
                ReadOnlySpan<T> xi = x.Slice(i2 * d, d);
                for (int c = 0; c < k; c++)
                {
                    T g = dz[i2 * k + c];
                    SpanMath.Axpy(g, xi, partial.Slice(c * d, d));
                    bias[c] += g;
                }
            }
            // A mean over the chunk becomes its share of the mean over the batch.
            double share = _mean ? (double)size / _count : 1.0;
            T scale = T.CreateChecked(share);
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
