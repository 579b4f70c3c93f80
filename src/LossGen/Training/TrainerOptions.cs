using System;
using System.Collections.Generic;

namespace LossGen.Training;

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

    /// <summary>The validation loss stopped improving (see <see cref="EarlyStopping"/>).</summary>
    EarlyStopped,
}

/// <summary>What happened in one epoch.</summary>
/// <param name="Epoch">The epoch, from 1.</param>
/// <param name="Loss">The training loss: the mean of the epoch's mini-batch losses weighted by their sizes (for full-batch training, the loss before the epoch's step).</param>
/// <param name="ValidationLoss">The validation loss after the epoch, or NaN without a validation set.</param>
/// <param name="LearningRate">The learning rate used.</param>
/// <param name="GradientNorm">The Euclidean norm of the gradient before clipping, averaged over the epoch's mini-batches.</param>
/// <param name="Elapsed">Time spent training up to the end of the epoch (across checkpoint resumptions).</param>
public readonly record struct EpochReport(int Epoch, double Loss, double ValidationLoss, double LearningRate, double GradientNorm, TimeSpan Elapsed);

/// <summary>Early stopping on the validation loss.</summary>
/// <param name="Patience">Epochs without improvement tolerated before stopping; ≥ 1.</param>
/// <param name="MinDelta">An improvement must lower the best validation loss by more than this; ≥ 0.</param>
/// <param name="RestoreBest">Whether to return the parameters of the best validation loss rather than the last ones.</param>
public sealed record EarlyStopping(int Patience = 10, double MinDelta = 0, bool RestoreBest = true);

/// <summary>Settings of a training run.</summary>
public sealed record TrainerOptions
{
    /// <summary>The most epochs to run; ≥ 1.</summary>
    public int MaxEpochs { get; init; } = 1000;

    /// <summary>Examples per mini-batch; 0 (the default) trains on the whole set at once.</summary>
    public int BatchSize { get; init; }

    /// <summary>Whether to visit the examples in a new seeded random order every epoch (mini-batches only).</summary>
    public bool Shuffle { get; init; } = true;

    /// <summary>The seed of the shuffling order; the same seed gives the same run, bit for bit.</summary>
    public ulong Seed { get; init; }

    /// <summary>Stop when |loss − previous epoch's loss| ≤ this × max(1, |loss|); 0 disables.</summary>
    public double LossTolerance { get; init; }

    /// <summary>Stop when the gradient's norm is ≤ this (for mini-batches: the epoch's mean norm); 0 disables.</summary>
    public double GradientTolerance { get; init; }

    /// <summary>A learning-rate schedule, advanced once per epoch with the previous epoch's validation loss (or training loss without a validation set); null keeps the optimizer's rate.</summary>
    public LearningRateSchedule? Schedule { get; init; }

    /// <summary>Clip the gradient to this global norm before each step; null disables.</summary>
    public double? ClipNorm { get; init; }

    /// <summary>Clip every gradient component to [−this, this] before each step; null disables.</summary>
    public double? ClipValue { get; init; }

    /// <summary>Early stopping on the validation loss; needs a validation set.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>Receives a report after every epoch.</summary>
    public IProgress<EpochReport>? Progress { get; init; }

    internal void Validate()
    {
        if (MaxEpochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEpochs), MaxEpochs, "MaxEpochs must be at least 1.");
        }
        if (BatchSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be 0 (full batch) or positive.");
        }
        if (!(LossTolerance >= 0) || !(GradientTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(LossTolerance >= 0 ? nameof(GradientTolerance) : nameof(LossTolerance), "Tolerances must be non-negative numbers (not NaN).");
        }
        if (ClipNorm is double norm && !(norm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ClipNorm), norm, "ClipNorm must be positive.");
        }
        if (ClipValue is double value && !(value > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ClipValue), value, "ClipValue must be positive.");
        }
        if (EarlyStopping is { } early && (early.Patience < 1 || !(early.MinDelta >= 0)))
        {
            throw new ArgumentOutOfRangeException(nameof(EarlyStopping), early, "EarlyStopping needs Patience ≥ 1 and MinDelta ≥ 0.");
        }
    }
}

/// <summary>The outcome of training.</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <param name="Status">Why training stopped.</param>
/// <param name="Epochs">Epochs completed.</param>
/// <param name="Loss">The training loss at <paramref name="Parameters"/>, over the whole training set.</param>
/// <param name="History">One report per epoch.</param>
/// <param name="Parameters">The final parameters (the best ones when early stopping restored them; the last finite ones after divergence).</param>
public sealed record TrainingResult<T>(TrainingStatus Status, int Epochs, double Loss, IReadOnlyList<EpochReport> History, T[] Parameters);
