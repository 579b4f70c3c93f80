using System;
using System.Collections.Generic;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// A model whose parameters are the scalar inputs of a <c>[Loss]</c> formula — curve fitting, e.g.
/// <c>(a * exp(b * x) - y)^2</c> with <c>out T da, out T db</c> — over data columns, trained through the
/// generated <c>{Method}Function</c> struct (<see cref="IParametricLoss{T}"/>). A mini-batch gathers its
/// rows into contiguous column buffers allocated once, then calls the generated kernel once.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TLoss">The loss; a generated <c>{Method}Function</c> struct.</typeparam>
public sealed class ParametricObjective<T, TLoss> : IBatchObjective<T>, IObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : struct, IParametricLoss<T>
{
    private readonly T[] _columns;
    private readonly T[] _batch;
    private readonly int _rows;
    private UsageGuard _guard;

    /// <summary>Creates the objective over data given column by column, in the order the loss declares them.</summary>
    /// <param name="loss">The loss (a generated struct, with any fixed scalars set).</param>
    /// <param name="columns">The data columns, all of one length.</param>
    /// <exception cref="ArgumentException">The number of columns differs from the loss's, their lengths differ, or a value is NaN or infinite.</exception>
    public ParametricObjective(TLoss loss, params IReadOnlyList<T[]> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Count != loss.ColumnCount)
        {
            throw new ArgumentException($"The loss reads {loss.ColumnCount} data columns, but {columns.Count} were given.", nameof(columns));
        }
        _rows = columns[0]?.Length ?? throw new ArgumentNullException(nameof(columns));
        if (_rows == 0)
        {
            throw new ArgumentException("The data columns are empty.", nameof(columns));
        }
        _columns = new T[_rows * columns.Count];
        for (int k = 0; k < columns.Count; k++)
        {
            T[] column = columns[k] ?? throw new ArgumentNullException(nameof(columns));
            if (column.Length != _rows)
            {
                throw new ArgumentException($"Column {k} has {column.Length} values; column 0 has {_rows}.", nameof(columns));
            }
            int bad = StateIO.FirstNonFinite<T>(column);
            if (bad >= 0)
            {
                throw new ArgumentException($"Column {k} holds {column[bad]} at row {bad}; every value must be finite.", nameof(columns));
            }
            column.CopyTo(_columns, k * _rows);
        }
        _batch = new T[_columns.Length];
        Loss = loss;
    }

    /// <summary>The loss.</summary>
    public TLoss Loss { get; }

    /// <inheritdoc/>
    public int Count => _rows;

    /// <inheritdoc/>
    public int ParameterCount => Loss.ParameterCount;

    /// <summary>The objective over all rows.</summary>
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
            return rows.IsEmpty ? Loss.Evaluate(parameters, _columns, _rows, gradient) : EvaluateRows(parameters, rows, gradient);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>The objective over all rows with its gradient and Hessian (in double); <paramref name="loss"/> is <see cref="Loss"/>, typed for its second-order call.</summary>
    internal T EvaluateSecondOrder<TSecond>(TSecond loss, ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian)
        where TSecond : struct, ISecondOrderParametricLoss<T>
    {
        int k = ParameterCount;
        if (hessian.Length != k * k)
        {
            throw new ArgumentException($"The loss has {k} parameters, so the Hessian has {k * k} values, but {hessian.Length} were given.", nameof(hessian));
        }
        _guard.Enter(this);
        try
        {
            Span<T> h = k * k <= 256 ? stackalloc T[k * k] : new T[k * k];
            T value = loss.Evaluate(parameters, _columns, _rows, gradient, h);
            for (int i = 0; i < h.Length; i++)
            {
                hessian[i] = double.CreateChecked(h[i]);
            }
            return value;
        }
        finally
        {
            _guard.Exit();
        }
    }

    private T EvaluateRows(ReadOnlySpan<T> parameters, ReadOnlySpan<int> rows, Span<T> gradient)
    {
        int n = rows.Length;
        int columns = Loss.ColumnCount;
        Span<T> batch = _batch.AsSpan(0, n * columns);
        for (int i = 0; i < n; i++)
        {
            int row = rows[i];
            if ((uint)row >= (uint)_rows)
            {
                throw new ArgumentException($"Row {row} is outside the data set's {_rows} rows.", nameof(rows));
            }
            for (int k = 0; k < columns; k++)
            {
                batch[k * n + i] = _columns[k * _rows + row];
            }
        }
        return Loss.Evaluate(parameters, batch, n, gradient);
    }
}

/// <summary>Creates <see cref="ParametricObjective{T, TLoss}"/> instances with the element and loss types inferred.</summary>
public static class ParametricObjective
{
    /// <summary>
    /// Curve fitting over data columns, the types inferred: <c>ParametricObjective.Create(new MyLosses.ExpFitFunction(), x, y)</c>.
    /// </summary>
    /// <param name="loss">The loss (a generated struct, with any fixed scalars set).</param>
    /// <param name="columns">The data columns, all of one length, in the order the loss declares them.</param>
    /// <exception cref="ArgumentException">The number of columns differs from the loss's, their lengths differ, or a value is NaN or infinite.</exception>
    public static ParametricObjective<T, TLoss> Create<T, TLoss>(TLoss loss, params T[][] columns)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IParametricLoss<T> =>
        new(loss, columns);
}
