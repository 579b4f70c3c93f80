using System;
using System.Diagnostics;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Threading;
using System.Threading.Tasks;
using LossGen.Training;
using Orleans;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace LossGen.Orleans;

/// <summary>
/// The coordinator of a data-parallel job: it has every shard grain load its rows, then drives the unchanged
/// <see cref="Lbfgs{T}"/> over a <see cref="ShardedObjective{T}"/> whose evaluation fans out to the shard grains and
/// merges their answers in shard order. The result is bit-identical to one <see cref="LinearObjective{T, TLoss}"/>
/// over all rows with <see cref="LinearObjectiveOptions.ShardRows"/> set to the shards' row counts.
/// </summary>
/// <remarks>
/// <see cref="Train"/> blocks its thread for the whole run (L-BFGS calls the objective synchronously, and each
/// evaluation waits for every shard): call it from a client process or a dedicated thread (<see cref="TrainAsync"/>
/// starts one), never from inside a grain, whose turn must not block the silo's scheduler. A shard call that fails
/// transiently (its silo died, the connection dropped, a timeout) is retried; Orleans reactivates the shard grain on a
/// live silo, it reloads its rows from its source, and answers the same evaluation with the same bits. A shard whose
/// data source is missing or damaged fails the run with a <see cref="ShardFailedException"/> naming it, at once: the
/// other shards' calls (and their retries) are cancelled.
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class DistributedTrainer<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly IGrainFactory _grains;
    private readonly DistributedTrainerOptions _options;
    private readonly ShardSpec[] _specs;
    private long[]? _rows;
    private long _retries;
    private long _slowestAnswerTicks;

    /// <summary>Creates the coordinator.</summary>
    /// <param name="grains">The cluster client (or a silo's grain factory).</param>
    /// <param name="job">The job.</param>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">The job is invalid (no name, an unregistered loss, no shards, …).</exception>
    public DistributedTrainer(IGrainFactory grains, DistributedJob job, DistributedTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(job);
        job.Validate();
        _options = options ?? new DistributedTrainerOptions();
        _options.Validate();
        _grains = grains;
        Job = job;
        var element = typeof(T) == typeof(float) ? ShardElementType.Single : ShardElementType.Double;
        _specs = job.Shards.Select((source, s) => new ShardSpec
        {
            Job = job.Name, Shard = s, Source = source, Loss = job.Loss, Columns = job.Columns,
            ElementType = element, ChunkRows = job.ChunkRows, Threads = job.Threads,
        }).ToArray();
    }

    /// <summary>The job.</summary>
    public DistributedJob Job { get; }

    /// <summary>The number of parameters: the weights, then the bias.</summary>
    public int ParameterCount => Job.Columns + 1;

    /// <summary>Each shard's row count, once loaded (<see cref="LoadAsync"/>); else null.</summary>
    public IReadOnlyList<long>? ShardRows => _rows;

    /// <summary>Shard calls retried so far after transient failures.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>The shard grain of shard <paramref name="shard"/>.</summary>
    public IShardGrain Shard(int shard) => _grains.GetGrain<IShardGrain>(_specs[shard].GrainKey);

    /// <summary>Has every shard load its rows (in parallel) and records their counts.</summary>
    /// <exception cref="ShardFailedException">A shard's data source is missing or damaged, or its retries ran out.</exception>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        long[] rows = await CallAll((spec, grain) => grain.LoadAsync(spec), cancellationToken).ConfigureAwait(false);
        _rows = rows;
    }

    /// <summary>
    /// Trains from <paramref name="parameters"/> (updated in place) to convergence with L-BFGS or, when
    /// <see cref="DistributedTrainerOptions.Method"/> says so, Newton's method, on this thread; loads
    /// the shards first if needed. With <see cref="DistributedTrainerOptions.CheckpointPath"/> set and the file present,
    /// resumes from it instead (the parameters are then overwritten by the checkpoint's).
    /// </summary>
    /// <param name="parameters">The weights, then the bias: <see cref="ParameterCount"/> values.</param>
    /// <param name="cancellationToken">Stops before the next iteration (status <see cref="MinimizationStatus.Cancelled"/>) and cancels waits for shards.</param>
    /// <exception cref="ArgumentException"><paramref name="parameters"/> has the wrong length.</exception>
    /// <exception cref="ShardFailedException">A shard failed for good.</exception>
    /// <exception cref="ShardAnswerException">The answers were not exactly one per shard.</exception>
    public MinimizationResult<T> Train(T[] parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"The model has {ParameterCount} parameters (weights, then the bias), but {parameters.Length} were given.", nameof(parameters));
        }
        if (_rows is null)
        {
            LoadAsync(cancellationToken).GetAwaiter().GetResult();
        }
        long[] rows = _rows!;
        long total = rows.Sum();
        var objective = new ShardedObjective<T>(rows, ParameterCount, (evaluation, theta) => EvaluateShards(evaluation, theta, total, false, cancellationToken), Job.L2, Job.Columns,
            evaluateShardsWithCurvature: (evaluation, theta) => EvaluateShards(evaluation, theta, total, true, cancellationToken));
        if (_options.Method == DistributedMethod.Newton)
        {
            return new Newton<T>(_options.Newton).Minimize(objective, parameters, cancellationToken);
        }
        string? path = _options.CheckpointPath;
        var lbfgs = new Lbfgs<T>(path is null ? _options.Lbfgs : _options.Lbfgs with { Checkpoint = c => c.Save(path) });
        if (path is not null && File.Exists(path))
        {
            return lbfgs.Resume(objective, parameters, LbfgsCheckpoint.Load(path), cancellationToken);
        }
        return lbfgs.Minimize(objective, parameters, cancellationToken);
    }

    /// <summary>Runs <see cref="Train"/> on a dedicated thread (never a grain's), so the caller can await it.</summary>
    /// <param name="parameters">The weights, then the bias, updated in place.</param>
    /// <param name="cancellationToken">Stops training before the next iteration.</param>
    public Task<MinimizationResult<T>> TrainAsync(T[] parameters, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => Train(parameters, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private IReadOnlyList<PartialEvaluation<T>> EvaluateShards(long evaluation, T[] parameters, long totalRows, bool curvature, CancellationToken token)
    {
        _options.EvaluationStarting?.Invoke(evaluation);
        var theta = new double[parameters.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            theta[i] = double.CreateTruncating(parameters[i]);
        }
        byte[][] answers = CallAll((spec, grain) => curvature
                ? grain.EvaluateSecondOrderAsync(spec, evaluation, theta, totalRows)
                : grain.EvaluateAsync(spec, evaluation, theta, totalRows), token, EvaluationTimeout())
            .GetAwaiter().GetResult();
        var shares = new PartialEvaluation<T>[answers.Length];
        for (int s = 0; s < answers.Length; s++)
        {
            try
            {
                shares[s] = PartialEvaluation<T>.FromBytes(answers[s]);
            }
            catch (InvalidDataException e)
            {
                throw new ShardFailedException(s, $"Shard {s} ({_specs[s].Source.Path}) sent an unreadable answer to evaluation {evaluation}: {e.Message}", e);
            }
        }
        return shares;
    }

    /// <summary>
    /// The wait for one evaluation answer: <see cref="DistributedTrainerOptions.EvaluationTimeoutFactor"/> times the slowest
    /// answer so far, within [<see cref="DistributedTrainerOptions.MinimumEvaluationTimeout"/>, <see cref="DistributedTrainerOptions.CallTimeout"/>];
    /// CallTimeout before any answer (the first evaluation may include loading) or when the factor is 0.
    /// </summary>
    private TimeSpan EvaluationTimeout()
    {
        long slowest = Interlocked.Read(ref _slowestAnswerTicks);
        if (_options.EvaluationTimeoutFactor == 0 || slowest == 0)
        {
            return _options.CallTimeout;
        }
        double ticks = Math.Max(_options.MinimumEvaluationTimeout.Ticks, slowest * _options.EvaluationTimeoutFactor);
        return ticks >= _options.CallTimeout.Ticks ? _options.CallTimeout : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// Calls every shard at once and waits for all the answers, in shard order. The first shard that fails for good
    /// cancels the other calls (and their pauses between retries), so that the failure is reported at once, not after
    /// the retries of a shard that is still failing transiently.
    /// </summary>
    private async Task<TResult[]> CallAll<TResult>(Func<ShardSpec, IShardGrain, Task<TResult>> call, CancellationToken token, TimeSpan? timeout = null)
    {
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(token);
        Task<TResult>[] calls = _specs.Select(async spec =>
        {
            try
            {
                return await Call(spec, grain => call(spec, grain), failed.Token, timeout).ConfigureAwait(false);
            }
            catch (ShardFailedException)
            {
                failed.Cancel();
                throw;
            }
        }).ToArray();
        try
        {
            // WhenAll of a failed call and cancelled ones throws the failure, not a cancellation.
            return await Task.WhenAll(calls).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (token.IsCancellationRequested)
        {
            // The calls saw the linked token; the caller's is the one to report (a task started with it then ends Canceled).
            throw new OperationCanceledException(e.Message, e, token);
        }
    }

    /// <summary>One shard call, retried after transient failures; anything else fails the run naming the shard.</summary>
    private async Task<TResult> Call<TResult>(ShardSpec spec, Func<IShardGrain, Task<TResult>> call, CancellationToken token, TimeSpan? timeout = null)
    {
        IShardGrain grain = _grains.GetGrain<IShardGrain>(spec.GrainKey);
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                long start = Stopwatch.GetTimestamp();
                TResult result = await call(grain).WaitAsync(timeout ?? _options.CallTimeout, token).ConfigureAwait(false);
                if (timeout is not null)
                {
                    // Remember the slowest answer (in TimeSpan ticks) for the adaptive evaluation timeout.
                    long ticks = Stopwatch.GetElapsedTime(start).Ticks;
                    for (long seen = Interlocked.Read(ref _slowestAnswerTicks); ticks > seen; seen = Interlocked.Read(ref _slowestAnswerTicks))
                    {
                        if (Interlocked.CompareExchange(ref _slowestAnswerTicks, ticks, seen) == seen)
                        {
                            break;
                        }
                    }
                }
                return result;
            }
            catch (Exception e) when (IsTransient(e) && attempt < _options.MaxRetries && !token.IsCancellationRequested)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(_options.RetryDelayBefore(attempt), token).ConfigureAwait(false);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // Cancelled (by the caller, or because another shard failed for good) while this call was failing:
                // a cancellation, not an exhausted shard.
                throw new OperationCanceledException(token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                string why = IsTransient(e) ? $"gave up after {attempt} retries" : "failed";
                throw new ShardFailedException(spec.Shard, $"Shard {spec.Shard} ({spec.Source.Path}) {why}: {e.Message}", e);
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException or GatewayTooBusyException;
}
