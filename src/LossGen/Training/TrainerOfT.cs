using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Numerics;
using System.Threading;

namespace LossGen.Training;

/// <summary>
/// Mini-batch (or full-batch) training of an <see cref="IBatchObjective{T}"/> with any <see cref="IOptimizer{T}"/>:
/// seeded shuffling, an optional validation set with early stopping, tolerances, a schedule, gradient
/// clipping, divergence detection, progress, cancellation within an epoch, and checkpoints that resume
/// bit-identically. Steps allocate nothing once the optimizer's state exists.
/// </summary>
/// <remarks>
/// <para>The parameter array given to the constructor is the one trained, in place (as <see cref="Lbfgs{T}.Minimize{TObjective}"/>
/// and <see cref="Trainer.Minimize{T, TObjective}"/> update the span they are given): after <see cref="Fit"/> or
/// <see cref="Run"/> it holds the result, and <see cref="TrainingResult{T}.Parameters"/> is a copy of it.</para>
/// <para>One call at a time: <see cref="Fit"/>, <see cref="Run"/> and the checkpoint methods throw
/// <see cref="InvalidOperationException"/> while another of them is running (on another thread, or from a progress report).</para>
/// <para>
/// <typeparamref name="TObjective"/> is a type argument, not an interface-typed field, so for a struct
/// objective the JIT compiles the loop for it; the objective itself calls the generated kernel once per
/// mini-batch (or once per chunk of one) over spans. <see cref="Trainer.Create{T, TObjective}(TObjective, IOptimizer{T}, T[], TrainerOptions?)"/>
/// infers both type arguments.</para>
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
/// <typeparam name="TObjective">The objective.</typeparam>
public sealed partial class Trainer<T, TObjective>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TObjective : IBatchObjective<T>
{
    private readonly TObjective _training;
    private readonly TObjective _validation;
    private readonly bool _hasValidation;
    private readonly IOptimizer<T> _optimizer;
    private readonly TrainerOptions _options;
    private LearningRateSchedule? _schedule;
    private readonly T[] _parameters;
    private readonly T[] _gradient;
    private readonly T[] _lastFinite;
    private readonly T[] _best;
    private readonly int[] _order;
    private readonly List<EpochReport> _history;
    private SeededRandom _random;
    private UsageGuard _guard;
    private readonly Stopwatch _clock = new();
    private TimeSpan _elapsedBefore;
    private int _epoch;
    private double _previousLoss = double.NaN;
    private double _previousMetric = double.NaN;
    private double _bestValidation = double.PositiveInfinity;
    private int _epochsWithoutImprovement;
    private TrainingStatus? _finished;

    /// <summary>Creates a trainer without a validation set.</summary>
    /// <param name="training">The training objective.</param>
    /// <param name="optimizer">The optimizer (its state becomes part of this trainer's checkpoints).</param>
    /// <param name="parameters">The starting point, <c>training.ParameterCount</c> finite values; trained in place.</param>
    /// <param name="options">Settings; null for the defaults. Only read: a schedule in it is copied, never advanced.</param>
    /// <exception cref="ArgumentException">A count does not fit, or a starting value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Trainer(TObjective training, IOptimizer<T> optimizer, T[] parameters, TrainerOptions? options = null)
        : this(training, default!, false, optimizer, parameters, options)
    {
    }

    /// <summary>Creates a trainer that also evaluates <paramref name="validation"/> after every epoch.</summary>
    /// <param name="training">The training objective.</param>
    /// <param name="validation">The validation objective (same parameters, other examples).</param>
    /// <param name="optimizer">The optimizer (its state becomes part of this trainer's checkpoints).</param>
    /// <param name="parameters">The starting point, <c>training.ParameterCount</c> finite values; trained in place.</param>
    /// <param name="options">Settings; null for the defaults. Only read: a schedule in it is copied, never advanced.</param>
    /// <exception cref="ArgumentException">A count does not fit, or a starting value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public Trainer(TObjective training, TObjective validation, IOptimizer<T> optimizer, T[] parameters, TrainerOptions? options = null)
        : this(training, validation, true, optimizer, parameters, options)
    {
    }

