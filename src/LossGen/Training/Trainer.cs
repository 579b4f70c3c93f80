using System;
using System.Numerics;
using System.Threading;

namespace LossGen.Training;

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
        var trainer = new Trainer<T, FullBatch<T, TObjective>>(new FullBatch<T, TObjective>(objective, parameters.Length), optimizer, parameters, options);
        TrainingResult<T> result = trainer.Fit(cancellationToken);
        result.Parameters.CopyTo(parameters);
        return result;
    }
}
