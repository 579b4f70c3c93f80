using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace LossGen.Training;

/// <summary>
/// Full-batch L-BFGS: the two-loop recursion over the last m (s, y) pairs with the initial Hessian scaled
/// by sᵀy / yᵀy, and an optional strong-Wolfe line search. <see cref="Step{TObjective}"/> follows
/// <c>torch.optim.LBFGS.step</c> step by step (the same iteration, stopping tests, first step length and line
/// search, state persisting across calls), so its trajectories match PyTorch's to rounding (tested against
/// recorded ones); <see cref="Minimize{TObjective}"/> runs to convergence. Buffers are allocated on the first
/// call and reused.
/// </summary>
/// <remarks>
/// Both methods update the parameter span in place, as every LossGen minimizer does: on return it holds
/// the result (after divergence, the last finite parameters). One call at a time: a call while another runs
/// on another thread throws <see cref="InvalidOperationException"/>.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed partial class Lbfgs<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly LbfgsOptions _options;
    private T[] _d = [], _grad = [], _prevGrad = [], _trial = [], _x = [], _q = [], _yNew = [], _sNew = [];
    private T[][] _s = [], _y = [];
    private double[] _rho = [], _alpha = [];
    private int _count, _newest = -1;
    private double _hDiag = 1, _t, _prevLoss;
    private long _iterations, _stateIterations;
    private int _length = -1;
    private UsageGuard _guard;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Lbfgs(LbfgsOptions? options = null)
    {
        _options = options ?? new LbfgsOptions();
        _options.Validate();
    }

    /// <summary>The settings.</summary>
    public LbfgsOptions Options => _options;

    /// <summary>Iterations taken over all calls.</summary>
    public long Iterations => _iterations;

    /// <summary>Objective evaluations over all calls.</summary>
    public long Evaluations { get; private set; }

    /// <summary>
    /// One call of PyTorch's <c>LBFGS.step(closure)</c>: evaluates the objective, then runs up to
    /// <see cref="LbfgsOptions.MaxIterations"/> iterations (default 20, PyTorch's <c>max_iter</c>), updating
    /// <paramref name="parameters"/> in place. The history persists to the next call.
    /// </summary>
    /// <returns>The objective at the parameters the call started from.</returns>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty, holds a NaN or infinite value, or has another length than in earlier calls.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using this optimizer.</exception>
    public T Step<TObjective>(TObjective objective, Span<T> parameters)
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        _guard.Enter(this);
        try
        {
            Run(objective, parameters, _options.MaxIterations ?? LbfgsOptions.StepIterations, null, default, out double first, out _);
            return T.CreateChecked(first);
        }
        finally
        {
            _guard.Exit();
        }
    }

    /// <summary>
    /// Minimizes <paramref name="objective"/> from <paramref name="parameters"/>, updated in place, to convergence:
    /// it starts afresh (without the history of earlier calls) and stops when the largest gradient component is at
    /// most <see cref="LbfgsOptions.GradientTolerance"/> (the normal stop), when the step or the loss change falls
    /// below <see cref="LbfgsOptions.ChangeTolerance"/>, or at <see cref="LbfgsOptions.MaxIterations"/> iterations
    /// (default 10,000). A non-finite value restores the last finite parameters and reports
    /// <see cref="MinimizationStatus.Diverged"/>. Each iteration is reported to <see cref="LbfgsOptions.Progress"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> is empty, holds a NaN or infinite value, or has another length than in earlier calls.</exception>
    /// <exception cref="InvalidOperationException">Another thread is using this optimizer.</exception>
    public MinimizationResult<T> Minimize<TObjective>(TObjective objective, Span<T> parameters, CancellationToken cancellationToken = default)
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        _guard.Enter(this);
        try
        {
            var history = new List<IterationReport>();
            _callIterationsBefore = _iterations;
            _callEvaluationsBefore = Evaluations;
            _stateIterations = 0;
            MinimizationStatus status = Run(objective, parameters, _options.MaxIterations ?? LbfgsOptions.MinimizeIterations, history, cancellationToken, out _, out double last);
            return new MinimizationResult<T>(status, (int)(_iterations - _callIterationsBefore), (int)(Evaluations - _callEvaluationsBefore), last, history, parameters.ToArray());
        }
        finally
        {
            _guard.Exit();
        }
    }

    private void Allocate(int n)
    {
        if (_length == n)
        {
            return;
        }
        if (_length >= 0)
        {
            throw new ArgumentException($"This optimizer's state is for {_length} parameters, not {n}.", "parameters");
        }
        _length = n;
        int m = _options.HistorySize;
        _d = new T[n];
        _grad = new T[n];
        _prevGrad = new T[n];
        _trial = new T[n];
        _x = new T[n];
        _q = new T[n];
        _yNew = new T[n];
        _sNew = new T[n];
        _s = new T[m][];
        _y = new T[m][];
        for (int i = 0; i < m; i++)
        {
            _s[i] = new T[n];
            _y[i] = new T[n];
        }
        _rho = new double[m];
        _alpha = new double[m];
        AllocateLineSearch(n);
    }

    private MinimizationStatus Run<TObjective>(TObjective objective, Span<T> parameters, int maxIterations, List<IterationReport>? history, CancellationToken token, out double firstLoss, out double lastLoss, ResumePoint? resume = null)
        where TObjective : IObjective<T>
    {
        if (parameters.Length == 0)
        {
            throw new ArgumentException("There are no parameters to optimize.", nameof(parameters));
        }
        StateIO.CheckFinite<T>(parameters, nameof(parameters));
        Allocate(parameters.Length);
        var clock = Stopwatch.StartNew();
        double loss;
        int evaluations, iteration = 0;
        TimeSpan elapsedBefore = TimeSpan.Zero;
        if (resume is { } at)
        {
            // Continues a Minimize call from the end of an iteration (Lbfgs.Checkpoint.cs restored the state).
            (loss, evaluations, iteration, elapsedBefore) = (at.Loss, at.Evaluations, at.Iteration, at.Elapsed);
            firstLoss = at.FirstLoss;
            lastLoss = loss;
        }
        else
        {
            loss = Evaluate(objective, parameters, _grad);
            evaluations = 1;
            firstLoss = lastLoss = loss;
            if (!double.IsFinite(loss) || !SpanMath.AllFinite(_grad))
            {
                Evaluations += evaluations;
                return MinimizationStatus.Diverged;
            }
            if (SpanMath.MaxAbs(_grad) <= _options.GradientTolerance)
            {
                Evaluations += evaluations;
                return MinimizationStatus.GradientConverged;
            }
        }
        MinimizationStatus status = MinimizationStatus.MaxIterations;
        while (iteration < maxIterations)
        {
            if (token.IsCancellationRequested)
            {
                status = MinimizationStatus.Cancelled;
                break;
            }
            iteration++;
            _iterations++;
            _stateIterations++;
            ComputeDirection();
            _grad.CopyTo(_prevGrad, 0);
            _prevLoss = loss;
            _t = _stateIterations == 1 ? Math.Min(1.0, 1.0 / SpanMath.SumAbs(_grad)) * _options.LearningRate : _options.LearningRate;
            double gtd = double.CreateChecked(SpanMath.Dot(_grad, _d));
            if (gtd > -_options.ChangeTolerance)
            {
                // No descent direction left: no step is taken, so this iteration is not counted as one
                // (PyTorch's own counter, which the first-step rule reads, still advances).
                _iterations--;
                status = MinimizationStatus.ChangeConverged;
                break;
            }
            parameters.CopyTo(_x);
            int lineEvaluations;
            bool converged;
            if (_options.LineSearch == LineSearch.StrongWolfe)
            {
                (loss, _t, lineEvaluations) = StrongWolfe(objective, loss, gtd);
                Move(_x, _t, _d, parameters);
                converged = SpanMath.MaxAbs(_grad) <= _options.GradientTolerance;
            }
            else
            {
                Move(_x, _t, _d, parameters);
                lineEvaluations = 0;
                converged = false;
                if (iteration != maxIterations)
                {
                    loss = Evaluate(objective, parameters, _grad);
                    lineEvaluations = 1;
                    converged = SpanMath.MaxAbs(_grad) <= _options.GradientTolerance;
                }
            }
            evaluations += lineEvaluations;
            if (!double.IsFinite(loss) || !SpanMath.AllFinite(parameters) || !SpanMath.AllFinite(_grad))
            {
                _x.CopyTo(parameters);
                status = MinimizationStatus.Diverged;
                break;
            }
            lastLoss = loss;
            if (history is not null)
            {
                var report = new IterationReport(iteration, loss, _t, SpanMath.Norm(_grad), evaluations, elapsedBefore + clock.Elapsed);
                history.Add(report);
                _options.Progress?.Report(report);
            }
            if (iteration == maxIterations)
            {
                break;
            }
            if (evaluations >= _options.EvaluationLimit(maxIterations))
            {
                status = MinimizationStatus.MaxEvaluations;
                break;
            }
            if (converged)
            {
                status = MinimizationStatus.GradientConverged;
                break;
            }
            if (SpanMath.MaxAbs(_d) * Math.Abs(_t) <= _options.ChangeTolerance || Math.Abs(loss - _prevLoss) < _options.ChangeTolerance)
            {
                status = MinimizationStatus.ChangeConverged;
                break;
            }
            if (history is not null && _options.Checkpoint is { } checkpoint)
            {
                checkpoint(Capture(parameters, new ResumePoint(loss, firstLoss, iteration, evaluations, elapsedBefore + clock.Elapsed), history));
            }
        }
        Evaluations += evaluations;
        return status;
    }

    /// <summary>The search direction d from the current gradient and the history (two-loop recursion).</summary>
    private void ComputeDirection()
    {
        int n = _length;
        if (_stateIterations == 1)
        {
            for (int i = 0; i < n; i++)
            {
                _d[i] = -_grad[i];
            }
            _count = 0;
            _newest = -1;
            _hDiag = 1;
            return;
        }
        // y = g − g_prev, s = t·d; kept only when the curvature yᵀs is positive enough.
        int m = _options.HistorySize;
        int slot = (_newest + 1) % m;
        T[] y = _yNew, s = _sNew;
        T tt = T.CreateChecked(_t);
        for (int i = 0; i < n; i++)
        {
            y[i] = _grad[i] - _prevGrad[i];
            s[i] = _d[i] * tt;
        }
        double ys = double.CreateChecked(SpanMath.Dot(y, s));
        if (ys > 1e-10)
        {
            // The new pair takes the slot of the oldest (when the history is full); the arrays are swapped, not copied.
            (_y[slot], _yNew) = (_yNew, _y[slot]);
            (_s[slot], _sNew) = (_sNew, _s[slot]);
            _newest = slot;
            _count = Math.Min(_count + 1, m);
            _rho[slot] = 1.0 / ys;
            _hDiag = ys / double.CreateChecked(SpanMath.Dot(y, y));
        }
        for (int i = 0; i < n; i++)
        {
            _q[i] = -_grad[i];
        }
        for (int k = 0; k < _count; k++)
        {
            int j = ((_newest - k) % m + m) % m;
            double a = double.CreateChecked(SpanMath.Dot(_s[j], _q)) * _rho[j];
            _alpha[j] = a;
            SpanMath.Axpy(T.CreateChecked(-a), _y[j], _q);
        }
        T h = T.CreateChecked(_hDiag);
        for (int i = 0; i < n; i++)
        {
            _d[i] = _q[i] * h;
        }
        for (int k = _count - 1; k >= 0; k--)
        {
            int j = ((_newest - k) % m + m) % m;
            double b = double.CreateChecked(SpanMath.Dot(_y[j], _d)) * _rho[j];
            SpanMath.Axpy(T.CreateChecked(_alpha[j] - b), _s[j], _d);
        }
    }

    private static double Evaluate<TObjective>(TObjective objective, ReadOnlySpan<T> parameters, Span<T> gradient)
        where TObjective : IObjective<T> => double.CreateChecked(objective.Evaluate(parameters, gradient));

    /// <summary>into = x + t·d.</summary>
    private static void Move(ReadOnlySpan<T> x, double t, ReadOnlySpan<T> d, Span<T> into)
    {
        T tt = T.CreateChecked(t);
        for (int i = 0; i < x.Length; i++)
        {
            into[i] = x[i] + tt * d[i];
        }
    }
}