    private Trainer(TObjective training, TObjective validation, bool hasValidation, IOptimizer<T> optimizer, T[] parameters, TrainerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(parameters);
        if (hasValidation)
        {
            ArgumentNullException.ThrowIfNull(validation);
            if (validation.ParameterCount != training.ParameterCount)
            {
                throw new ArgumentException($"The validation objective has {validation.ParameterCount} parameters, the training objective {training.ParameterCount}.", nameof(validation));
            }
        }
        options ??= new TrainerOptions();
        options.Validate();
        if (options.EarlyStopping is not null && !hasValidation)
        {
            throw new ArgumentException("Early stopping needs a validation set.", nameof(options));
        }
        if (parameters.Length != training.ParameterCount || parameters.Length == 0)
        {
            throw new ArgumentException($"The objective has {training.ParameterCount} parameters, but {parameters.Length} starting values were given.", nameof(parameters));
        }
        StateIO.CheckFinite<T>(parameters, nameof(parameters));
        if (training.Count < 1)
        {
            throw new ArgumentException("The training objective has no examples.", nameof(training));
        }
        _training = training;
        _validation = validation;
        _hasValidation = hasValidation;
        _optimizer = optimizer;
        _options = options;
        _schedule = options.Schedule?.Fresh();
        _parameters = parameters;
        _gradient = new T[_parameters.Length];
        _lastFinite = (T[])parameters.Clone();
        _best = (T[])parameters.Clone();
        _order = options.BatchSize > 0 && options.BatchSize < training.Count ? new int[training.Count] : Array.Empty<int>();
        _history = new List<EpochReport>(Math.Min(options.MaxEpochs, 1 << 16));
        _random = new SeededRandom(options.Seed);
    }

    /// <summary>The current parameters: the array given to the constructor, trained in place.</summary>
    public ReadOnlySpan<T> Parameters => _parameters;

    /// <summary>Epochs completed.</summary>
    public int Epoch => _epoch;

    /// <summary>The reports of the completed epochs.</summary>
    public IReadOnlyList<EpochReport> History => _history;

    /// <summary>Trains until a stopping rule fires or <see cref="TrainerOptions.MaxEpochs"/> epochs are complete.</summary>
    /// <exception cref="InvalidOperationException">The trainer, its optimizer or its objective is in use by another call.</exception>
    public TrainingResult<T> Fit(CancellationToken cancellationToken = default) => Run(int.MaxValue, cancellationToken);

    /// <summary>
    /// Trains for at most <paramref name="epochs"/> more epochs (never beyond <see cref="TrainerOptions.MaxEpochs"/>):
    /// run in rounds with <see cref="SaveCheckpoint(System.IO.Stream)"/> between them. The status is <see cref="TrainingStatus.MaxEpochs"/>
    /// when the round ends without another reason.
    /// </summary>
    /// <exception cref="InvalidOperationException">The trainer, its optimizer or its objective is in use by another call.</exception>
    public TrainingResult<T> Run(int epochs, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        _guard.Enter(this);
        try
        {
            return RunGuarded(epochs, cancellationToken);
        }
        finally
        {
            _guard.Exit();
        }
    }

    private TrainingResult<T> RunGuarded(int epochs, CancellationToken cancellationToken)
    {
        if (_finished is TrainingStatus done)
        {
            return Result(done);
        }
        _clock.Restart();
        try
        {
            int last = (int)Math.Min(_options.MaxEpochs, (long)_epoch + epochs);
            while (_epoch < last)
            {
                TrainingStatus? stop = RunEpoch(cancellationToken);
                if (stop is TrainingStatus status)
                {
                    if (status != TrainingStatus.Cancelled)
                    {
                        _finished = status;
                    }
                    return Result(status);
                }
            }
            if (_epoch >= _options.MaxEpochs)
            {
                _finished = TrainingStatus.MaxEpochs;
            }
            return Result(TrainingStatus.MaxEpochs);
        }
        finally
        {
            _elapsedBefore += _clock.Elapsed;
            _clock.Reset();
        }
    }

