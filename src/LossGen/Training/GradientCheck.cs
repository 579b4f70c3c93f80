using System;
using System.Collections.Generic;
using System.Numerics;

namespace LossGen.Training;

/// <summary>Settings of a <see cref="GradientCheck"/>; null tolerances and steps take the defaults for the element type.</summary>
public sealed record GradientCheckOptions
{
    /// <summary>The finite-difference step h (scaled by max(1, |θᵢ|)); null: 1e-6 for double, 1e-3 for float.</summary>
    public double? Step { get; init; }

    /// <summary>The absolute tolerance; null: 1e-5 for double (as <c>torch.autograd.gradcheck</c>), 1e-3 for float.</summary>
    public double? AbsoluteTolerance { get; init; }

    /// <summary>The relative tolerance; null: 1e-3 for double (as <c>torch.autograd.gradcheck</c>), 1e-2 for float.</summary>
    public double? RelativeTolerance { get; init; }

    /// <summary>How many random points <see cref="GradientCheck.CheckRandom{T, TObjective}"/> tries; ≥ 1.</summary>
    public int Points { get; init; } = 3;

    /// <summary>Random points are drawn uniformly from [center − scale, center + scale] in every coordinate; &gt; 0.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>The seed of the random points.</summary>
    public ulong Seed { get; init; }
}

/// <summary>The verdict of a <see cref="GradientCheck"/>: the worst element over all points checked.</summary>
/// <param name="Passed">Whether every element is within tolerance: |analytic − numeric| ≤ atol + rtol · |numeric|, all finite.</param>
/// <param name="Index">The parameter index of the worst element.</param>
/// <param name="Analytic">The objective's gradient there.</param>
/// <param name="Numeric">The central finite difference there (f(θ + h eᵢ) − f(θ − h eᵢ)) / 2h, in double.</param>
/// <param name="AbsoluteError">|analytic − numeric|.</param>
/// <param name="Tolerance">atol + rtol · |numeric| at the worst element.</param>
/// <param name="At">The point of the worst element.</param>
/// <param name="Points">Points checked.</param>
/// <param name="Evaluations">Objective evaluations made.</param>
public sealed record GradientCheckResult(bool Passed, int Index, double Analytic, double Numeric, double AbsoluteError, double Tolerance, IReadOnlyList<double> At, int Points, int Evaluations)
{
    /// <summary>A one-paragraph verdict naming the worst element.</summary>
    public override string ToString() =>
        FormattableString.Invariant($"Gradient check {(Passed ? "passed" : "FAILED")} over {Points} point(s) × {At.Count} parameters ({Evaluations} evaluations): worst element gradient[{Index}]: ") +
        FormattableString.Invariant($"analytic {Analytic:G10}, central difference {Numeric:G10}, |difference| {AbsoluteError:0.0e+00} {(Passed ? "≤" : "exceeds")} tolerance {Tolerance:0.0e+00}") +
        (Passed ? "." : $". The gradient of parameter {Index} is probably wrong (or the objective is not differentiable there).");
}

/// <summary>
/// Checks an objective's gradient against central finite differences, as <c>torch.autograd.gradcheck</c> does
/// for PyTorch users: for your own <see cref="IObjective{T}"/> or <see cref="IBatchObjective{T}"/> before
/// training with it. Costs 1 + 2 × (parameter count) evaluations per point.
/// </summary>
public static class GradientCheck
{
    /// <summary>Checks the gradient of <paramref name="objective"/> at <paramref name="point"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="point"/> is empty or holds a NaN or infinite value.</exception>
    public static GradientCheckResult Check<T, TObjective>(TObjective objective, ReadOnlySpan<T> point, GradientCheckOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (point.IsEmpty)
        {
            throw new ArgumentException("There are no parameters to check.", nameof(point));
        }
        StateIO.CheckFinite(point, nameof(point));
        options ??= new GradientCheckOptions();
        Validate(options);
        var worst = new Worst();
        CheckAt(objective, point.ToArray(), options, ref worst);
        return worst.Result(1, point.Length);
    }

    /// <summary>
    /// Checks the gradient of <paramref name="objective"/> at <see cref="GradientCheckOptions.Points"/> random points
    /// around <paramref name="center"/> (seeded: the same points every run).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="center"/> is empty or holds a NaN or infinite value.</exception>
    public static GradientCheckResult CheckRandom<T, TObjective>(TObjective objective, ReadOnlySpan<T> center, GradientCheckOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (center.IsEmpty)
        {
            throw new ArgumentException("There are no parameters to check.", nameof(center));
        }
        StateIO.CheckFinite(center, nameof(center));
        options ??= new GradientCheckOptions();
        Validate(options);
        var random = new SeededRandom(options.Seed);
        var worst = new Worst();
        var point = new T[center.Length];
        for (int p = 0; p < options.Points; p++)
        {
            for (int i = 0; i < point.Length; i++)
            {
                point[i] = center[i] + T.CreateChecked(options.Scale * (2 * random.NextDouble() - 1));
            }
            CheckAt(objective, point, options, ref worst);
        }
        return worst.Result(options.Points, center.Length);
    }

