using System;
using System.Collections.Generic;
using LossGen.Training;

namespace LossGen.Orleans;

/// <summary>A data-parallel training job: a linear model over shards of rows that the shard grains load themselves.</summary>
public sealed record DistributedJob
{
    /// <summary>The job's name; shard grains are keyed by it (<see cref="ShardSpec.GrainKey"/>), so two jobs with different names never share a grain.</summary>
    public required string Name { get; init; }

    /// <summary>The registered loss name (<see cref="DistributedLosses"/>), e.g. <c>bce-with-logits</c>.</summary>
    public required string Loss { get; init; }

    /// <summary>Features per row (d); the model has d weights and a bias.</summary>
    public required int Columns { get; init; }

    /// <summary>The shards, in shard order: the merge adds them in this order.</summary>
    public required IReadOnlyList<ShardSource> Shards { get; init; }

    /// <summary>λ of the L2 penalty λ/2 ‖w‖², added once by the coordinator after the merge.</summary>
    public double L2 { get; init; }

    /// <summary>Rows per chunk in every shard (as <see cref="LinearObjectiveOptions.ChunkRows"/>).</summary>
    public int ChunkRows { get; init; } = 1024;

    /// <summary>Threads per shard evaluation; 0 (the default) = all cores of the silo.</summary>
    public int Threads { get; init; }

    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Contains('/'))
        {
            throw new ArgumentException("The job needs a name without '/'.", nameof(Name));
        }
        if (!DistributedLosses.Contains(Loss))
        {
            throw new ArgumentException($"The loss '{Loss}' is not registered (registered: {string.Join(", ", DistributedLosses.Names)}).", nameof(Loss));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Columns, nameof(Columns));
        if (Shards is null || Shards.Count == 0)
        {
            throw new ArgumentException("The job has no shards.", nameof(Shards));
        }
        for (int s = 0; s < Shards.Count; s++)
        {
            if (Shards[s] is null || string.IsNullOrEmpty(Shards[s].Path))
            {
                throw new ArgumentException($"Shard {s} has no data source.", nameof(Shards));
            }
        }
        if (!(L2 >= 0) || double.IsInfinity(L2))
        {
            throw new ArgumentOutOfRangeException(nameof(L2), L2, "L2 must be finite and non-negative.");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ChunkRows, nameof(ChunkRows));
        ArgumentOutOfRangeException.ThrowIfNegative(Threads, nameof(Threads));
    }
}
