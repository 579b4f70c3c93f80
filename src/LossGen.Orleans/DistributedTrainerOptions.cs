using System;
using System.Collections.Generic;
using LossGen.Training;

namespace LossGen.Orleans;

/// <summary>Settings of a <see cref="DistributedTrainer{T}"/>.</summary>
public sealed record DistributedTrainerOptions
{
    /// <summary>The minimizer: L-BFGS (the default) or Newton's method.</summary>
    public DistributedMethod Method { get; init; } = DistributedMethod.Lbfgs;

    /// <summary>The Newton settings when <see cref="Method"/> is <see cref="DistributedMethod.Newton"/>, progress reports included.</summary>
    public NewtonOptions Newton { get; init; } = new();

    /// <summary>The L-BFGS settings, progress reports included (its <see cref="LbfgsOptions.Checkpoint"/> is set by the trainer when <see cref="CheckpointPath"/> is).</summary>
    public LbfgsOptions Lbfgs { get; init; } = new();

    /// <summary>
    /// A file for the L-BFGS state after every iteration (written atomically). When it exists as training starts,
    /// training resumes from it and ends on the same bits as an uninterrupted run. Null: no checkpoints.
    /// </summary>
    public string? CheckpointPath { get; init; }

    /// <summary>
    /// Retries of one shard's call after a transient failure (its silo died or is unreachable, a timeout); default 20.
    /// With the default delays they span about 90 s, longer than Orleans takes by default to declare a dead silo dead
    /// (three missed probes and two votes: typically some 15 s, up to about a minute when its adaptive probe timeout,
    /// 5 s at first, has grown to its 20 s maximum), until which calls to its grains keep failing.
    /// </summary>
    public int MaxRetries { get; init; } = 20;

    /// <summary>
    /// The pause before the first retry (default 0.5 s); each further retry of the same call waits twice as long as the
    /// one before, up to <see cref="MaxRetryDelay"/>. This, <see cref="MaxRetryDelay"/> and <see cref="CallTimeout"/> are at most
    /// 2³² − 2 ms (about 49.7 days), the longest wait <see cref="System.Threading.Tasks.Task.Delay(TimeSpan)"/> takes.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest pause between two retries of a call (default 5 s; <see cref="RetryDelay"/> when that is longer).</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait for one shard's answer before the call counts as failed and is retried (default 10 minutes).</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Evaluation calls wait at most this many times the slowest evaluation answer seen so far in the run (default 10;
    /// at least <see cref="MinimumEvaluationTimeout"/>, at most <see cref="CallTimeout"/>), so that a silo that dies while
    /// computing an answer — whose call Orleans may not fail promptly — costs a few evaluations' time, not CallTimeout.
    /// 0 turns it off (every call waits up to CallTimeout).
    /// </summary>
    public double EvaluationTimeoutFactor { get; init; } = 10;

    /// <summary>The floor of the adaptive evaluation timeout (default 5 s).</summary>
    public TimeSpan MinimumEvaluationTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Called on the training thread with each evaluation's number just before it is sent to the shards.</summary>
    public Action<long>? EvaluationStarting { get; init; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Lbfgs, nameof(Lbfgs));
        ArgumentNullException.ThrowIfNull(Newton, nameof(Newton));
        _ = new Newton<double>(Newton); // validates the Newton settings now, not after the shards have loaded
        if (!Enum.IsDefined(Method))
        {
            throw new ArgumentOutOfRangeException(nameof(Method), Method, "Unknown method.");
        }
        if (Method == DistributedMethod.Newton && CheckpointPath is not null)
        {
            throw new ArgumentException("Checkpoints are written by L-BFGS; Newton's method has none (leave CheckpointPath null).", nameof(CheckpointPath));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(MaxRetries, nameof(MaxRetries));
        if (!(EvaluationTimeoutFactor >= 0) || double.IsInfinity(EvaluationTimeoutFactor))
        {
            throw new ArgumentOutOfRangeException(nameof(EvaluationTimeoutFactor), EvaluationTimeoutFactor, "The factor must be finite and non-negative (0: off).");
        }
        if (MinimumEvaluationTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(MinimumEvaluationTimeout), MinimumEvaluationTimeout, "The minimum evaluation timeout must be positive.");
        }
        CheckWait(RetryDelay, nameof(RetryDelay), zeroAllowed: true);
        CheckWait(MaxRetryDelay, nameof(MaxRetryDelay), zeroAllowed: true);
        CheckWait(CallTimeout, nameof(CallTimeout), zeroAllowed: false);
    }

    /// <summary>The longest wait <see cref="System.Threading.Tasks.Task.Delay(TimeSpan)"/> and <c>Task.WaitAsync</c> accept: 2³² − 2 ms, about 49.7 days.</summary>
    internal static readonly TimeSpan LongestWait = TimeSpan.FromMilliseconds(uint.MaxValue - 1);

    private static void CheckWait(TimeSpan value, string name, bool zeroAllowed)
    {
        if (value < TimeSpan.Zero || (!zeroAllowed && value == TimeSpan.Zero) || value > LongestWait)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be {(zeroAllowed ? "non-negative" : "positive")} and at most 2^32 - 2 ms, about 49.7 days (the longest wait Task.Delay accepts).");
        }
    }

    /// <summary>
    /// The pause before retry number <paramref name="retry"/> (0 for the first) of one call:
    /// <see cref="RetryDelay"/> × 2^retry, at most max(<see cref="RetryDelay"/>, <see cref="MaxRetryDelay"/>).
    /// </summary>
    internal TimeSpan RetryDelayBefore(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retry);
        TimeSpan cap = MaxRetryDelay > RetryDelay ? MaxRetryDelay : RetryDelay;
        double ticks = RetryDelay.Ticks * Math.Pow(2, Math.Min(retry, 62));
        return ticks >= cap.Ticks ? cap : TimeSpan.FromTicks((long)ticks);
    }
}
