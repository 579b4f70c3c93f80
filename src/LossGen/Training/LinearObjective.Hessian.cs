using System;
using System.Numerics;

namespace LossGen.Training;

public sealed partial class LinearObjective<T, TLoss>
{
    private HessianWork? _hessianWork;

    /// <summary>
    /// The objective, its gradient and its Hessian [Xᵀ·diag(h)·X + λI, Xᵀh; hᵀX, Σh] (weights then bias; h the loss's
    /// second derivatives in the predictions) in one chunked parallel pass over the rows, deterministic for any thread
    /// count. Chunk partials (gradient and Hessian in T) are added in chunk order within each shard of
    /// <see cref="LinearObjectiveOptions.ShardRows"/> (one shard by default), then the shard totals in shard order —
    /// what <see cref="ShardedObjective{T}"/> computes from <see cref="EvaluatePartialSecondOrder"/> shares, bit for bit.
    /// <paramref name="loss"/> is this objective's <see cref="Loss"/>, typed so that its second-order evaluation can be called.
    /// </summary>
    internal T EvaluateSecondOrder<TSecond>(TSecond loss, ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian)
        where TSecond : struct, ISecondOrderPredictionLoss<T>
    {
        int p = ParameterCount;
        CheckParameters(parameters, gradient.Length);
        if (hessian.Length != p * p)
        {
            throw new ArgumentException($"The model has {p} parameters, so the Hessian has {p * p} values, but {hessian.Length} were given.", nameof(hessian));
        }
        _guard.Enter(this);
        try
        {
            T[] upper = new T[p * p];
            double value = SecondOrderWork(loss).Run(_runner, _features.Span, _targets.Span, parameters, gradient, upper, Count);
            value = L2Penalty.Add(L2, Features, parameters, gradient, value);
            L2Penalty.AddToHessian(L2, Features, upper, hessian);
            return T.CreateChecked(value);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>
    /// This objective's rows as one shard of a larger data set of <paramref name="totalRows"/> rows, with second
    /// derivatives: as <see cref="EvaluatePartial"/>, plus the shard's curvature, the packed upper triangle (row by
    /// row) of Xᵀ·diag(h)·X over the weights and the bias, without the L2 term. Merged by a <see cref="ShardedObjective{T}"/>,
    /// the shares give <see cref="Newton{T}"/> what one objective over all rows with the same
    /// <see cref="LinearObjectiveOptions.ShardRows"/> gives it, bit for bit.
    /// </summary>
    /// <remarks>Called through <see cref="LinearObjectiveSecondOrder.EvaluatePartialSecondOrder{T, TLoss}"/>, which supplies the typed loss.</remarks>
    internal PartialEvaluation<T> EvaluatePartialSecondOrder<TSecond>(TSecond loss, ReadOnlySpan<T> parameters, long totalRows, int shard, long evaluation)
        where TSecond : struct, ISecondOrderPredictionLoss<T>
    {
        CheckParameters(parameters, ParameterCount);
        CheckOneShard();
        ArgumentOutOfRangeException.ThrowIfLessThan(totalRows, (long)Count);
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        int p = ParameterCount;
        var gradient = new T[p];
        var upper = new T[p * p];
        _guard.Enter(this);
        try
        {
            double value = SecondOrderWork(loss).Run(_runner, _features.Span, _targets.Span, parameters, gradient, upper, totalRows);
            return new PartialEvaluation<T>(shard, evaluation, Count, value, gradient, PackUpper(upper, p));
        }
        finally
        {
            _guard.Exit();
        }
    }

    private void CheckParameters(ReadOnlySpan<T> parameters, int gradientLength)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters (weights, then the bias), but {parameters.Length} were given.", nameof(parameters));
        }
        if (gradientLength != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters, but the gradient has {gradientLength} values.", "gradient");
        }
    }

    private HessianWork<TSecond> SecondOrderWork<TSecond>(TSecond loss)
        where TSecond : struct, ISecondOrderPredictionLoss<T>
    {
        var work = (HessianWork<TSecond>)(_hessianWork ??= new HessianWork<TSecond>(this, _runner.Threads, _work.ChunkRows, _work.Shards));
        work.Loss = loss;
        return work;
    }

    /// <summary>The upper triangle of a p × p matrix, row by row: p(p + 1)/2 values.</summary>
    internal static T[] PackUpper(ReadOnlySpan<T> matrix, int p)
    {
        var packed = new T[p * (p + 1) / 2];
        int k = 0;
        for (int i = 0; i < p; i++)
        {
            matrix.Slice(i * p + i, p - i).CopyTo(packed.AsSpan(k));
            k += p - i;
        }
        return packed;
    }

    /// <summary>The non-generic face of <see cref="HessianWork{TSecond}"/>, so that the objective can keep one.</summary>
    private abstract class HessianWork
    {
    }

