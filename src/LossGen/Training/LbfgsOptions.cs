using System;

namespace LossGen.Training;

/// <summary>The line search of <see cref="Lbfgs{T}"/>.</summary>
public enum LineSearch
{
    /// <summary>A fixed step of <see cref="LbfgsOptions.LearningRate"/> (the first iteration's is scaled down by the gradient's 1-norm).</summary>
    None,

    /// <summary>A line search satisfying the strong Wolfe conditions (c₁ = 1e-4, c₂ = 0.9): bracketing, then zoom with cubic interpolation.</summary>
    StrongWolfe,
}

/// <summary>Settings of <see cref="Lbfgs{T}"/>; the defaults are <c>torch.optim.LBFGS</c>'s, except the line search, which is on.</summary>
public sealed record LbfgsOptions
{
    /// <summary>The step length tried first (1 for a quasi-Newton step); &gt; 0.</summary>
    public double LearningRate { get; init; } = 1;

    /// <summary>
    /// The most iterations per call, ≥ 1; null (the default) means 20 per <see cref="Lbfgs{T}.Step{TObjective}"/> call
    /// (PyTorch's <c>max_iter</c>) and 10,000 for <see cref="Lbfgs{T}.Minimize{TObjective}"/>, whose normal stop is
    /// the gradient tolerance.
    /// </summary>
    public int? MaxIterations { get; init; }

    /// <summary>The most objective evaluations per call; 0 means the call's iteration limit × 5/4, as in PyTorch.</summary>
    public int MaxEvaluations { get; init; }

    /// <summary>Stop when the largest gradient component is ≤ this (PyTorch's <c>tolerance_grad</c>); ≥ 0.</summary>
    public double GradientTolerance { get; init; } = 1e-7;

    /// <summary>Stop when the step or the loss changes by less than this (PyTorch's <c>tolerance_change</c>); ≥ 0.</summary>
    public double ChangeTolerance { get; init; } = 1e-9;

    /// <summary>The number of (s, y) pairs kept; ≥ 1.</summary>
    public int HistorySize { get; init; } = 100;

    /// <summary>The line search.</summary>
    public LineSearch LineSearch { get; init; } = LineSearch.StrongWolfe;

    /// <summary>Receives a report after every iteration of <see cref="Lbfgs{T}.Minimize{TObjective}"/> (use <see cref="SynchronousProgress{T}"/> or <see cref="ConsoleProgress"/> in a console app).</summary>
    public IProgress<IterationReport>? Progress { get; init; }

    /// <summary>
    /// Receives the whole state of <see cref="Lbfgs{T}.Minimize{TObjective}"/> after every iteration that does not end
    /// the run (on the minimizer's thread): save it, and <see cref="Lbfgs{T}.Resume{TObjective}"/> continues from it
    /// bit for bit as the interrupted run would have. Null (the default) captures nothing.
    /// </summary>
    public Action<LbfgsCheckpoint>? Checkpoint { get; init; }

    /// <summary>The iteration limit of a <see cref="Lbfgs{T}.Step{TObjective}"/> call when <see cref="MaxIterations"/> is null: PyTorch's default.</summary>
    internal const int StepIterations = 20;

    /// <summary>The iteration limit of <see cref="Lbfgs{T}.Minimize{TObjective}"/> when <see cref="MaxIterations"/> is null.</summary>
    internal const int MinimizeIterations = 10_000;

    internal int EvaluationLimit(int iterations) => MaxEvaluations > 0 ? MaxEvaluations : (int)Math.Min(int.MaxValue, iterations * 5L / 4);

    internal void Validate()
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be positive and finite.");
        }
        if (MaxIterations is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "MaxIterations must be at least 1.");
        }
        if (MaxEvaluations < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxEvaluations), MaxEvaluations, "MaxEvaluations must be 0 (default) or positive.");
        }
        if (!(GradientTolerance >= 0) || !(ChangeTolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(GradientTolerance >= 0 ? nameof(ChangeTolerance) : nameof(GradientTolerance), "Tolerances must be non-negative numbers (not NaN).");
        }
        if (HistorySize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(HistorySize), HistorySize, "HistorySize must be at least 1.");
        }
    }
}
