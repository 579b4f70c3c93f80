using System;
using System.Numerics;

namespace LossGen.Training;

public sealed partial class LinearObjective<T, TLoss>
{
    private HessianWork? _hessianWork;

    /// <summary>
    /// The objective, its gradient and its Hessian [Xᵀ·diag(h)·X + λI, Xᵀh; hᵀX, Σh] (weights then bias; h the loss's
    /// second derivatives in the predictions) in one chunked parallel pass over the rows, deterministic for any thread
    /// count: chunks are merged in chunk order. <paramref name="loss"/> is this objective's <see cref="Loss"/>, typed
    /// so that its second-order evaluation can be called.
    /// </summary>
    internal T EvaluateSecondOrder<TSecond>(TSecond loss, ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian)
        where TSecond : struct, ISecondOrderPredictionLoss<T>
    {
        int p = ParameterCount;
        if (parameters.Length != p)
        {
            throw new ArgumentException($"The model has {p} parameters (weights, then the bias), but {parameters.Length} were given.", nameof(parameters));
        }
        if (gradient.Length != p)
        {
            throw new ArgumentException($"The model has {p} parameters, but the gradient has {gradient.Length} values.", nameof(gradient));
        }
        if (hessian.Length != p * p)
        {
            throw new ArgumentException($"The model has {p} parameters, so the Hessian has {p * p} values, but {hessian.Length} were given.", nameof(hessian));
        }
        _guard.Enter(this);
        try
        {
            var work = (HessianWork<TSecond>)(_hessianWork ??= new HessianWork<TSecond>(this, _runner.Threads, _work.ChunkRows));
            work.Loss = loss;
            double value = work.Run(_runner, _features.Span, _targets.Span, parameters, gradient, hessian);
            if (L2 > 0)
            {
                T lambda = T.CreateChecked(L2);
                T penalty = T.Zero;
                for (int j = 0; j < Features; j++)
                {
                    penalty += parameters[j] * parameters[j];
                    gradient[j] += lambda * parameters[j];
                    hessian[j * p + j] += L2;
                }
                value += L2 / 2 * double.CreateChecked(penalty);
            }
            return T.CreateChecked(value);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>The non-generic face of <see cref="HessianWork{TSecond}"/>, so that the objective can keep one.</summary>
    private abstract class HessianWork
    {
    }

    /// <summary>
    /// One second-order evaluation's chunked work. Per chunk: forward pass, the loss's second-order kernel (gradient
    /// and second derivative per row), the gradient partial Xᵀ·g and the Hessian partial X̃ᵀ·diag(h)·X̃ (upper
    /// triangle, X̃ = [X 1]) accumulated in T two rows at a time. Chunks run in waves of a few per thread so that
    /// the per-chunk Hessians take bounded memory; after each wave they are added into the result in chunk order, in
    /// double, so results do not depend on the thread count.
    /// </summary>
    private sealed unsafe class HessianWork<TSecond> : HessianWork, IChunkWork
        where TSecond : struct, ISecondOrderPredictionLoss<T>
    {
        private readonly LinearObjective<T, TLoss> _owner;
        private readonly int _chunkRows, _d, _p, _wave;
        private readonly T[][] _z, _dz, _h;
        private readonly T[] _partials, _hessians;
        private readonly double[] _losses;
        private T* _features, _targets, _parameters;
        private int _count, _first;
        private bool _mean;

        public HessianWork(LinearObjective<T, TLoss> owner, int threads, int chunkRows)
        {
            _owner = owner;
            _d = owner.Features;
            _p = _d + 1;
            _chunkRows = chunkRows;
            _wave = 4 * threads;
            _z = new T[threads][];
            _dz = new T[threads][];
            _h = new T[threads][];
            for (int t = 0; t < threads; t++)
            {
                _z[t] = new T[_chunkRows];
                _dz[t] = new T[_chunkRows];
                _h[t] = new T[_chunkRows];
            }
            _partials = new T[_wave * _p];
            _hessians = new T[_wave * _p * _p];
            _losses = new double[_wave];
        }

        public TSecond Loss { get; set; }

        public double Run(ChunkRunner runner, ReadOnlySpan<T> features, ReadOnlySpan<T> targets, ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian)
        {
            _count = targets.Length;
            _mean = Loss.Reduction == Reduction.Mean;
            int chunks = (_count + _chunkRows - 1) / _chunkRows;
            int p = _p;
            gradient.Clear();
            hessian.Clear();
            double loss = 0;
            fixed (T* f = features, y = targets, w = parameters)
            {
                _features = f;
                _targets = y;
                _parameters = w;
                try
                {
                    for (_first = 0; _first < chunks; _first += _wave)
                    {
                        int wave = Math.Min(_wave, chunks - _first);
                        runner.Run(wave, this);
                        // Fixed order: chunk _first, _first + 1, … whatever thread computed each.
                        for (int c = 0; c < wave; c++)
                        {
                            SpanMath.Axpy(T.One, _partials.AsSpan(c * p, p), gradient);
                            loss += _losses[c];
                            ReadOnlySpan<T> chunkHessian = _hessians.AsSpan(c * p * p, p * p);
                            for (int i = 0; i < p; i++)
                            {
                                for (int j = i; j < p; j++)
                                {
                                    hessian[i * p + j] += double.CreateChecked(chunkHessian[i * p + j]);
                                }
                            }
                        }
                    }
                }
                finally
                {
                    _features = _targets = _parameters = null;
                }
            }
            for (int i = 0; i < p; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    hessian[i * p + j] = hessian[j * p + i];
                }
            }
            return loss;
        }

        public void Run(int slot, int worker)
        {
            int chunk = _first + slot;
            int start = chunk * _chunkRows;
            int size = Math.Min(_chunkRows, _count - start);
            int d = _d, p = _p;
            ReadOnlySpan<T> x = new(_features + (long)start * d, size * d);
            ReadOnlySpan<T> y = new(_targets + start, size);
            ReadOnlySpan<T> w = new(_parameters, d);
            T b = _parameters[d];
            Span<T> z = _z[worker].AsSpan(0, size), dz = _dz[worker].AsSpan(0, size), h = _h[worker].AsSpan(0, size);
            for (int i = 0; i < size; i++)
            {
                z[i] = SpanMath.Dot(x.Slice(i * d, d), w) + b;
            }
            // The generated kernel with second derivatives: one call over the chunk's spans.
            T chunkLoss = Loss.Evaluate(z, y, dz, h);
            double share = _mean ? (double)size / _count : 1.0;
            T scale = T.CreateChecked(share);
            Span<T> partial = _partials.AsSpan(slot * p, p);
            LinearModel.ReduceRows(x, dz, d, partial);
            Span<T> hessian = _hessians.AsSpan(slot * p * p, p * p);
            hessian.Clear();
            // Upper triangle of Σ_i h_i x̃_i x̃_iᵀ, x̃_i = [x_i, 1]: row j gets h_i x_ij · x̃_i[j..], two rows of data at a time.
            int r = 0;
            for (; r + 2 <= size; r += 2)
            {
                ReadOnlySpan<T> xi = x.Slice(r * d, d), xk = x.Slice((r + 1) * d, d);
                T hi = h[r], hk = h[r + 1];
                for (int j = 0; j < d; j++)
                {
                    T ai = hi * xi[j], ak = hk * xk[j];
                    SpanMath.Axpy2(ai, xi[j..], ak, xk[j..], hessian.Slice(j * p + j, d - j));
                    hessian[j * p + d] = (hessian[j * p + d] + ai) + ak;
                }
                hessian[d * p + d] = (hessian[d * p + d] + hi) + hk;
            }
            for (; r < size; r++)
            {
                ReadOnlySpan<T> xi = x.Slice(r * d, d);
                T hi = h[r];
                for (int j = 0; j < d; j++)
                {
                    T ai = hi * xi[j];
                    SpanMath.Axpy(ai, xi[j..], hessian.Slice(j * p + j, d - j));
                    hessian[j * p + d] += ai;
                }
                hessian[d * p + d] += hi;
            }
            if (scale != T.One)
            {
                foreach (ref T v in partial)
                {
                    v *= scale;
                }
                foreach (ref T v in hessian)
                {
                    v *= scale;
                }
            }
            _losses[slot] = double.CreateChecked(chunkLoss) * share;
        }
    }
}
