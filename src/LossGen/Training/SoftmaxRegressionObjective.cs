using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>Settings of a <see cref="SoftmaxRegressionObjective{T, TLoss}"/>.</summary>
public sealed record SoftmaxRegressionOptions
{
    /// <summary>λ of the L2 penalty λ/2 ‖W‖² over the K × d weights added to the loss (the K biases are not penalized); ≥ 0.</summary>
    public double L2 { get; init; }

    /// <summary>Threads for a batch; 0 (the default) uses all cores, and more than <see cref="Environment.ProcessorCount"/> is clamped to it.</summary>
    public int Threads { get; init; }

    /// <summary>Rows per chunk (default 1024). Results depend on it, never on the thread count.</summary>
    public int ChunkRows { get; init; } = 1024;
}

/// <summary>
/// Softmax (multinomial logistic) regression: K linear scores z = W·x + b per example, trained with a multi-class
/// loss over them (<see cref="IClassificationLoss{T}"/>, e.g. softmax cross-entropy) against one class index per
/// example. The objective is the loss (its mean or sum over the batch, as the loss declares) plus λ/2 ‖W‖².
/// </summary>
/// <remarks>
/// <para><b>Parameters</b> (<see cref="ParameterCount"/> = K·(d + 1)): the K × d weights row-major, class by class
/// (the weight of feature j for class k at index k·d + j), then the K biases (class k's at K·d + k). The biases are
/// not penalized, so the objective does not change when the same constant is added to every bias: the optimum's
/// biases are determined up to that common shift (every gradient's bias part sums to zero over the classes for a
/// softmax loss, so L-BFGS and SGD keep a zero bias sum; compare two fits after centring their biases).</para>
/// <para>A batch is cut into chunks of <see cref="SoftmaxRegressionOptions.ChunkRows"/> rows. Each chunk gathers its
/// rows (mini-batches), computes its n × K logits X·Wᵀ + b, calls the loss once over them and accumulates the
/// gradient Gᵀ·X into its own buffer, on up to <see cref="SoftmaxRegressionOptions.Threads"/> threads; the buffers
/// are added in chunk order, so results are bit-identical for any thread count. A Mean loss over a chunk is weighted
/// by chunk size ÷ batch size, so the result is the mean over the batch. All buffers are allocated by the
/// constructor: evaluations allocate nothing. Dispose it to stop its worker threads. One evaluation at a time: an
/// instance is not safe for concurrent calls and reports one with an <see cref="InvalidOperationException"/>.
/// <see cref="Predict"/> and <see cref="PredictProbabilities"/> use no shared buffers.
/// <see cref="SoftmaxRegressionObjective.Create{T, TLoss}(T[], int, int[], int, TLoss, SoftmaxRegressionOptions?)"/>
/// infers the type arguments.</para>
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TLoss">The multi-class loss, a struct (e.g. softmax cross-entropy).</typeparam>
public sealed partial class SoftmaxRegressionObjective<T, TLoss> : IBatchObjective<T>, IObjective<T>, IDisposable
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : struct, IClassificationLoss<T>
{
    private readonly ReadOnlyMemory<T> _features;
    private readonly ReadOnlyMemory<int> _labels;
    private readonly ChunkRunner _runner;
    private readonly ChunkWork _work;
    private UsageGuard _guard;

    /// <summary>Creates the objective over a data set held row-major in one block.</summary>
    /// <param name="features">The design matrix X, row-major: n rows × <paramref name="columns"/> features, all finite. Not copied: keep it unchanged while the objective is used.</param>
    /// <param name="columns">The number of features d per row, ≥ 1 (given, never inferred).</param>
    /// <param name="labels">The n class labels, each in [0, <paramref name="classCount"/>). Not copied.</param>
    /// <param name="classCount">The number of classes K, ≥ 2.</param>
    /// <param name="loss">The loss; its reduction must be <see cref="Reduction.Mean"/> or <see cref="Reduction.Sum"/>.</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">The features are not n × <paramref name="columns"/> values, a feature is NaN or infinite, a label is outside [0, K), there are no labels, or the loss's reduction is neither Mean nor Sum.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/>, <paramref name="classCount"/> or an option is out of range.</exception>
    public SoftmaxRegressionObjective(ReadOnlyMemory<T> features, int columns, ReadOnlyMemory<int> labels, int classCount, TLoss loss, SoftmaxRegressionOptions? options = null)
    {
        options ??= new SoftmaxRegressionOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (classCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "A classifier needs at least 2 classes.");
        }
        if ((long)classCount * (columns + 1L) > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"{classCount} classes × ({columns} features + 1) parameters do not fit in an array.");
        }
        if (labels.Length == 0)
        {
            throw new ArgumentException("There are no labels.", nameof(labels));
        }
        if ((long)labels.Length * columns != features.Length)
        {
            throw new ArgumentException(
                $"The design matrix has {features.Length} values, but {labels.Length} labels × {columns} columns = {(long)labels.Length * columns} were expected.", nameof(features));
        }
        if (loss.Reduction is not (Reduction.Mean or Reduction.Sum))
        {
            throw new ArgumentException($"{typeof(TLoss).Name} has reduction {loss.Reduction}; a model needs Mean or Sum.", nameof(loss));
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
        if ((long)Math.Min(options.ChunkRows, labels.Length) * Math.Max(columns, classCount) > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ChunkRows, "ChunkRows is too large for a chunk's buffers: lower it.");
        }
        int bad = StateIO.FirstNonFinite(features.Span);
        if (bad >= 0)
        {
            throw new ArgumentException($"features[{bad}] (row {bad / columns}, column {bad % columns}) is {features.Span[bad]}; every feature must be finite.", nameof(features));
        }
        ReadOnlySpan<int> classes = labels.Span;
        for (int i = 0; i < classes.Length; i++)
        {
            if ((uint)classes[i] >= (uint)classCount)
            {
                throw new ArgumentException($"labels[{i}] (row {i}) is {classes[i]}, but class labels must be in [0, {classCount}).", nameof(labels));
            }
        }
        _features = features;
        _labels = labels;
        Features = columns;
        ClassCount = classCount;
        L2 = options.L2;
        Loss = loss;
        // More threads than cores only adds switching: clamp (results do not depend on the thread count).
        int threads = options.Threads == 0 ? Environment.ProcessorCount : Math.Min(options.Threads, Environment.ProcessorCount);
        _runner = new ChunkRunner(threads);
        _work = new ChunkWork(this, threads, options.ChunkRows);
    }

    /// <summary>Creates the objective over a two-dimensional design matrix: one row per example, one column per feature.</summary>
    /// <param name="features">The design matrix X, n rows × d columns, all finite. Not copied: keep it unchanged while the objective is used.</param>
    /// <param name="labels">The n class labels, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes K, ≥ 2.</param>
    /// <param name="loss">The loss; its reduction must be Mean or Sum.</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">The matrix has another number of rows than there are labels, no columns, a NaN or infinite value, or a label is outside [0, K).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> or an option is out of range.</exception>
    public SoftmaxRegressionObjective(T[,] features, ReadOnlyMemory<int> labels, int classCount, TLoss loss, SoftmaxRegressionOptions? options = null)
        : this(Matrix(features, labels.Length), features.GetLength(1), labels, classCount, loss, options)
    {
    }

    private static ReadOnlyMemory<T> Matrix(T[,] features, int labels)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.GetLength(0) != labels)
        {
            throw new ArgumentException($"The design matrix has {features.GetLength(0)} rows, but there are {labels} labels.", nameof(features));
        }
        if (features.GetLength(1) == 0)
        {
            throw new ArgumentException("The design matrix has no columns.", nameof(features));
        }
        return new MatrixMemory<T>(features).Memory;
    }

    /// <summary>The number of features d.</summary>
    public int Features { get; }

    /// <summary>The number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>λ of the L2 penalty on the weights.</summary>
    public double L2 { get; }

    /// <summary>The loss.</summary>
    public TLoss Loss { get; }

    /// <inheritdoc/>
    public int Count => _labels.Length;

    /// <summary>K·(d + 1): the K × d weights (class by class), then the K biases.</summary>
    public int ParameterCount => ClassCount * (Features + 1);

    /// <summary>The objective over all examples.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="InvalidOperationException">Another thread is evaluating this objective: it is not safe for concurrent use.</exception>
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
        CheckParameters(parameters);
        if (gradient.Length != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters, but the gradient has {gradient.Length} values.", nameof(gradient));
        }
        foreach (int row in rows)
        {
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentException($"Row {row} is outside the data set's {Count} rows.", nameof(rows));
            }
        }
        double loss = _work.Run(_runner, _features.Span, _labels.Span, parameters, rows, gradient);
        if (L2 > 0)
        {
            T lambda = T.CreateChecked(L2);
            T penalty = T.Zero;
            int weights = ClassCount * Features;
            for (int j = 0; j < weights; j++)
            {
                penalty += parameters[j] * parameters[j];
                gradient[j] += lambda * parameters[j];
            }
            loss += L2 / 2 * double.CreateChecked(penalty);
        }
        return T.CreateChecked(loss);
    }

    private void CheckParameters(ReadOnlySpan<T> parameters)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException(
                $"The model has {ParameterCount} parameters ({ClassCount} × {Features} weights, then {ClassCount} biases), but {parameters.Length} were given.", nameof(parameters));
        }
    }

    /// <summary>Stops the worker threads.</summary>
    public void Dispose() => _runner.Dispose();
}

