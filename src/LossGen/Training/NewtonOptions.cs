using System;

namespace LossGen.Training;

/// <summary>Settings of <see cref="Newton{T}"/>.</summary>
public sealed record NewtonOptions
{
    /// <summary>The iteration limit; ≥ 1 (default 100: Newton needs few iterations or none helps).</summary>
    public int MaxIterations { get; init; } = 100;

    /// <summary>The evaluation limit, rejected trial steps included; 0 means 4 × <see cref="MaxIterations"/>.</summary>
    public int MaxEvaluations { get; init; }

    /// <summary>Stop when the largest gradient component is ≤ this (as <see cref="LbfgsOptions.GradientTolerance"/>); ≥ 0.</summary>
    public double GradientTolerance { get; init; } = 1e-7;

    /// <summary>Stop when an accepted step changes the objective by ≤ this × max(1, |f|); ≥ 0 (0: never).</summary>
    public double ChangeTolerance { get; init; }

    /// <summary>
    /// The damping μ of the first step, relative to the Hessian's largest diagonal entry: the step solves
    /// (H + μ·max(diag H)·I) Δ = −g. 0 (the default) starts with the undamped Newton step, which for convex objectives
    /// converges quadratically; damping grows only when a step fails.
    /// </summary>
    public double InitialDamping { get; init; }

    /// <summary>Receives a report after every accepted step (use <see cref="SynchronousProgress{T}"/> or <see cref="ConsoleProgress"/> in a console app).</summary>
    public IProgress<IterationReport>? Progress { get; init; }

    internal void Validate()
    {
        if (MaxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be at least 1.");
        }
        if (MaxEvaluations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "MaxEvaluations must be 0 (automatic) or positive.");
        }
        if (!(GradientTolerance >= 0) || double.IsInfinity(GradientTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(GradientTolerance), GradientTolerance, "GradientTolerance must be finite and non-negative.");
        }
        if (!(ChangeTolerance >= 0) || double.IsInfinity(ChangeTolerance))
        {
            throw new ArgumentOutOfRangeException(nameof(ChangeTolerance), ChangeTolerance, "ChangeTolerance must be finite and non-negative.");
        }
        if (!(InitialDamping >= 0) || double.IsInfinity(InitialDamping))
        {
            throw new ArgumentOutOfRangeException(nameof(InitialDamping), InitialDamping, "InitialDamping must be finite and non-negative.");
        }
    }
}
