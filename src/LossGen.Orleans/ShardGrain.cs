using System;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Placement;

namespace LossGen.Orleans;

/// <summary>
/// The shard grain. Loading and evaluating are CPU-bound: both run on the thread pool (<see cref="Task.Run(Action)"/>,
/// the evaluation itself on all cores through the objective's own worker threads) while the grain awaits them, so that
/// no Orleans scheduler turn is blocked. Orleans runs one call of a grain at a time (grains are not reentrant), so
/// an evaluation never overlaps a reload. Placed on the silo of a caller that is a silo, else on a random silo.
/// </summary>
[PreferLocalPlacement]
internal sealed class ShardGrain : Grain, IShardGrain
{
    private ILocalShard? _shard;
    private ShardSpec? _spec;
    private int _loads;

    public async Task<long> LoadAsync(ShardSpec spec) => (await Loaded(spec)).Rows;

    public async Task<byte[]> EvaluateAsync(ShardSpec spec, long evaluation, double[] parameters, long totalRows)
    {
        ILocalShard shard = await Loaded(spec);
        return await Task.Run(() => shard.Evaluate(parameters, totalRows, spec.Shard, evaluation));
    }

    public async Task<byte[]> EvaluateSecondOrderAsync(ShardSpec spec, long evaluation, double[] parameters, long totalRows)
    {
        ILocalShard shard = await Loaded(spec);
        return await Task.Run(() => shard.EvaluateSecondOrder(parameters, totalRows, spec.Shard, evaluation));
    }

    public Task<ShardStatus> StatusAsync() =>
        Task.FromResult(new ShardStatus { Silo = RuntimeIdentity, Loads = _loads, Rows = _shard?.Rows ?? 0 });

    private async Task<ILocalShard> Loaded(ShardSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.GrainKey != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"Shard grain '{this.GetPrimaryKeyString()}' was sent the spec of '{spec.GrainKey}'.", nameof(spec));
        }
        if (_shard is not null && spec == _spec)
        {
            return _shard;
        }
        _shard?.Dispose();
        _shard = null;
        _spec = null;
        _shard = await Task.Run(() => ShardLoader.Load(spec));
        _spec = spec;
        _loads++;
        return _shard;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _shard?.Dispose();
        _shard = null;
        return base.OnDeactivateAsync(reason, cancellationToken);
    }
}
