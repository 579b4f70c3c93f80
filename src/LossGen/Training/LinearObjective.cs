using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>Settings of a <see cref="LinearObjective{T, TLoss}"/>.</summary>
public sealed record LinearObjectiveOptions
{
    /// <summary>λ of the L2 penalty λ/2 ‖w‖² added to the loss (the bias is not penalized); ≥ 0.</summary>
    public double L2 { get; init; }

    /// <summary>Threads for a batch; 0 (the default) uses all cores, and more than <see cref="Environment.ProcessorCount"/> is clamped to it.</summary>
    public int Threads { get; init; }

    /// <summary>Rows per chunk (default 1024). Results depend on it, never on the thread count.</summary>
    public int ChunkRows { get; init; } = 1024;

    /// <summary>
    /// The data set as consecutive shards, by the row count of each (they must add up to the row count); null (the
    /// default) is one shard. A full-batch evaluation sums each shard's chunks in chunk order, chunks starting afresh
    /// at every shard, then the shard totals in shard order: exactly what merging the <see cref="PartialEvaluation{T}"/>
    /// of each shard evaluated on its own gives, so a distributed run over these shards is bit-identical to this
    /// objective. Mini-batch evaluations ignore it.
    /// </summary>
    public System.Collections.Generic.IReadOnlyList<int>? ShardRows { get; init; }
}

/// <summary>
/// A linear model z = X·w + b trained with a generated element-wise loss: regression with any
/// <see cref="IPredictionLoss{T}"/> (e.g. <c>Losses.MseLossFunction</c>, <c>Losses.HuberLossFunction</c>), binary
/// classification with <c>Losses.BceWithLogitsLossFunction</c>. Parameters are the d weights followed by the
/// bias. The objective is the loss (its mean or sum over the batch, as the loss declares) plus λ/2 ‖w‖².
/// </summary>
/// <remarks>
/// A batch is cut into chunks of <see cref="LinearObjectiveOptions.ChunkRows"/> rows. Each chunk runs the
/// forward pass, the generated loss kernel (one call over the chunk's spans) and the backward pass Xᵀ·g
/// into its own buffer, on up to <see cref="LinearObjectiveOptions.Threads"/> threads; the buffers are
/// added in chunk order, so results are bit-identical for any thread count. All buffers are allocated by
/// the constructor: evaluations allocate nothing. Dispose it to stop its worker threads. One evaluation
/// at a time: an instance is not safe for concurrent calls (its buffers are shared) and reports one with an
/// <see cref="InvalidOperationException"/>; give each thread its own. <see cref="LinearObjective.Create{T, TLoss}(T[], int, T[], TLoss, LinearObjectiveOptions?)"/>
/// infers the type arguments.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TLoss">The loss; a generated <c>{Method}Function</c> struct.</typeparam>
public sealed partial class LinearObjective<T, TLoss> : IBatchObjective<T>, IObjective<T>, IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : struct, IPredictionLoss<T>
{
    private readonly ReadOnlyMemory<T> _features;
    private readonly ReadOnlyMemory<T> _targets;
    private readonly ChunkRunner _runner;
    private readonly ChunkWork _work;
    private UsageGuard _guard;