/// <summary>Creates <see cref="SoftmaxRegressionObjective{T, TLoss}"/> instances with the element and loss types inferred, so that the loss type is written once.</summary>
public static class SoftmaxRegressionObjective
{
    /// <summary>
    /// Softmax regression over a row-major design matrix of <paramref name="columns"/> features per row:
    /// <c>SoftmaxRegressionObjective.Create(features, 64, labels, classCount: 10, loss, new SoftmaxRegressionOptions { L2 = 1e-3 })</c>.
    /// </summary>
    /// <param name="features">n rows × <paramref name="columns"/> features, row-major, all finite.</param>
    /// <param name="columns">The number of features per row, ≥ 1.</param>
    /// <param name="labels">The n class labels, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes K, ≥ 2.</param>
    /// <param name="loss">The multi-class loss.</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">A shape does not fit, a feature is NaN or infinite, or a label is outside [0, K).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/>, <paramref name="classCount"/> or an option is out of range.</exception>
    public static SoftmaxRegressionObjective<T, TLoss> Create<T, TLoss>(T[] features, int columns, int[] labels, int classCount, TLoss loss, SoftmaxRegressionOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IClassificationLoss<T> =>
        new(features, columns, labels, classCount, loss, options);

    /// <summary>Softmax regression over a row-major design matrix given as memory; see <see cref="Create{T, TLoss}(T[], int, int[], int, TLoss, SoftmaxRegressionOptions?)"/>.</summary>
    /// <param name="features">n rows × <paramref name="columns"/> features, row-major, all finite.</param>
    /// <param name="columns">The number of features per row, ≥ 1.</param>
    /// <param name="labels">The n class labels, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes K, ≥ 2.</param>
    /// <param name="loss">The multi-class loss.</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">A shape does not fit, a feature is NaN or infinite, or a label is outside [0, K).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="columns"/>, <paramref name="classCount"/> or an option is out of range.</exception>
    public static SoftmaxRegressionObjective<T, TLoss> Create<T, TLoss>(ReadOnlyMemory<T> features, int columns, ReadOnlyMemory<int> labels, int classCount, TLoss loss, SoftmaxRegressionOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IClassificationLoss<T> =>
        new(features, columns, labels, classCount, loss, options);

    /// <summary>Softmax regression over a two-dimensional design matrix (rows are examples, columns are features).</summary>
    /// <param name="features">n rows × d columns, all finite.</param>
    /// <param name="labels">The n class labels, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">The number of classes K, ≥ 2.</param>
    /// <param name="loss">The multi-class loss.</param>
    /// <param name="options">L2 penalty, threads and chunk size; null for the defaults.</param>
    /// <exception cref="ArgumentException">A shape does not fit, a feature is NaN or infinite, or a label is outside [0, K).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> or an option is out of range.</exception>
    public static SoftmaxRegressionObjective<T, TLoss> Create<T, TLoss>(T[,] features, int[] labels, int classCount, TLoss loss, SoftmaxRegressionOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IClassificationLoss<T> =>
        new(features, labels, classCount, loss, options);
}
