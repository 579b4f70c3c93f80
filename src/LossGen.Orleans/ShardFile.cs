using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Hashing;
using System.Numerics;

namespace LossGen.Orleans;

/// <summary>
/// The binary column file of a shard, little-endian: the signature "LGSHRD" CR LF (8 bytes), the format version
/// (2 bytes), the element size (1 byte: 4 float, 8 double), a reserved byte (0), the rows (8 bytes), the columns
/// (4 bytes), then each feature column in turn (rows values each), then the targets (rows values), and last a
/// CRC-64 (ECMA-182) over everything before it. Column by column, so that a writer can produce one column at a time
/// and a file holds nothing but the values and 32 bytes of framing.
/// </summary>
public static class ShardFile
{
    /// <summary>The format version written.</summary>
    public const int Version = 1;

    private const int HeaderSize = 8 + 2 + 1 + 1 + 8 + 4;

    private static ReadOnlySpan<byte> Signature => "LGSHRD\r\n"u8;

    /// <summary>Writes a shard: rows × <paramref name="columns"/> features (row-major) and one target per row.</summary>
    /// <typeparam name="T">float or double.</typeparam>
    /// <param name="path">The file to create (replaced if it exists).</param>
    /// <param name="features">The features, row-major.</param>
    /// <param name="columns">Features per row, ≥ 1.</param>
    /// <param name="targets">The targets, one per row; at least one.</param>
    /// <exception cref="ArgumentException">The shapes do not fit.</exception>
    public static void Write<T>(string path, ReadOnlySpan<T> features, int columns, ReadOnlySpan<T> targets)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        if (targets.IsEmpty)
        {
            throw new ArgumentException("There are no targets.", nameof(targets));
        }
        if ((long)targets.Length * columns != features.Length)
        {
            throw new ArgumentException($"{features.Length} features are not {targets.Length} rows × {columns} columns.", nameof(features));
        }
        int size = ElementSize<T>();
        long rows = targets.Length;
        var crc = new Crc64();
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> header = stackalloc byte[HeaderSize];
        Signature.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[8..], Version);
        header[10] = (byte)size;
        header[11] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], rows);
        BinaryPrimitives.WriteInt32LittleEndian(header[20..], columns);
        Emit(file, crc, header);
        var block = new byte[size * 8192];
        for (int j = 0; j <= columns; j++)
        {
            int filled = 0;
            for (long i = 0; i < rows; i++)
            {
                T v = j < columns ? features[(int)(i * columns + j)] : targets[(int)i];
                Put(block.AsSpan(filled), v);
                filled += size;
                if (filled == block.Length)
                {
                    Emit(file, crc, block);
                    filled = 0;
                }
            }
            Emit(file, crc, block.AsSpan(0, filled));
        }
        Span<byte> checksum = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, crc.GetCurrentHashAsUInt64());
        file.Write(checksum);
    }

    /// <summary>Reads a shard written by <see cref="Write{T}"/>: the features row-major and the targets.</summary>
    /// <typeparam name="T">The element type; must be the file's.</typeparam>
    /// <param name="path">The file.</param>
    /// <param name="columns">The features per row the caller expects.</param>
    /// <exception cref="InvalidDataException">Not a shard file, another version, element type or column count, truncated, or damaged (checksum).</exception>
    public static (T[] Features, T[] Targets) Read<T>(string path, int columns)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var crc = new Crc64();
        Span<byte> header = stackalloc byte[HeaderSize];
        if (file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException("it is not a LossGen shard file (its signature is missing).");
        }
        crc.Append(header);
        int version = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
        int size = header[10];
        long rows = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        int fileColumns = BinaryPrimitives.ReadInt32LittleEndian(header[20..]);
        if (version != Version)
        {
            throw new InvalidDataException($"the shard file has format version {version}; this LossGen reads version {Version}.");
        }
        if (size != ElementSize<T>())
        {
            throw new InvalidDataException($"the shard file holds {size}-byte values, but the job computes in {typeof(T).Name}.");
        }
        if (fileColumns != columns)
        {
            throw new InvalidDataException($"the shard file has {fileColumns} feature columns, but the job has {columns}.");
        }
        long expected = HeaderSize + rows * (columns + 1L) * size + 8;
        if (rows < 1 || rows * columns > Array.MaxLength || file.Length != expected)
        {
            throw new InvalidDataException($"the shard file is {file.Length} bytes, but {rows} rows × ({columns} + 1) values need {expected}: it is truncated or damaged.");
        }
        var features = new T[rows * columns];
        var targets = new T[rows];
        var block = new byte[size * 8192];
        for (int j = 0; j <= columns; j++)
        {
            for (long i = 0; i < rows;)
            {
                int count = (int)Math.Min(block.Length / size, rows - i);
                Span<byte> bytes = block.AsSpan(0, count * size);
                file.ReadExactly(bytes);
                crc.Append(bytes);
                for (int k = 0; k < count; k++, i++)
                {
                    T v = Get<T>(bytes[(k * size)..]);
                    if (j < columns)
                    {
                        features[i * columns + j] = v;
                    }
                    else
                    {
                        targets[i] = v;
                    }
                }
            }
        }
        Span<byte> checksum = stackalloc byte[8];
        file.ReadExactly(checksum);
        if (crc.GetCurrentHashAsUInt64() != BinaryPrimitives.ReadUInt64LittleEndian(checksum))
        {
            throw new InvalidDataException("the shard file is damaged: its CRC-64 checksum does not match its contents.");
        }
        return (features, targets);
    }

    private static int ElementSize<T>() => typeof(T) == typeof(float) ? 4 : 8;

    private static void Emit(Stream file, Crc64 crc, ReadOnlySpan<byte> bytes)
    {
        crc.Append(bytes);
        file.Write(bytes);
    }

    private static void Put<T>(Span<byte> into, T value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            BinaryPrimitives.WriteSingleLittleEndian(into, float.CreateTruncating(value));
        }
        else
        {
            BinaryPrimitives.WriteDoubleLittleEndian(into, double.CreateTruncating(value));
        }
    }

    private static T Get<T>(ReadOnlySpan<byte> from)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float)
            ? T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(from))
            : T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(from));
}
