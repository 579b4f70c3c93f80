using Orleans;

namespace LossGen.Orleans;

/// <summary>How a shard's rows are stored.</summary>
public enum ShardFileFormat
{
    /// <summary>The binary column file of <see cref="ShardFile"/>: compact, checksummed, fastest to load.</summary>
    Binary,

    /// <summary>Comma-separated values read with Sep: one row per line, the features, then the target last.</summary>
    Csv,
}

/// <summary>The element type the shards compute in.</summary>
public enum ShardElementType
{
    /// <summary>float.</summary>
    Single,

    /// <summary>double.</summary>
    Double,
}

/// <summary>Where one shard's rows are: a path (or file URI) every silo can read, and its format. The rows never pass through the coordinator.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardSource
{
    /// <summary>Creates the source.</summary>
    /// <param name="path">A path or <c>file://</c> URI readable from every silo.</param>
    /// <param name="format">The file's format.</param>
    /// <param name="hasHeader">For CSV: whether the first line is a header to skip.</param>
    public ShardSource(string path, ShardFileFormat format, bool hasHeader = false)
    {
        Path = path;
        Format = format;
        HasHeader = hasHeader;
    }

    /// <summary>A path or <c>file://</c> URI readable from every silo.</summary>
    [Id(0)]
    public string Path { get; init; }

    /// <summary>The file's format.</summary>
    [Id(1)]
    public ShardFileFormat Format { get; init; }

    /// <summary>For CSV: whether the first line is a header to skip.</summary>
    [Id(2)]
    public bool HasHeader { get; init; }
}

/// <summary>Everything a shard grain needs to load its rows and evaluate: sent with every call, so that a shard reactivated on another silo reloads by itself.</summary>
[GenerateSerializer, Immutable]
public sealed record ShardSpec
{
    /// <summary>The job's name: shard grains of different jobs are different grains.</summary>
    [Id(0)]
    public required string Job { get; init; }

    /// <summary>The shard's number, from 0.</summary>
    [Id(1)]
    public required int Shard { get; init; }

    /// <summary>Where the rows are.</summary>
    [Id(2)]
    public required ShardSource Source { get; init; }

    /// <summary>The registered loss name (<see cref="DistributedLosses"/>).</summary>
    [Id(3)]
    public required string Loss { get; init; }

    /// <summary>The number of features per row.</summary>
    [Id(4)]
    public required int Columns { get; init; }

    /// <summary>The element type.</summary>
    [Id(5)]
    public required ShardElementType ElementType { get; init; }

    /// <summary>Rows per chunk of the shard's evaluation (as <c>LinearObjectiveOptions.ChunkRows</c>).</summary>
    [Id(6)]
    public required int ChunkRows { get; init; }

    /// <summary>Threads of the shard's evaluation; 0 = all cores of its silo.</summary>
    [Id(7)]
    public int Threads { get; init; }

    /// <summary>The shard grain's key: the job, a slash, the shard.</summary>
    public string GrainKey => $"{Job}/{Shard}";
}
