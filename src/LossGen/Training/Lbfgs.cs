using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace LossGen.Training;

/// <summary>
/// Full-batch L-BFGS: the two-loop recursion over the last m (s, y) pairs with the initial Hessian scaled
/// by sᵀy / yᵀy, and an optional strong-Wolfe line search. It follows <c>torch.optim.LBFGS</c> step by step
/// (the same iteration, stopping tests, first step length and line search), so its trajectories match
/// PyTorch's to rounding (tested against recorded ones). State persists across <see cref="Step{TObjective}"/>
/// calls as in PyTorch; buffers are allocated on the first call and reused.
/// </summary>
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
    private long _iterations;
    private int _length = -1;

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
    /// <see cref="LbfgsOptions.MaxIterations"/> iterations, updating <paramref name="parameters"/> in place.
    /// </summary>
    /// <returns>The objective at the parameters the call started from.</returns>
    public T Step<TObjective>(TObjective objective, Span<T> parameters)
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        Run(objective, parameters, _options.MaxIterations, null, default, out double first, out _);
        return T.CreateChecked(first);
    }

    /// <summary>
    /// Minimizes <paramref name="objective"/> from <paramref name="parameters"/> (updated in place) with up to
    /// <see cref="LbfgsOptions.MaxIterations"/> iterations. Each iteration is reported as an epoch (its learning
    /// rate is the step length taken). A non-finite value restores the last finite parameters and reports
    /// <see cref="TrainingStatus.Diverged"/>.
    /// </summary>
    public TrainingResult<T> Minimize<TObjective>(TObjective objective, Span<T> parameters, CancellationToken cancellationToken = default)
        where TObjective : IObjective<T>
    {
        ArgumentNullException.ThrowIfNull(objective);
        var history = new List<EpochReport>();
        long before = _iterations;
        TrainingStatus status = Run(objective, parameters, _options.MaxIterations, history, cancellationToken, out _, out double last);
        return new TrainingResult<T>(status, (int)(_iterations - before), last, history, parameters.ToArray());
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

    private TrainingStatus Run<TObjective>(TObjective objective, Span<T> parameters, int maxIterations, List<EpochReport>? history, CancellationToken token, out double firstLoss, out double lastLoss)
        where TObjective : IObjective<T>
    {
        if (parameters.Length == 0)
        {
            throw new ArgumentException("There are no parameters to optimize.", nameof(parameters));
        }
        Allocate(parameters.Length);
        var clock = Stopwatch.StartNew();
        double loss = Evaluate(objective, parameters, _grad);
        int evaluations = 1;
        firstLoss = lastLoss = loss;
        if (!double.IsFinite(loss) || !SpanMath.AllFinite(_grad))
        {
            return TrainingStatus.Diverged;
        }
        if (SpanMath.MaxAbs(_grad) <= _options.GradientTolerance)
        {
            return TrainingStatus.GradientConverged;
        }
        TrainingStatus status = TrainingStatus.MaxEpochs;
        int iteration = 0;
        while (iteration < maxIterations)
        {
            if (token.IsCancellationRequested)
            {
                status = TrainingStatus.Cancelled;
                break;
            }
            iteration++;
            _iterations++;
            ComputeDirection();
            _grad.CopyTo(_prevGrad, 0);
            _prevLoss = loss;
            _t = _iterations == 1 ? Math.Min(1.0, 1.0 / SpanMath.SumAbs(_grad)) * _options.LearningRate : _options.LearningRate;
            double gtd = double.CreateChecked(SpanMath.Dot(_grad, _d));
            if (gtd > -_options.ChangeTolerance)
            {
                status = TrainingStatus.LossConverged;
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
                status = TrainingStatus.Diverged;
                break;
            }
            lastLoss = loss;
            if (history is not null)
            {
                var report = new EpochReport((int)_iterations, loss, double.NaN, _t, SpanMath.Norm(_grad), clock.Elapsed);
                history.Add(report);
                _options.Progress?.Report(report);
            }
            if (iteration == maxIterations)
            {
                break;
            }
            if (evaluations >= _options.EvaluationLimit)
            {
                status = TrainingStatus.MaxEpochs;
                break;
            }
            if (converged)
            {
                status = TrainingStatus.GradientConverged;
                break;
            }
            if (SpanMath.MaxAbs(_d) * Math.Abs(_t) <= _options.ChangeTolerance || Math.Abs(loss - _prevLoss) < _options.ChangeTolerance)
            {
                status = TrainingStatus.LossConverged;
                break;
            }
        }
        Evaluations += evaluations;
        return status;
    }

    /// <summary>The search direction d from the current gradient and the history (two-loop recursion).</summary>
    private void ComputeDirection()
    {
        int n = _length;
        if (_iterations == 1)
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
