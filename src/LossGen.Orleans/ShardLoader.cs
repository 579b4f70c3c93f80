using System;
using System.IO;
using System.Numerics;

namespace LossGen.Orleans;

/// <summary>Loads a shard's rows from its source and builds its objective; every failure names the shard and the source.</summary>
internal static class ShardLoader
{
    public static ILocalShard Load(ShardSpec spec)
    {
        IShardFactory factory = DistributedLosses.Get(spec.Loss, spec.Shard);
        return spec.ElementType == ShardElementType.Single ? Load<float>(spec, factory) : Load<double>(spec, factory);
    }

    private static ILocalShard Load<T>(ShardSpec spec, IShardFactory factory)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        string path = LocalPath(spec.Source.Path);
        try
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"the data source '{spec.Source.Path}' does not exist.", path);
            }
            var (features, targets) = spec.Source.Format == ShardFileFormat.Binary
                ? ShardFile.Read<T>(path, spec.Columns)
                : CsvShard.Read<T>(path, spec.Columns, spec.Source.HasHeader);
            return factory.Create(features, spec.Columns, targets, spec);
        }
        catch (Exception e) when (e is IOException or ArgumentException or FormatException or UnauthorizedAccessException)
        {
            throw new ShardDataException(spec.Shard, spec.Source.Path, $"Shard {spec.Shard} ({spec.Source.Path}): {e.Message}");
        }
    }

    private static string LocalPath(string path) =>
        Uri.TryCreate(path, UriKind.Absolute, out Uri? uri) && uri.IsFile ? uri.LocalPath : path;
}
