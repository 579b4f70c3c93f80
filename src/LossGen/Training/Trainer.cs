using System;
using System.Numerics;
using System.Threading;

namespace LossGen.Training;

/// <summary>
/// Creates trainers with their type arguments inferred, and runs full-batch gradient descent over an
/// <see cref="IObjective{T}"/> with any <see cref="IOptimizer{T}"/>.
/// </summary>
public static class Trainer
{
    /// <summary>
    /// A <see cref="Trainer{T, TObjective}"/> for <paramref name="training"/>, with <typeparamref name="T"/> and
    /// <typeparamref name="TObjective"/> inferred: <c>Trainer.Create(objective, new Adam&lt;double&gt;(0.01), theta, options)</c>.
    /// </summary>
    /// <param name="training">The training objective.</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="parameters">The starting point; trained in place.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">A count does not fit, or a starting value is NaN or infinite.</exception>
    public static Trainer<T, TObjective> Create<T, TObjective>(TObjective training, IOptimizer<T> optimizer, T[] parameters, TrainerOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IBatchObjective<T> =>
        new(training, optimizer, parameters, options);

    /// <summary>A <see cref="Trainer{T, TObjective}"/> with a validation set, type arguments inferred.</summary>
    /// <param name="training">The training objective.</param>
    /// <param name="validation">The validation objective (same parameters, other examples).</param>
    /// <param name="optimizer">The optimizer.</param>
    /// <param name="parameters">The starting point; trained in place.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">A count does not fit, or a starting value is NaN or infinite.</exception>
    public static Trainer<T, TObjective> Create<T, TObjective>(TObjective training, TObjective validation, IOptimizer<T> optimizer, T[] parameters, TrainerOptions? options = null)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IBatchObjective<T> =>
        new(training, validation, optimizer, parameters, options);

    /// <summary>
    /// Minimizes <paramref name="objective"/> from <paramref name="parameters"/>, which are updated in place and
    /// hold the result on return (as for <see cref="Lbfgs{T}.Minimize{TObjective}"/> and <see cref="Trainer{T, TObjective}"/>).
    /// Stops on the epoch limit, a tolerance, cancellation (checked before every epoch) or divergence: a non-finite
    /// loss or parameter restores the last finite parameters and reports <see cref="TrainingStatus.Diverged"/>;
    /// NaN weights are never returned.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty or holds a NaN or infinite value.</exception>
    public static TrainingResult<T> Minimize<T, TObjective>(TObjective objective, Span<T> parameters, IOptimizer<T> optimizer, TrainerOptions? options = null, CancellationToken cancellationToken = default)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(optimizer);
        T[] working = parameters.ToArray();
        var trainer = new Trainer<T, FullBatch<T, TObjective>>(new FullBatch<T, TObjective>(objective, parameters.Length), optimizer, working, options);
        TrainingResult<T> result = trainer.Fit(cancellationToken);
        working.CopyTo(parameters);
        return result;
    }
}
