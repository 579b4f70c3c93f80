using System;
using System.Collections.Generic;

namespace LossGen.Training;

/// <summary>Why a full-batch minimizer (<see cref="Lbfgs{T}"/>) stopped.</summary>
public enum MinimizationStatus
{
    /// <summary>The largest gradient component fell to the gradient tolerance: the normal stop.</summary>
    GradientConverged,

    /// <summary>The step, the loss change or the directional derivative fell below the change tolerance.</summary>
    ChangeConverged,

    /// <summary>The iteration limit was reached before a tolerance was met.</summary>
    MaxIterations,

    /// <summary>The evaluation limit was reached before a tolerance was met.</summary>
    MaxEvaluations,

    /// <summary>The loss, gradient or a parameter became NaN or infinite; the last finite parameters were restored.</summary>
    Diverged,

    /// <summary>The cancellation token was signalled (checked before every iteration).</summary>
    Cancelled,
}

/// <summary>What happened in one iteration of a full-batch minimizer.</summary>
/// <param name="Iteration">The iteration of this call, from 1.</param>
/// <param name="Loss">The objective after the iteration.</param>
/// <param name="StepLength">The step length t taken along the search direction.</param>
/// <param name="GradientNorm">The Euclidean norm of the gradient after the iteration.</param>
/// <param name="Evaluations">Objective evaluations of this call so far.</param>
/// <param name="Elapsed">Time since the call started.</param>
public readonly record struct IterationReport(int Iteration, double Loss, double StepLength, double GradientNorm, int Evaluations, TimeSpan Elapsed);

/// <summary>The outcome of a full-batch minimization (<see cref="Lbfgs{T}.Minimize{TObjective}"/>).</summary>
/// <typeparam name="T">float or double.</typeparam>
/// <param name="Status">Why it stopped.</param>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="Evaluations">Objective evaluations made.</param>
/// <param name="Loss">The objective at <paramref name="Parameters"/>.</param>
/// <param name="History">One report per iteration.</param>
/// <param name="Parameters">A copy of the final parameters (the span given to the minimizer holds the same values).</param>
public sealed record MinimizationResult<T>(MinimizationStatus Status, int Iterations, int Evaluations, double Loss, IReadOnlyList<IterationReport> History, T[] Parameters);