    /// <summary>
    /// One second-order evaluation's chunked work. Per chunk: forward pass, the loss's second-order kernel (gradient
    /// and second derivative per row), the gradient partial Xᵀ·g and the Hessian partial X̃ᵀ·diag(h)·X̃ (upper
    /// triangle, X̃ = [X 1]) accumulated in T by a register-blocked product over rows padded to whole vectors. Chunks
    /// run in waves of a few per thread so that the per-chunk Hessians take bounded memory; after each wave they are
    /// added in chunk order (within shards, then shard totals), so results do not depend on the thread count.
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
        private readonly ShardLayout? _shards;
        private readonly T[] _shardGradient, _shardHessian;
        private int _count, _first;
        private long _meanRows;
        private bool _mean;

        public HessianWork(LinearObjective<T, TLoss> owner, int threads, int chunkRows, ShardLayout? shards)
        {
            _owner = owner;
            _shards = shards;
            _d = owner.Features;
            _p = _d + 1;
            _chunkRows = chunkRows;
            // Per-chunk Hessians wait for the ordered merge, so a wave's buffers hold wave × p² values: four chunks per
            // thread for load balance, fewer when that passes 64 MB, never fewer than one per thread.
            long perChunk = (long)_p * _p * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
            _wave = (int)Math.Clamp(64L * 1024 * 1024 / perChunk, threads, 4L * threads);
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
            _shardGradient = new T[_p];
            _shardHessian = new T[_p * _p];
        }

        public TSecond Loss { get; set; }

        /// <summary>
        /// The loss, the gradient and the upper triangle of the Hessian (in T; the lower triangle left 0) of all rows,
        /// without L2: chunk partials added in chunk order within each shard, then shard totals in shard order (the
        /// merge of <see cref="PartialEvaluationMerger{T}"/>). A mean is taken over <paramref name="meanRows"/>.
        /// </summary>
        public double Run(ChunkRunner runner, ReadOnlySpan<T> features, ReadOnlySpan<T> targets, ReadOnlySpan<T> parameters, Span<T> gradient, Span<T> upper, long meanRows)
        {
            _count = targets.Length;
            _meanRows = meanRows;
            _mean = Loss.Reduction == Reduction.Mean;
            int chunks = _shards?.Chunks ?? (_count + _chunkRows - 1) / _chunkRows;
            int p = _p;
            gradient.Clear();
            upper.Clear();
            Span<T> shardGradient = _shardGradient, shardHessian = _shardHessian;
            shardGradient.Clear();
            shardHessian.Clear();
            double loss = 0, shardLoss = 0;
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
                            SpanMath.Axpy(T.One, _partials.AsSpan(c * p, p), shardGradient);
                            SpanMath.Axpy(T.One, _hessians.AsSpan(c * p * p, p * p), shardHessian);
                            shardLoss += _losses[c];
                            int chunk = _first + c;
                            if (_shards is null ? chunk == chunks - 1 : _shards.EndsShard(chunk))
                            {
                                SpanMath.Axpy(T.One, shardGradient, gradient);
                                SpanMath.Axpy(T.One, shardHessian, upper);
                                loss += shardLoss;
                                shardGradient.Clear();
                                shardHessian.Clear();
                                shardLoss = 0;
                            }
                        }
                    }
                }
                finally
                {
                    _features = _targets = _parameters = null;
                }
            }
            return loss;
        }

        public void Run(int slot, int worker)
        {
            int chunk = _first + slot;
            (int start, int size) = _shards?.Extent(chunk) ?? (chunk * _chunkRows, Math.Min(_chunkRows, _count - chunk * _chunkRows));
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
            double share = _mean ? (double)size / _meanRows : 1.0;
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

/// <summary>Second-order evaluations of a <see cref="LinearObjective{T, TLoss}"/> whose loss has second derivatives.</summary>
public static class LinearObjectiveSecondOrder
{
    /// <summary>
    /// The objective's rows as one shard of a larger data set of <paramref name="totalRows"/> rows, with the shard's
    /// curvature: the sum of its losses and gradients (as <see cref="LinearObjective{T, TLoss}.EvaluatePartial"/>) and
    /// the packed upper triangle (row by row) of Xᵀ·diag(h)·X over the weights and the bias, without the L2 term.
    /// Merged by a <see cref="ShardedObjective{T}"/>, the shares give <see cref="Newton{T}"/> bit for bit what one
    /// objective over all rows with the same <see cref="LinearObjectiveOptions.ShardRows"/> gives it.
    /// </summary>
    /// <param name="objective">The shard's objective (one shard: no ShardRows of its own).</param>
    /// <param name="parameters">The weights, then the bias.</param>
    /// <param name="totalRows">The rows of the whole data set, at least the objective's rows.</param>
    /// <param name="shard">This shard's number, recorded in the result.</param>
    /// <param name="evaluation">The evaluation being answered, recorded in the result.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalRows"/> is below the objective's rows, or <paramref name="shard"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">Another thread is evaluating this objective, or it has ShardRows of its own.</exception>
    public static PartialEvaluation<T> EvaluatePartialSecondOrder<T, TLoss>(this LinearObjective<T, TLoss> objective, ReadOnlySpan<T> parameters, long totalRows, int shard, long evaluation)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, ISecondOrderPredictionLoss<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        return objective.EvaluatePartialSecondOrder(objective.Loss, parameters, totalRows, shard, evaluation);
    }
}