    /// <summary>
    /// <see cref="CheckBatch{T, TObjective}(TObjective, ReadOnlySpan{T}, ReadOnlySpan{int}, GradientCheckOptions?)"/>
    /// for an array point, so that the element type is inferred from it (before C# 14, arrays do not take part
    /// in inferring a span's element type).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="point"/> does not have the objective's parameter count, or holds a NaN or infinite value.</exception>
    public static GradientCheckResult CheckBatch<T, TObjective>(TObjective objective, T[] point, int[]? rows = null, GradientCheckOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IBatchObjective<T>
    {
        ArgumentNullException.ThrowIfNull(point);
        return CheckBatch(objective, new ReadOnlySpan<T>(point), new ReadOnlySpan<int>(rows), options);
    }

    /// <summary>
    /// <see cref="Check{T, TObjective}(TObjective, ReadOnlySpan{T}, GradientCheckOptions?)"/> for an array point,
    /// so that the element type is inferred from it.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="point"/> does not have the objective's parameter count, or holds a NaN or infinite value.</exception>
    public static GradientCheckResult Check<T, TObjective>(TObjective objective, T[] point, GradientCheckOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(point);
        return Check(objective, new ReadOnlySpan<T>(point), options);
    }

    /// <summary>Checks the gradient of a data-set objective (a model) on <paramref name="rows"/> (all rows when empty) at <paramref name="point"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="point"/> does not have the objective's parameter count, or holds a NaN or infinite value.</exception>
    public static GradientCheckResult CheckBatch<T, TObjective>(TObjective objective, ReadOnlySpan<T> point, ReadOnlySpan<int> rows = default, GradientCheckOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IBatchObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        if (point.Length != objective.ParameterCount)
        {
            throw new ArgumentException($"The objective has {objective.ParameterCount} parameters, but the point has {point.Length}.", nameof(point));
        }
        return Check(new OnRows<T, TObjective>(objective, rows.ToArray()), point, options);
    }

    private readonly struct OnRows<T, TObjective>(TObjective objective, int[] rows) : IObjective<T>
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IBatchObjective<T>
    {
        public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient) => objective.Evaluate(parameters, rows, gradient);
    }

    private static void Validate(GradientCheckOptions options)
    {
        if (options.Step is double step && !(step > 0 && double.IsFinite(step)))
        {
            throw new ArgumentOutOfRangeException(nameof(options), step, "Step must be positive and finite.");
        }
        if (options.AbsoluteTolerance is double a && !(a >= 0) || options.RelativeTolerance is double r && !(r >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Tolerances must be non-negative numbers (not NaN).");
        }
        if (options.Points < 1 || !(options.Scale > 0) || !double.IsFinite(options.Scale))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Points must be ≥ 1 and Scale positive and finite.");
        }
    }

    private static void CheckAt<T, TObjective>(TObjective objective, T[] point, GradientCheckOptions options, ref Worst worst)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IObjective<T>
    {
        bool single = typeof(T) == typeof(float);
        double step = options.Step ?? (single ? 1e-3 : 1e-6);
        double atol = options.AbsoluteTolerance ?? (single ? 1e-3 : 1e-5);
        double rtol = options.RelativeTolerance ?? (single ? 1e-2 : 1e-3);
        int n = point.Length;
        var analytic = new T[n];
        var scratch = new T[n];
        objective.Evaluate(point, analytic);
        worst.Evaluations++;
        var shifted = (T[])point.Clone();
        for (int i = 0; i < n; i++)
        {
            T x = point[i];
            T h = T.CreateChecked(step * Math.Max(1, Math.Abs(double.CreateChecked(x))));
            shifted[i] = x + h;
            T plusAt = shifted[i];
            double plus = double.CreateChecked(objective.Evaluate(shifted, scratch));
            shifted[i] = x - h;
            T minusAt = shifted[i];
            double minus = double.CreateChecked(objective.Evaluate(shifted, scratch));
            shifted[i] = x;
            worst.Evaluations += 2;
            // The step actually taken: x ± h rounded to T.
            double numeric = (plus - minus) / double.CreateChecked(plusAt - minusAt);
            double a = double.CreateChecked(analytic[i]);
            double error = Math.Abs(a - numeric);
            double tolerance = atol + rtol * Math.Abs(numeric);
            double ratio = double.IsFinite(error) ? error / Math.Max(tolerance, double.Epsilon) : double.PositiveInfinity;
            if (ratio > worst.Ratio || worst.At is null)
            {
                worst.Ratio = ratio;
                worst.Index = i;
                worst.Analytic = a;
                worst.Numeric = numeric;
                worst.Error = error;
                worst.Tolerance = tolerance;
                worst.At = Array.ConvertAll(point, v => double.CreateChecked(v));
            }
        }
    }

    private struct Worst
    {
        public double Ratio, Analytic, Numeric, Error, Tolerance;
        public int Index, Evaluations;
        public double[]? At;

        public readonly GradientCheckResult Result(int points, int parameters) =>
            new(Ratio <= 1, Index, Analytic, Numeric, Error, Tolerance, At ?? new double[parameters], points, Evaluations);
    }
}
