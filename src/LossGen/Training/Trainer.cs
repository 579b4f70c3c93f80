using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace LossGen.Training;

/// <summary>
/// A differentiable objective over a parameter vector: writes the gradient and returns the value. Implement
/// it on a struct and pass it to <see cref="Trainer.Minimize{T, TObjective}"/>, which the JIT then
/// specializes for it: the call per step is direct, not virtual.
/// </summary>
/// <typeparam name="T">float or double.</typeparam>
public interface IObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The objective at <paramref name="parameters"/>; its gradient is written into <paramref name="gradient"/>.</summary>
    T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient);
}

/// <summary>Why training stopped.</summary>
public enum TrainingStatus
{
    /// <summary>The epoch limit was reached.</summary>
    MaxEpochs,

    /// <summary>The loss changed by less than the loss tolerance.</summary>
    LossConverged,

    /// <summary>The gradient's norm fell below the gradient tolerance.</summary>
    GradientConverged,

    /// <summary>The loss or a parameter became NaN or infinite; the last finite parameters were restored.</summary>
    Diverged,

    /// <summary>The cancellation token was signalled.</summary>
    Cancelled,
}

/// <summary>What happened in one epoch.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Loss">The training loss at the start of the epoch's step.</param>
/// <param name="LearningRate">The learning rate used.</param>
/// <param name="GradientNorm">The gradient's Euclidean norm before clipping.</param>
/// <param name="Elapsed">Time since training started.</param>
public sealed record EpochReport(int Epoch, double Loss, double LearningRate, double GradientNorm, TimeSpan Elapsed);

/// <summary>Settings of <see cref="Trainer.Minimize{T, TObjective}"/>.</summary>
public sealed record TrainerOptions
{
    /// <summary>The most epochs (full-batch steps) to run; ≥ 1.</summary>
    public int MaxEpochs { get; init; } = 1000;

    /// <summary>Stop when |loss − previous loss| ≤ this × max(1, |loss|); 0 disables.</summary>
    public double LossTolerance { get; init; }

    /// <summary>Stop when the gradient's norm is ≤ this; 0 disables.</summary>
    public double GradientTolerance { get; init; }

    /// <summary>A learning-rate schedule, advanced once per epoch with the epoch's loss; null keeps the optimizer's rate.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Clip the gradient to this global norm before each step; null disables.</summary>
    public double? ClipNorm { get; init; }

    /// <summary>Receives a report after every epoch.</summary>
    public IProgress<EpochReport>? Progress { get; init; }
}

/// <summary>The outcome of training.</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <param name="Status">Why training stopped.</param>
/// <param name="Epochs">Epochs completed.</param>
/// <param name="Loss">The last finite loss.</param>
/// <param name="History">One report per epoch.</param>
public sealed record TrainingResult<T>(TrainingStatus Status, int Epochs, double Loss, IReadOnlyList<EpochReport> History);

/// <summary>Full-batch gradient descent over an <see cref="IObjective{T}"/> with any <see cref="IOptimizer{T}"/>.</summary>
public static class Trainer
{
    /// <summary>
    /// Minimizes <paramref name="objective"/> from <paramref name="parameters"/> (updated in place). Stops on
    /// the epoch limit, a tolerance, cancellation (checked before every epoch) or divergence: a non-finite
    /// loss or parameter restores the last finite parameters and reports <see cref="TrainingStatus.Diverged"/>;
    /// NaN weights are never returned silently.
    /// </summary>
    public static TrainingResult<T> Minimize<T, TObjective>(TObjective objective, Span<T> parameters, IOptimizer<T> optimizer, TrainerOptions? options = null, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        options ??= new TrainerOptions();
        if (options.MaxEpochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxEpochs, "MaxEpochs must be at least 1.");
        }
        if (parameters.Length == 0)
        {
            throw new ArgumentException("There are no parameters to train.", nameof(parameters));
        }
        var gradient = new T[parameters.Length];
        var lastFinite = parameters.ToArray();
        var history = new List<EpochReport>();
        var clock = Stopwatch.StartNew();
        double previousLoss = double.NaN, lastFiniteLoss = double.NaN;
        T clipNorm = options.ClipNorm is double clip ? T.CreateChecked(clip) : T.Zero;
        for (int epoch = 1; epoch <= options.MaxEpochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return new TrainingResult<T>(TrainingStatus.Cancelled, epoch - 1, lastFiniteLoss, history);
            }
            double loss = double.CreateChecked(objective.Evaluate(parameters, gradient));
            if (!double.IsFinite(loss) || !AllFinite(parameters) || !AllFinite<T>(gradient))
            {
                lastFinite.CopyTo(parameters);
                return new TrainingResult<T>(TrainingStatus.Diverged, epoch - 1, lastFiniteLoss, history);
            }
            parameters.CopyTo(lastFinite);
            lastFiniteLoss = loss;
            double norm = Norm<T>(gradient);
            if (options.Schedule is LearningRateSchedule schedule)
            {
                optimizer.LearningRate = T.CreateChecked(schedule.Next(epoch == 1 ? double.NaN : previousLoss));
            }
            var report = new EpochReport(epoch, loss, double.CreateChecked(optimizer.LearningRate), norm, clock.Elapsed);
            history.Add(report);
            options.Progress?.Report(report);
            if (options.GradientTolerance > 0 && norm <= options.GradientTolerance)
            {
                return new TrainingResult<T>(TrainingStatus.GradientConverged, epoch, loss, history);
            }
            if (options.LossTolerance > 0 && epoch > 1 && Math.Abs(loss - previousLoss) <= options.LossTolerance * Math.Max(1, Math.Abs(loss)))
            {
                return new TrainingResult<T>(TrainingStatus.LossConverged, epoch, loss, history);
            }
            if (options.ClipNorm is not null)
            {
                GradientClipping.ClipByGlobalNorm<T>(gradient, clipNorm);
            }
            optimizer.Step(parameters, gradient);
            previousLoss = loss;
        }
        // The last step's parameters have not been evaluated: check them once more.
        double final = double.CreateChecked(objective.Evaluate(parameters, gradient));
        if (!double.IsFinite(final) || !AllFinite(parameters))
        {
            lastFinite.CopyTo(parameters);
            return new TrainingResult<T>(TrainingStatus.Diverged, options.MaxEpochs, lastFiniteLoss, history);
        }
        return new TrainingResult<T>(TrainingStatus.MaxEpochs, options.MaxEpochs, final, history);
    }

    private static bool AllFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T v in values)
        {
            if (!T.IsFinite(v))
            {
                return false;
            }
        }
        return true;
    }

    private static double Norm<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T v in values)
        {
            double d = double.CreateChecked(v);
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }
}
