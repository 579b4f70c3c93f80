using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// An element-wise loss of predictions against targets with the gradient for the predictions: the shape
/// of <c>[Loss]</c> methods like <c>T Mse(ReadOnlySpan&lt;T&gt; p, ReadOnlySpan&lt;T&gt; y, Span&lt;T&gt; dp)</c>.
/// The generator implements it on a struct named <c>{Method}Function</c> beside each such method
/// (fixed scalars such as Huber's δ become constructor arguments), e.g. <c>Losses.MseLossFunction</c>.
/// Trainers take the struct as a type argument, so the JIT specializes them for it and the call is direct.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IPredictionLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether <see cref="Evaluate"/> returns the mean or the sum of the element losses.</summary>
    Reduction Reduction { get; }

    /// <summary>The reduced loss; writes ∂loss/∂prediction_i into <paramref name="predictionGradient"/>.</summary>
    T Evaluate(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> predictionGradient);
}

/// <summary>
/// A loss whose trained parameters are scalar inputs of the formula (the <c>out T da</c> gradients), over
/// data columns — curve fitting: <c>T Fit(ReadOnlySpan&lt;T&gt; x, ReadOnlySpan&lt;T&gt; y, T a, T b, out T da, out T db)</c>.
/// The generator implements it on a struct named <c>{Method}Function</c>; parameters and columns are in
/// the order the method declares them.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IParametricLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Whether <see cref="Evaluate"/> returns the mean or the sum over the rows.</summary>
    Reduction Reduction { get; }

    /// <summary>The number of trained scalar parameters.</summary>
    int ParameterCount { get; }

    /// <summary>The number of data columns.</summary>
    int ColumnCount { get; }

    /// <summary>
    /// The reduced loss at <paramref name="parameters"/>; writes its gradient into <paramref name="gradient"/>.
    /// <paramref name="columns"/> holds the data column after column (column-major), <paramref name="rows"/> values each.
    /// </summary>
    T Evaluate(ReadOnlySpan<T> parameters, ReadOnlySpan<T> columns, int rows, Span<T> gradient);
}

/// <summary>Argument checks shared by the generated <see cref="IParametricLoss{T}"/> adapters.</summary>
public static class ParametricLoss
{
    /// <summary>Throws, naming the argument, unless the spans fit the loss's parameter and column counts.</summary>
    /// <exception cref="ArgumentException">A span's length does not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative.</exception>
    public static void CheckArguments<T>(ReadOnlySpan<T> parameters, ReadOnlySpan<T> columns, int rows, Span<T> gradient, int parameterCount, int columnCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (parameters.Length != parameterCount)
        {
            throw new ArgumentException($"The loss has {parameterCount} parameters, but {parameters.Length} values were given.", nameof(parameters));
        }
        if (gradient.Length != parameterCount)
        {
            throw new ArgumentException($"The loss has {parameterCount} parameters, but the gradient has {gradient.Length} values.", nameof(gradient));
        }
        if ((long)rows * columnCount != columns.Length)
        {
            throw new ArgumentException($"The loss reads {columnCount} columns of {rows} rows = {(long)rows * columnCount} values, but {columns.Length} were given.", nameof(columns));
        }
    }
}
