using System.Threading.Tasks;
using Orleans;

namespace LossGen.Orleans;

/// <summary>
/// One shard of a data-parallel training job (key: <see cref="ShardSpec.GrainKey"/>). It loads its rows itself from
/// <see cref="ShardSpec.Source"/>, keeps them in memory between evaluations, and answers each evaluation with its
/// <c>PartialEvaluation</c> in binary form. Every call carries the spec, so that an activation that lost its rows
/// (its silo died, it was deactivated) reloads them before answering.
/// </summary>
public interface IShardGrain : IGrainWithStringKey
{
    /// <summary>Loads the rows (unless this activation holds them already) and returns their count.</summary>
    /// <param name="spec">The shard.</param>
    [ResponseTimeout("00:30:00")]
    Task<long> LoadAsync(ShardSpec spec);

    /// <summary>The shard's partial evaluation, in the binary form of <c>PartialEvaluation&lt;T&gt;.ToBytes</c>.</summary>
    /// <param name="spec">The shard (its rows are reloaded if this activation does not hold them).</param>
    /// <param name="evaluation">The evaluation number, echoed in the answer.</param>
    /// <param name="parameters">The weights, then the bias, as double (float parameters convert exactly).</param>
    /// <param name="totalRows">The rows of all shards, over which a mean loss is taken.</param>
    [ResponseTimeout("00:30:00")]
    Task<byte[]> EvaluateAsync(ShardSpec spec, long evaluation, double[] parameters, long totalRows);

    /// <summary>
    /// As <see cref="EvaluateAsync"/>, with the shard's curvature (the packed upper triangle of Xᵀ·diag(h)·X) in the
    /// share: what Newton's method over the shards needs. The job's loss must be registered with second derivatives
    /// (<see cref="DistributedLosses.RegisterWithSecondOrder{TLoss}"/>; the built-in losses are).
    /// </summary>
    [ResponseTimeout("00:30:00")]
    Task<byte[]> EvaluateSecondOrderAsync(ShardSpec spec, long evaluation, double[] parameters, long totalRows);

    /// <summary>Where this activation runs and how often it has loaded its rows (for tests and monitoring).</summary>
    Task<ShardStatus> StatusAsync();
}

/// <summary>What a shard grain's activation reports about itself.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardStatus
{
    /// <summary>The silo the activation runs on.</summary>
    [Id(0)]
    public required string Silo { get; init; }

    /// <summary>How many times this activation loaded rows.</summary>
    [Id(1)]
    public required int Loads { get; init; }

    /// <summary>The rows held, or 0 when none are loaded.</summary>
    [Id(2)]
    public required long Rows { get; init; }
}