    /// <summary>Creates the objective over a data set held row-major in one block.</summary>
    /// <param name="features">The design matrix X, row-major: n rows × <paramref name="columns"/> features, all finite. Not copied: keep it unchanged while the objective is used.</param>
    /// <param name="columns">The number of features d per row, ≥ 1 (given, never inferred).</param>
    /// <param name="targets">The n targets, finite and in the loss's domain (e.g. [0, 1] for binary cross-entropy).</param>
    /// <param name="loss">The loss (a generated struct, with its fixed scalars set).</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">The features are not n × <paramref name="columns"/> values, or a value is NaN, infinite or outside the loss's domain.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/> or an option is out of range.</exception>
    public LinearObjective(ReadOnlyMemory<T> features, int columns, ReadOnlyMemory<T> targets, TLoss loss, LinearObjectiveOptions? options = null)
    {
        options ??= new LinearObjectiveOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (targets.Length == 0)
        {
            throw new ArgumentException("There are no targets.", nameof(targets));
        }
        if ((long)targets.Length * columns != features.Length)
        {
            throw new ArgumentException(
                $"The design matrix has {features.Length} values, but {targets.Length} targets × {columns} columns = {(long)targets.Length * columns} were expected.", nameof(features));
        }
        if (!(options.L2 >= 0) || double.IsInfinity(options.L2))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.L2, "L2 must be finite and non-negative.");
        }
        if (options.Threads < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "Threads must be 0 (all cores) or positive.");
        }
        if (options.ChunkRows < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ChunkRows, "ChunkRows must be at least 1.");
        }
        CheckShards(options.ShardRows, targets.Length);
        int bad = StateIO.FirstNonFinite(features.Span);
        if (bad >= 0)
        {
            throw new ArgumentException($"features[{bad}] (row {bad / columns}, column {bad % columns}) is {features.Span[bad]}; every feature must be finite.", nameof(features));
        }
        StateIO.CheckFinite(targets.Span, nameof(targets));
        TargetDomain.Check<T, TLoss>(targets.Span, nameof(targets));
        TargetDomain.CheckHyperParameters(loss, nameof(loss));
        _features = features;
        _targets = targets;
        Features = columns;
        L2 = options.L2;
        Loss = loss;
        // More threads than cores only adds switching: clamp, so that code written for a larger machine runs
        // unchanged on a smaller one (results do not depend on the thread count, which is tested).
        int threads = options.Threads == 0 ? Environment.ProcessorCount : Math.Min(options.Threads, Environment.ProcessorCount);
        _runner = new ChunkRunner(threads);
        _work = new ChunkWork(this, threads, options.ChunkRows, options.ShardRows);
    }

    /// <summary>Creates the objective over a two-dimensional design matrix: one row per example, one column per feature.</summary>
    /// <param name="features">The design matrix X, n rows × d columns, all finite. Not copied: keep it unchanged while the objective is used.</param>
    /// <param name="targets">The n targets, finite and in the loss's domain.</param>
    /// <param name="loss">The loss (a generated struct, with its fixed scalars set).</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">The matrix has another number of rows than there are targets, no columns, or a value is NaN, infinite or outside the loss's domain.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public LinearObjective(T[,] features, ReadOnlyMemory<T> targets, TLoss loss, LinearObjectiveOptions? options = null)
        : this(Matrix(features, targets.Length), features.GetLength(1), targets, loss, options)
    {
    }

    private static ReadOnlyMemory<T> Matrix(T[,] features, int targets)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.GetLength(0) != targets)
        {
            throw new ArgumentException($"The design matrix has {features.GetLength(0)} rows, but there are {targets} targets.", nameof(features));
        }
        if (features.GetLength(1) == 0)
        {
            throw new ArgumentException("The design matrix has no columns.", nameof(features));
        }
        return new MatrixMemory<T>(features).Memory;
    }

    /// <summary>The number of features d.</summary>
    public int Features { get; }

    /// <summary>λ of the L2 penalty.</summary>
    public double L2 { get; }

    /// <summary>The loss.</summary>
    public TLoss Loss { get; }

    /// <inheritdoc/>
    public int Count => _targets.Length;

    /// <inheritdoc/>
    public int ParameterCount => Features + 1;

    /// <summary>The objective over all examples.</summary>
    public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient) => Evaluate(parameters, default, gradient);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">A span has the wrong length, or a row index is out of range.</exception>
    /// <exception cref="InvalidOperationException">Another thread is evaluating this objective: it is not safe for concurrent use.</exception>
    public T Evaluate(ReadOnlySpan<T> parameters, ReadOnlySpan<int> rows, Span<T> gradient)
    {
        _guard.Enter(this);
        try
        {
            return EvaluateGuarded(parameters, rows, gradient);
        }
        finally
        {
            _guard.Exit();
        }
    }

    private T EvaluateGuarded(ReadOnlySpan<T> parameters, ReadOnlySpan<int> rows, Span<T> gradient)
    {
        CheckParameters(parameters, gradient.Length);
        foreach (int row in rows)
        {
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentException($"Row {row} is outside the data set's {Count} rows.", nameof(rows));
            }
        }
        double loss = _work.Run(_runner, _features.Span, _targets.Span, parameters, rows, gradient, rows.IsEmpty ? Count : rows.Length);
        return T.CreateChecked(L2Penalty.Add(L2, Features, parameters, gradient, loss));
    }

    /// <summary>The model's outputs z = X·w + b for the rows of <paramref name="features"/> (row-major, d per row).</summary>
    /// <exception cref="ArgumentException">A span's length does not fit.</exception>
    public void Predict(ReadOnlySpan<T> parameters, ReadOnlySpan<T> features, Span<T> output)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters, but {parameters.Length} were given.", nameof(parameters));
        }
        LinearModel.Predict(features, parameters[..Features], parameters[Features], output);
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose() => _runner.Dispose();
}

/// <summary>Creates <see cref="LinearObjective{T, TLoss}"/> instances with the element and loss types inferred, so that the loss type is written once.</summary>
public static class LinearObjective
{
    /// <summary>
    /// A linear model over a row-major design matrix of <paramref name="columns"/> features per row:
    /// <c>LinearObjective.Create(features, 30, labels, new Losses.BceWithLogitsLossFunction(posWeight: 1))</c>.
    /// </summary>
    /// <param name="features">n rows × <paramref name="columns"/> features, row-major, all finite.</param>
    /// <param name="columns">The number of features per row, ≥ 1.</param>
    /// <param name="targets">The n targets, finite and in the loss's domain.</param>
    /// <param name="loss">The loss (a generated struct).</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">A shape does not fit, or a value is NaN, infinite or outside the loss's domain.</exception>
    public static LinearObjective<T, TLoss> Create<T, TLoss>(T[] features, int columns, T[] targets, TLoss loss, LinearObjectiveOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T> =>
        new(features, columns, targets, loss, options);

    /// <summary>A linear model over a row-major design matrix given as memory; see <see cref="Create{T, TLoss}(T[], int, T[], TLoss, LinearObjectiveOptions?)"/>.</summary>
    /// <param name="features">n rows × <paramref name="columns"/> features, row-major, all finite.</param>
    /// <param name="columns">The number of features per row, ≥ 1.</param>
    /// <param name="targets">The n targets, finite and in the loss's domain.</param>
    /// <param name="loss">The loss (a generated struct).</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">A shape does not fit, or a value is NaN, infinite or outside the loss's domain.</exception>
    public static LinearObjective<T, TLoss> Create<T, TLoss>(ReadOnlyMemory<T> features, int columns, ReadOnlyMemory<T> targets, TLoss loss, LinearObjectiveOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T> =>
        new(features, columns, targets, loss, options);

    /// <summary>A linear model over a two-dimensional design matrix (rows are examples, columns are features).</summary>
    /// <param name="features">n rows × d columns, all finite.</param>
    /// <param name="targets">The n targets, finite and in the loss's domain.</param>
    /// <param name="loss">The loss (a generated struct).</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">A shape does not fit, or a value is NaN, infinite or outside the loss's domain.</exception>
    public static LinearObjective<T, TLoss> Create<T, TLoss>(T[,] features, T[] targets, TLoss loss, LinearObjectiveOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T> =>
        new(features, targets, loss, options);
}
