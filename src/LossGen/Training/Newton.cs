using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace LossGen.Training;

/// <summary>
/// Newton's method with Levenberg–Marquardt damping: each step solves (H + μI) Δ = −g by a Cholesky factorization
/// (in double), where H is the exact Hessian the generator emits; μ starts at 0 (a pure Newton step, quadratic
/// convergence on convex objectives such as logistic, Poisson or Huber regression) and is raised only when H is not
/// positive definite or a step does not decrease the objective, then lowered again as steps succeed (a trust-region
/// safeguard: the ratio of actual to predicted decrease steers μ). Minimizes any <see cref="ISecondOrderObjective{T}"/>,
/// a <see cref="LinearObjective{T, TLoss}"/> whose loss has second derivatives (Xᵀ·diag(h)·X and the gradient in one
/// deterministic chunked parallel pass) and a <see cref="ParametricObjective{T, TLoss}"/> (curve fitting, with
/// <see cref="CurveFit.StandardErrors{T, TLoss}"/> for the parameters' standard errors).
/// </summary>
/// <remarks>
/// Same contract as <see cref="Lbfgs{T}.Minimize{TObjective}"/>: the parameter span is updated in place and a copy is
/// returned in the <see cref="MinimizationResult{T}"/>; each accepted step is reported to
/// <see cref="NewtonOptions.Progress"/>; the token is checked before every iteration. The dense solve costs O(k³) per
/// iteration and O(k²) memory: Newton suits up to a few thousand parameters; beyond, use <see cref="Lbfgs{T}"/>.
/// One call at a time per instance.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class Newton<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly NewtonOptions _options;
    private UsageGuard _guard;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Newton(NewtonOptions? options = null)
    {
        _options = options ?? new NewtonOptions();
        _options.Validate();
    }

    /// <summary>The settings.</summary>
    public NewtonOptions Options => _options;

    /// <summary>Minimizes a linear model whose loss has second derivatives (e.g. <c>Losses.BceWithLogitsLossFunction</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have the model's length or holds a NaN or infinite value.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using this optimizer or the objective.</exception>
    public MinimizationResult<T> Minimize<TLoss>(LinearObjective<T, TLoss> objective, Span<T> parameters, CancellationToken cancellationToken = default)
        where TLoss : struct, ISecondOrderPredictionLoss<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Minimize(new LinearSecondOrderObjective<T, TLoss>(objective), parameters, cancellationToken);
    }

    /// <summary>Fits a curve whose loss has a Hessian output (Levenberg–Marquardt-style damped Newton).</summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have the loss's length or holds a NaN or infinite value.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using this optimizer or the objective.</exception>
    public MinimizationResult<T> Minimize<TLoss>(ParametricObjective<T, TLoss> objective, Span<T> parameters, CancellationToken cancellationToken = default)
        where TLoss : struct, ISecondOrderParametricLoss<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Minimize(new ParametricSecondOrderObjective<T, TLoss>(objective), parameters, cancellationToken);
    }

    /// <summary>
    /// Minimizes <paramref name="objective"/> from <paramref name="parameters"/>, updated in place: stops when the
    /// largest gradient component is at most <see cref="NewtonOptions.GradientTolerance"/> (the normal stop), when an
    /// accepted step changes the objective by at most <see cref="NewtonOptions.ChangeTolerance"/> × max(1, |f|) or no
    /// damping yields a decrease, or at the iteration or evaluation limit.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> does not have the objective's length or holds a NaN or infinite value.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using this optimizer.</exception>
    public MinimizationResult<T> Minimize<TObjective>(TObjective objective, Span<T> parameters, CancellationToken cancellationToken = default)
        where TObjective : ISecondOrderObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        int k = objective.ParameterCount;
        if (parameters.Length != k)
        {
            throw new ArgumentException($"The objective has {k} parameters, but {parameters.Length} were given.", nameof(parameters));
        }
        StateIO.CheckFinite((ReadOnlySpan<T>)parameters, nameof(parameters));
        _guard.Enter(this);
        try
        {
            return Run(objective, parameters, cancellationToken);
        }
        finally
        {
            _guard.Exit();
        }
    }

    private MinimizationResult<T> Run<TObjective>(TObjective objective, Span<T> x, CancellationToken token)
        where TObjective : ISecondOrderObjective<T>
    {
        int k = x.Length;
        int maxEvaluations = _options.MaxEvaluations > 0 ? _options.MaxEvaluations : 4 * _options.MaxIterations;
        var clock = Stopwatch.StartNew();
        var history = new List<IterationReport>();
        var g = new T[k];
        var trial = new T[k];
        var gTrial = new T[k];
        var h = new double[k * k];
        var hTrial = new double[k * k];
        var factor = new double[k * k];
        var step = new double[k];
        double f = double.CreateChecked(objective.Evaluate(x, g, h));
        int evaluations = 1, iterations = 0;
        if (!double.IsFinite(f) || !SpanMath.AllFinite<T>(g) || !AllFinite(h))
        {
            return Result(MinimizationStatus.Diverged, iterations, evaluations, f, history, x);
        }
        double mu = _options.InitialDamping * Scale(h, k), nu = 2;
        int failures = 0; // consecutive steps that could not be taken (no factorization, or no decrease)
        while (true)
        {
            if (SpanMath.MaxAbs<T>(g) <= _options.GradientTolerance)
            {
                return Result(MinimizationStatus.GradientConverged, iterations, evaluations, f, history, x);
            }
            if (token.IsCancellationRequested)
            {
                return Result(MinimizationStatus.Cancelled, iterations, evaluations, f, history, x);
            }
            if (iterations >= _options.MaxIterations)
            {
                return Result(MinimizationStatus.MaxIterations, iterations, evaluations, f, history, x);
            }
            // Damping that keeps failing means no step of any length decreases f at this precision: converged.
            // (The scale is the Hessian's largest diagonal entry, or 1 where the Hessian vanishes, e.g. L1 or hinge
            // losses without L2, so that damping always grows from a positive value; the failure cap ends any case
            // where it still cannot.)
            double scale = Scale(h, k);
            if (mu > 1e16 * scale || failures >= MaxFailures)
            {
                return Result(MinimizationStatus.ChangeConverged, iterations, evaluations, f, history, x);
            }
            if (!DenseCholesky.TryFactor(h, mu, k, factor))
            {
                // Not positive definite (non-convex region or a singular Hessian): damp more, same point.
                (mu, nu) = Damp(mu, nu, scale);
                failures++;
                continue;
            }
            for (int i = 0; i < k; i++)
            {
                step[i] = -double.CreateChecked(g[i]);
            }
            DenseCholesky.Solve(factor, k, step);
            // The model's predicted decrease: −(gᵀΔ + ½ ΔᵀHΔ).
            double gStep = 0, stepHStep = 0;
            for (int i = 0; i < k; i++)
            {
                gStep += double.CreateChecked(g[i]) * step[i];
                double row = 0;
                for (int j = 0; j < k; j++)
                {
                    row += h[i * k + j] * step[j];
                }
                stepHStep += step[i] * row;
            }
            double predicted = -(gStep + 0.5 * stepHStep);
            for (int i = 0; i < k; i++)
            {
                trial[i] = x[i] + T.CreateChecked(step[i]);
            }
            if (evaluations >= maxEvaluations)
            {
                return Result(MinimizationStatus.MaxEvaluations, iterations, evaluations, f, history, x);
            }
            // The Hessian is computed at the trial point with its gradient: steps are usually accepted, and then it is needed.
            double fTrial = double.CreateChecked(objective.Evaluate(trial, gTrial, hTrial));
            evaluations++;
            bool finite = double.IsFinite(fTrial) && SpanMath.AllFinite<T>(gTrial) && AllFinite(hTrial);
            double actual = f - fTrial;
            if (!finite || !(actual >= 0) || !(predicted > 0))
            {
                if (finite && actual == 0 && predicted <= 0)
                {
                    // The model predicts no decrease and none happens: the gradient is as small as rounding allows.
                    return Result(MinimizationStatus.ChangeConverged, iterations, evaluations, f, history, x);
                }
                (mu, nu) = Damp(mu, nu, scale);
                failures++;
                continue;
            }
            failures = 0;
            // Accepted: Nielsen's update of μ from the ratio of actual to predicted decrease.
            double rho = actual / predicted;
            mu = mu * Math.Max(1.0 / 3, 1 - Math.Pow(2 * rho - 1, 3));
            if (mu < 1e-15 * scale)
            {
                mu = 0;
            }
            nu = 2;
            trial.CopyTo(x);
            (g, gTrial) = (gTrial, g);
            (h, hTrial) = (hTrial, h);
            double previous = f;
            f = fTrial;
            iterations++;
            var report = new IterationReport(iterations, f, 1, SpanMath.Norm<T>(g), evaluations, clock.Elapsed);
            history.Add(report);
            _options.Progress?.Report(report);
            if (actual == 0 || _options.ChangeTolerance > 0 && Math.Abs(previous - f) <= _options.ChangeTolerance * Math.Max(1, Math.Abs(f)))
            {
                return Result(SpanMath.MaxAbs<T>(g) <= _options.GradientTolerance ? MinimizationStatus.GradientConverged : MinimizationStatus.ChangeConverged,
                    iterations, evaluations, f, history, x);
            }
        }
    }

    private static MinimizationResult<T> Result(MinimizationStatus status, int iterations, int evaluations, double loss, List<IterationReport> history, Span<T> x) =>
        new(status, iterations, evaluations, loss, history, x.ToArray());

    /// <summary>Consecutive failed steps (damping raised each time, by at least a factor of 2) before giving up.</summary>
    private const int MaxFailures = 100;

    /// <summary>The Hessian's scale for damping: its largest diagonal magnitude, or 1 when that is 0 or not a usable number.</summary>
    private static double Scale(ReadOnlySpan<double> h, int k)
    {
        double max = 0;
        for (int i = 0; i < k; i++)
        {
            max = Math.Max(max, Math.Abs(h[i * k + i]));
        }
        return max > 0 && max < 1e300 ? max : 1;
    }

    /// <summary>μ raised after a failed step (at least 1e-3 of the scale, doubling factors), ν doubled up to a bound.</summary>
    private static (double Mu, double Nu) Damp(double mu, double nu, double scale) =>
        (Math.Max(mu * nu, 1e-3 * scale), Math.Min(nu * 2, 1e10));

    private static bool AllFinite(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>A <see cref="LinearObjective{T, TLoss}"/> with a second-order loss as an <see cref="ISecondOrderObjective{T}"/>.</summary>
internal readonly struct LinearSecondOrderObjective<T, TLoss>(LinearObjective<T, TLoss> objective) : ISecondOrderObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : struct, ISecondOrderPredictionLoss<T>
{
    public int ParameterCount => objective.ParameterCount;

    public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient) => objective.Evaluate(parameters, gradient);

    public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian) => objective.EvaluateSecondOrder(objective.Loss, parameters, gradient, hessian);
}

/// <summary>A <see cref="ParametricObjective{T, TLoss}"/> with a Hessian-giving loss as an <see cref="ISecondOrderObjective{T}"/>.</summary>
internal readonly struct ParametricSecondOrderObjective<T, TLoss>(ParametricObjective<T, TLoss> objective) : ISecondOrderObjective<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TLoss : struct, ISecondOrderParametricLoss<T>
{
    public int ParameterCount => objective.ParameterCount;

    public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient) => objective.Evaluate(parameters, gradient);

    public T Evaluate(ReadOnlySpan<T> parameters, Span<T> gradient, Span<double> hessian) => objective.EvaluateSecondOrder(objective.Loss, parameters, gradient, hessian);
}
