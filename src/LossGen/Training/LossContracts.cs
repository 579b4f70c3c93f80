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
/// An element-wise loss that also gives its second derivatives: the shape of <c>[Loss]</c> methods like
/// <c>T Logistic(ReadOnlySpan&lt;T&gt; z, ReadOnlySpan&lt;T&gt; y, Span&lt;T&gt; dz, Span&lt;T&gt; d2z)</c>. For an element-wise loss
/// the Hessian in the predictions is diagonal, so one value per prediction is all of it. The generator implements it
/// on the <c>{Method}Function</c> struct when the method has such an overload (the catalogue's losses all do);
/// Newton's method (<see cref="Newton{T}"/>) and the gradient-boosting adapter (<see cref="GradientBoosting"/>) take it.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISecondOrderPredictionLoss<T> : IPredictionLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The reduced loss; writes ∂loss/∂prediction_i into <paramref name="predictionGradient"/> and
    /// ∂²loss/∂prediction_i² into <paramref name="predictionSecondDerivative"/>, both scaled by the reduction (1/n under
    /// <see cref="Reduction.Mean"/>).
    /// </summary>
    T Evaluate(ReadOnlySpan<T> prediction, ReadOnlySpan<T> target, Span<T> predictionGradient, Span<T> predictionSecondDerivative);
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

/// <summary>
/// A parametric loss that also gives the Hessian in its trained parameters: the shape of <c>[Loss]</c> methods like
/// <c>T Fit(ReadOnlySpan&lt;T&gt; x, ReadOnlySpan&lt;T&gt; y, T a, T b, out T da, out T db, Span&lt;T&gt; hessian)</c>.
/// Levenberg–Marquardt in <see cref="ParametricObjective{T, TLoss}"/> takes it.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface ISecondOrderParametricLoss<T> : IParametricLoss<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// The reduced loss at <paramref name="parameters"/>; writes its gradient into <paramref name="gradient"/> and its
    /// k × k Hessian, row-major in the parameters' order, into <paramref name="hessian"/>.
    /// </summary>
    T Evaluate(ReadOnlySpan<T> parameters, ReadOnlySpan<T> columns, int rows, Span<T> gradient, Span<T> hessian);
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

    /// <summary>Throws, naming the argument, unless the spans fit the loss's parameter and column counts and the Hessian has k × k values.</summary>
    /// <exception cref="ArgumentException">A span's length does not fit.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative.</exception>
    public static void CheckArguments<T>(ReadOnlySpan<T> parameters, ReadOnlySpan<T> columns, int rows, Span<T> gradient, Span<T> hessian, int parameterCount, int columnCount)
    {
        CheckArguments(parameters, columns, rows, gradient, parameterCount, columnCount);
        if (hessian.Length != parameterCount * parameterCount)
        {
            throw new ArgumentException($"The loss has {parameterCount} parameters, so the Hessian has {parameterCount * parameterCount} values, but {hessian.Length} were given.", nameof(hessian));
        }
    }
}
