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
    /// triangle, X̃ = [X 1]) accumulated in T by a register-blocked product over rows padded to whole vectors. Chunks run in waves of a few per thread so that
    /// the per-chunk Hessians take bounded memory; after each wave they are added into the result in chunk order, in
    /// double, so results do not depend on the thread count.
    /// </summary>
    private sealed unsafe class HessianWork<TSecond> : HessianWork, IChunkWork
        where TSecond : struct, ISecondOrderPredictionLoss<T>
    {
        private readonly LinearObjective<T, TLoss> _owner;
        private readonly int _chunkRows, _d, _p, _wave;
        private readonly T[][] _z, _dz, _h, _xPadded, _hxPadded, _gram;
        private readonly int _paddedColumns, _paddedRows;
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
            // X padded to whole vectors per row, h ⊙ X padded to blocks of four rows of the Hessian.
            _paddedColumns = (_d + Vector<T>.Count - 1) / Vector<T>.Count * Vector<T>.Count;
            _paddedRows = (_d + 3) / 4 * 4;
            _z = new T[threads][];
            _dz = new T[threads][];
            _h = new T[threads][];
            _xPadded = new T[threads][];
            _hxPadded = new T[threads][];
            _gram = new T[threads][];
            for (int t = 0; t < threads; t++)
            {
                _z[t] = new T[_chunkRows];
                _dz[t] = new T[_chunkRows];
                _h[t] = new T[_chunkRows];
                _xPadded[t] = new T[_chunkRows * _paddedColumns];
                _hxPadded[t] = new T[_chunkRows * _paddedRows];
                _gram[t] = new T[_paddedRows * _paddedColumns];
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
            // Upper triangle of Σ_i h_i x̃_i x̃_iᵀ, x̃_i = [x_i, 1]: the d × d block by a register-blocked product
            // (h ⊙ X)ᵀ·X, the bias row and corner as sums of h_i x_ij and h_i, all in row order.
            int dp = _paddedColumns, dj = _paddedRows;
            Span<T> xPadded = _xPadded[worker].AsSpan(0, size * dp), hx = _hxPadded[worker].AsSpan(0, size * dj);
            Span<T> biasRow = hessian.Slice(d * p, p); // scratch for Σ h_i x_ij until copied to column d
            T hSum = T.Zero;
            for (int i = 0; i < size; i++)
            {
                ReadOnlySpan<T> xi = x.Slice(i * d, d);
                xi.CopyTo(xPadded.Slice(i * dp, d));
                Span<T> hxi = hx.Slice(i * dj, d);
                T hi = h[i];
                SpanMath.Scale(hi, xi, hxi);               // h_i x_i
                SpanMath.Axpy(T.One, hxi, biasRow[..d]);   // Σ_i h_i x_ij, row by row
                hSum += hi;
            }
            Span<T> gram = _gram[worker];
            WeightedGram(xPadded, hx, size, d, dp, dj, gram);
            for (int j = 0; j < d; j++)
            {
                gram.Slice(j * dp + j, d - j).CopyTo(hessian.Slice(j * p + j, d - j));
                hessian[j * p + d] = biasRow[j];
            }
            biasRow.Clear();
            hessian[d * p + d] = hSum;
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

        /// <summary>
        /// gram[j, k] = Σ_i hx[i, j] · x[i, k] for j &lt; d and the k of the blocks at or right of the diagonal: four rows
        /// of the result at a time, one vector of columns, accumulated over all rows in registers (x row-major with
        /// stride <paramref name="dp"/>, padded with zeros; hx with stride <paramref name="dj"/>, rows past d unused).
        /// </summary>
        private static void WeightedGram(ReadOnlySpan<T> x, ReadOnlySpan<T> hx, int size, int d, int dp, int dj, Span<T> gram)
        {
            int width = Vector<T>.Count;
            ref T xr = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(x);
            ref T hr = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(hx);
            ref T gr = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(gram);
            for (int j0 = 0; j0 < d; j0 += 4)
            {
                int k0 = j0 / width * width;
                // Four rows × two vectors of columns: eight independent accumulators hide the add latency.
                for (; k0 + 2 * width <= dp; k0 += 2 * width)
                {
                    Vector<T> a0 = Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = Vector<T>.Zero, a3 = Vector<T>.Zero;
                    Vector<T> b0 = Vector<T>.Zero, b1 = Vector<T>.Zero, b2 = Vector<T>.Zero, b3 = Vector<T>.Zero;
                    for (int i = 0; i < size; i++)
                    {
                        Vector<T> xa = Vector.LoadUnsafe(ref xr, (nuint)(i * dp + k0));
                        Vector<T> xb = Vector.LoadUnsafe(ref xr, (nuint)(i * dp + k0 + width));
                        nuint row = (nuint)(i * dj + j0);
                        var h0 = new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row));
                        var h1 = new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row + 1));
                        var h2 = new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row + 2));
                        var h3 = new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row + 3));
                        a0 += h0 * xa;
                        b0 += h0 * xb;
                        a1 += h1 * xa;
                        b1 += h1 * xb;
                        a2 += h2 * xa;
                        b2 += h2 * xb;
                        a3 += h3 * xa;
                        b3 += h3 * xb;
                    }
                    a0.StoreUnsafe(ref gr, (nuint)(j0 * dp + k0));
                    b0.StoreUnsafe(ref gr, (nuint)(j0 * dp + k0 + width));
                    a1.StoreUnsafe(ref gr, (nuint)((j0 + 1) * dp + k0));
                    b1.StoreUnsafe(ref gr, (nuint)((j0 + 1) * dp + k0 + width));
                    a2.StoreUnsafe(ref gr, (nuint)((j0 + 2) * dp + k0));
                    b2.StoreUnsafe(ref gr, (nuint)((j0 + 2) * dp + k0 + width));
                    a3.StoreUnsafe(ref gr, (nuint)((j0 + 3) * dp + k0));
                    b3.StoreUnsafe(ref gr, (nuint)((j0 + 3) * dp + k0 + width));
                }
                for (; k0 < dp; k0 += width)
                {
                    Vector<T> a0 = Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = Vector<T>.Zero, a3 = Vector<T>.Zero;
                    for (int i = 0; i < size; i++)
                    {
                        Vector<T> xv = Vector.LoadUnsafe(ref xr, (nuint)(i * dp + k0));
                        nuint row = (nuint)(i * dj + j0);
                        a0 += new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row)) * xv;
                        a1 += new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row + 1)) * xv;
                        a2 += new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row + 2)) * xv;
                        a3 += new Vector<T>(System.Runtime.CompilerServices.Unsafe.Add(ref hr, row + 3)) * xv;
                    }
                    a0.StoreUnsafe(ref gr, (nuint)(j0 * dp + k0));
                    a1.StoreUnsafe(ref gr, (nuint)((j0 + 1) * dp + k0));
                    a2.StoreUnsafe(ref gr, (nuint)((j0 + 2) * dp + k0));
                    a3.StoreUnsafe(ref gr, (nuint)((j0 + 3) * dp + k0));
                }
            }
        }
    }
}
