using System;
using Orleans;

namespace LossGen.Orleans;

/// <summary>A shard's data source is missing, unreadable, damaged or does not fit the job; the message names the shard and the source.</summary>
[GenerateSerializer]
public sealed class ShardDataException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="shard">The shard.</param>
    /// <param name="source">Its data source.</param>
    /// <param name="message">What is wrong, naming the shard.</param>
    public ShardDataException(int shard, string source, string message)
        : base(message)
    {
        Shard = shard;
        Source = source;
    }

    /// <summary>The shard.</summary>
    [Id(0)]
    public int Shard { get; }

    /// <summary>Its data source.</summary>
    [Id(1)]
    public new string Source { get; }
}
