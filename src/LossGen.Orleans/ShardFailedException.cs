using System;

namespace LossGen.Orleans;

/// <summary>A shard could not load or answer (its data source is missing or damaged, or retries ran out); the message names the shard.</summary>
public sealed class ShardFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="shard">The shard.</param>
    /// <param name="message">What went wrong, naming the shard.</param>
    /// <param name="inner">The cause.</param>
    public ShardFailedException(int shard, string message, Exception? inner)
        : base(message, inner)
    {
        Shard = shard;
    }

    /// <summary>The shard.</summary>
    public int Shard { get; }
}