    /// <summary>One epoch; returns a status when training must stop.</summary>
    private TrainingStatus? RunEpoch(CancellationToken cancellationToken)
    {
        int count = _training.Count;
        int batch = _order.Length == 0 ? count : _options.BatchSize;
        if (_order.Length > 0)
        {
            for (int i = 0; i < _order.Length; i++)
            {
                _order[i] = i;
            }
            if (_options.Shuffle)
            {
                _random.Shuffle(_order.AsSpan());
            }
        }
        if (_schedule is LearningRateSchedule schedule)
        {
            _optimizer.LearningRate = T.CreateChecked(schedule.Next(_epoch == 0 ? double.NaN : _previousMetric));
        }
        double lossSum = 0, normSum = 0;
        int batches = 0;
        for (int start = 0; start < count; start += batch)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return TrainingStatus.Cancelled;
            }
            int size = Math.Min(batch, count - start);
            ReadOnlySpan<int> rows = _order.Length == 0 ? default : _order.AsSpan(start, size);
            double loss = double.CreateChecked(_training.Evaluate(_parameters, rows, _gradient));
            if (!double.IsFinite(loss) || !SpanMath.AllFinite(_gradient))
            {
                return Diverge();
            }
            // The last parameters known to give a finite loss and gradient: divergence restores them.
            _parameters.CopyTo(_lastFinite, 0);
            double norm = SpanMath.Norm(_gradient);
            lossSum += loss * size;
            normSum += norm;
            batches++;
            if (batch == count && _options.GradientTolerance > 0 && norm <= _options.GradientTolerance)
            {
                // Full batch: the parameters just evaluated are converged; do not step away from them.
                Report(loss, norm);
                return TrainingStatus.GradientConverged;
            }
            if (_options.ClipValue is double clipValue)
            {
                GradientClipping.ClipByValue<T>(_gradient, T.CreateChecked(clipValue));
            }
            if (_options.ClipNorm is double clipNorm)
            {
                GradientClipping.ClipByGlobalNorm<T>(_gradient, T.CreateChecked(clipNorm));
            }
            _optimizer.Step(_parameters, _gradient);
            if (!SpanMath.AllFinite(_parameters))
            {
                return Diverge();
            }
        }
        double epochLoss = lossSum / count;
        double meanNorm = normSum / batches;
        double previous = _previousLoss;
        EpochReport report = Report(epochLoss, meanNorm);
        if (_options.EarlyStopping is EarlyStopping early)
        {
            if (report.ValidationLoss < _bestValidation - early.MinDelta)
            {
                _bestValidation = report.ValidationLoss;
                _parameters.CopyTo(_best, 0);
                _epochsWithoutImprovement = 0;
            }
            else if (++_epochsWithoutImprovement >= early.Patience)
            {
                if (early.RestoreBest)
                {
                    _best.CopyTo(_parameters, 0);
                }
                return TrainingStatus.EarlyStopped;
            }
        }
        if (_options.GradientTolerance > 0 && meanNorm <= _options.GradientTolerance)
        {
            return TrainingStatus.GradientConverged;
        }
        if (_options.LossTolerance > 0 && _epoch > 1 && Math.Abs(epochLoss - previous) <= _options.LossTolerance * Math.Max(1, Math.Abs(epochLoss)))
        {
            return TrainingStatus.LossConverged;
        }
        return null;
    }

    private EpochReport Report(double loss, double norm)
    {
        _epoch++;
        double validation = double.NaN;
        if (_hasValidation)
        {
            validation = double.CreateChecked(_validation.Evaluate(_parameters, default, _gradient));
        }
        var report = new EpochReport(_epoch, loss, validation, double.CreateChecked(_optimizer.LearningRate), norm, _elapsedBefore + _clock.Elapsed);
        _history.Add(report);
        _options.Progress?.Report(report);
        // The schedule's metric is the validation loss when there is one; the loss tolerance compares training losses.
        _previousMetric = _hasValidation ? validation : loss;
        _previousLoss = loss;
        return report;
    }

    private TrainingStatus Diverge()
    {
        _lastFinite.CopyTo(_parameters, 0);
        return TrainingStatus.Diverged;
    }

    private TrainingResult<T> Result(TrainingStatus status)
    {
        double loss = double.CreateChecked(_training.Evaluate(_parameters, default, _gradient));
        return new TrainingResult<T>(status, _epoch, loss, _history.ToArray(), (T[])_parameters.Clone());
    }
}
