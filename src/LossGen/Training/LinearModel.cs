using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// The linear model z = X·w + b over a row-major design matrix X (n rows × d features): the
/// forward pass and the chain rule's backward pass (∂L/∂w = Xᵀ·g, ∂L/∂b = Σ g for the gradient g = ∂L/∂z
/// that a generated loss writes). Both are vectorized; the backward pass can run on several threads
/// and gives bit-identical results for any thread count (see <see cref="LinearWorkspace{T}"/>).
/// </summary>
public static class LinearModel
{
    /// <summary>z_i = x_i · w + b for every row i.</summary>
    /// <exception cref="ArgumentException">A span's length does not fit n × d.</exception>
    public static void Predict<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> weights, T bias, Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int d = weights.Length;
        CheckShape(x, d, output.Length, nameof(output));
        for (int row = 0; row < output.Length; row++)
        {
            output[row] = SpanMath.Dot(x.Slice(row * d, d), weights) + bias;
        }
    }

    /// <summary>
    /// ∂L/∂w = Xᵀ·g into <paramref name="weightGradient"/> (overwritten) and returns ∂L/∂b = Σ g, on
    /// up to <see cref="LinearWorkspace{T}.Threads"/> threads. Rows are cut into chunks of
    /// <see cref="LinearWorkspace{T}.ChunkRows"/> whatever the thread count, each chunk is reduced
    /// into its own buffer and the buffers are added in chunk order, so the result is the same bit for
    /// bit on 1 thread and on N.
    /// </summary>
    /// <exception cref="ArgumentException">A span's length does not fit n × d.</exception>
    public static T Backward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> outputGradient, Span<T> weightGradient, LinearWorkspace<T> workspace)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentNullException.ThrowIfNull(workspace);
        int d = weightGradient.Length;
        int n = outputGradient.Length;
        CheckShape(x, d, n, nameof(outputGradient));
        int chunks = (n + workspace.ChunkRows - 1) / workspace.ChunkRows;
        Span<T> partial = workspace.Partials(chunks, d + 1);
        if (workspace.Threads <= 1 || chunks <= 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                ReduceChunk(x, outputGradient, d, c, workspace.ChunkRows, partial.Slice(c * (d + 1), d + 1));
            }
        }
        else
        {
            workspace.RunParallel(x, outputGradient, d, chunks);
        }
        weightGradient.Clear();
        T biasGradient = T.Zero;
        for (int c = 0; c < chunks; c++)
        {
            ReadOnlySpan<T> chunk = partial.Slice(c * (d + 1), d + 1);
            SpanMath.Axpy(T.One, chunk.Slice(0, d), weightGradient);
            biasGradient += chunk[d];
        }
        return biasGradient;
    }

    internal static void ReduceChunk<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, int d, int chunk, int chunkRows, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int start = chunk * chunkRows;
        int end = Math.Min(g.Length, start + chunkRows);
        ReduceRows(x.Slice(start * d, (end - start) * d), g.Slice(start, end - start), d, result);
    }

    /// <summary>result[0..d) = Σ_i g_i x_i and result[d] = Σ_i g_i over the rows of <paramref name="x"/>, in row order.</summary>
    internal static void ReduceRows<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, int d, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        result.Clear();
        T bias = T.Zero;
        for (int row = 0; row < g.Length; row++)
        {
            SpanMath.Axpy(g[row], x.Slice(row * d, d), result.Slice(0, d));
            bias += g[row];
        }
        result[d] = bias;
    }

    private static void CheckShape<T>(ReadOnlySpan<T> x, int features, int rows, string rowsName)
    {
        if (features <= 0)
        {
            throw new ArgumentException("The model needs at least one feature (weights must not be empty).", "weights");
        }
        if ((long)rows * features != x.Length)
        {
            throw new ArgumentException($"The design matrix has {x.Length} values, but '{rowsName}' implies {rows} rows × {features} features = {(long)rows * features}.", "x");
        }
    }
}

/// <summary>
/// Scratch buffers and worker threads for <see cref="LinearModel.Backward"/>; reuse one across steps so
/// that training steps allocate nothing after the first, and dispose it to stop its threads.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public sealed class LinearWorkspace<T> : IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private T[] _partials = Array.Empty<T>();
    private readonly ChunkRunner _runner;
    private readonly ChunkWork _work = new();

    /// <summary>Creates a workspace.</summary>
    /// <param name="threads">Threads for the backward pass, 1 to <see cref="Environment.ProcessorCount"/> (default: all).</param>
    /// <param name="chunkRows">Rows per chunk, ≥ 1 (default 2048). Results depend on it, not on the thread count.</param>
    public LinearWorkspace(int threads = 0, int chunkRows = 2048)
    {
        if (threads < 0 || threads > Environment.ProcessorCount)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, $"threads must be 0 (all) to {Environment.ProcessorCount}.");
        }
        Threads = threads == 0 ? Environment.ProcessorCount : threads;
        ChunkRows = chunkRows >= 1 ? chunkRows : throw new ArgumentOutOfRangeException(nameof(chunkRows), chunkRows, "chunkRows must be at least 1.");
        _runner = new ChunkRunner(Threads);
    }

    /// <summary>The number of threads used.</summary>
    public int Threads { get; }

    /// <summary>Rows per chunk.</summary>
    public int ChunkRows { get; }

    internal Span<T> Partials(int chunks, int width)
    {
        int length = chunks * width;
        if (_partials.Length < length)
        {
            _partials = new T[length];
        }
        return _partials.AsSpan(0, length);
    }

    internal unsafe void RunParallel(ReadOnlySpan<T> x, ReadOnlySpan<T> g, int d, int chunks)
    {
        fixed (T* xp = x)
        fixed (T* gp = g)
        {
            _work.Set(xp, x.Length, gp, g.Length, d, ChunkRows, _partials);
            try
            {
                _runner.Run(chunks, _work);
            }
            finally
            {
                _work.Set(null, 0, null, 0, 0, 0, Array.Empty<T>());
            }
        }
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose() => _runner.Dispose();

    private sealed unsafe class ChunkWork : IChunkWork
    {
        private T* _x, _g;
        private int _xLength, _gLength, _d, _chunkRows;
        private T[] _partials = Array.Empty<T>();

        public void Set(T* x, int xLength, T* g, int gLength, int d, int chunkRows, T[] partials)
        {
            _x = x;
            _g = g;
            (_xLength, _gLength, _d, _chunkRows, _partials) = (xLength, gLength, d, chunkRows, partials);
        }

        public void Run(int chunk, int worker) => LinearModel.ReduceChunk(
            new ReadOnlySpan<T>(_x, _xLength), new ReadOnlySpan<T>(_g, _gLength), _d, chunk, _chunkRows, _partials.AsSpan(chunk * (_d + 1), _d + 1));
    }
}
