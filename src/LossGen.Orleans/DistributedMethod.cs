namespace LossGen.Orleans;

/// <summary>The minimizer a <see cref="DistributedTrainer{T}"/> drives over the merge of the shards.</summary>
public enum DistributedMethod
{
    /// <summary>L-BFGS (<see cref="DistributedTrainerOptions.Lbfgs"/>), with checkpoints: one round of shard calls per evaluation, d + 1 values back from each shard.</summary>
    Lbfgs,

    /// <summary>
    /// Newton's method (<see cref="DistributedTrainerOptions.Newton"/>): each evaluation also brings each shard's
    /// curvature, (d + 1)(d + 2)/2 values; far fewer iterations on ill-conditioned problems. Needs a loss registered
    /// with second derivatives; no checkpoints (a restarted run starts again from the parameters given).
    /// </summary>
    Newton,
}
