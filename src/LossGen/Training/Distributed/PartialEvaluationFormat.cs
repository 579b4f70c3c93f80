using System;
using System.Buffers.Binary;
using System.IO;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// The binary form of a <see cref="PartialEvaluation{T}"/>, little-endian: the signature "LGPE", the format
/// version (2 bytes), the element size (1 byte: 4 for float, 8 for double), flags (1 byte: 1 = curvature present),
/// the shard (4 bytes), the evaluation (8), the rows (8), the loss (8, IEEE double), the gradient's length (4) and
/// values, then, when flagged, the curvature's length (4) and values, and last a CRC-64 (ECMA-182) over everything
/// before it. A share of d + 1 gradient values takes 48 + (d + 1) × the element size bytes.
/// </summary>
public static class PartialEvaluationFormat
{
    /// <summary>The format version written.</summary>
    public const int Version = 1;

    private const int HeaderSize = 4 + 2 + 1 + 1 + 4 + 8 + 8 + 8 + 4;
    private const int ChecksumSize = 8;
    private const byte HasCurvature = 1;

    private static ReadOnlySpan<byte> Signature => "LGPE"u8;

    /// <summary>The size in bytes of the binary form of a share with these lengths.</summary>
    /// <param name="elementSize">4 (float) or 8 (double).</param>
    /// <param name="gradientLength">The gradient's length.</param>
    /// <param name="curvatureLength">The curvature's length, or -1 when there is none.</param>
    public static int Size(int elementSize, int gradientLength, int curvatureLength = -1) =>
        checked(HeaderSize + gradientLength * elementSize + (curvatureLength >= 0 ? 4 + curvatureLength * elementSize : 0) + ChecksumSize);

    internal static byte[] Write<T>(PartialEvaluation<T> share)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = ElementSize<T>();
        var bytes = new byte[Size(size, share.Gradient.Length, share.Curvature?.Length ?? -1)];
        Span<byte> span = bytes;
        Signature.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], Version);
        span[6] = (byte)size;
        span[7] = share.Curvature is null ? (byte)0 : HasCurvature;
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], share.Shard);
        BinaryPrimitives.WriteInt64LittleEndian(span[12..], share.Evaluation);
        BinaryPrimitives.WriteInt64LittleEndian(span[20..], share.Rows);
        BinaryPrimitives.WriteDoubleLittleEndian(span[28..], share.Loss);
        int at = 36;
        at = WriteValues(span, at, share.Gradient);
        if (share.Curvature is not null)
        {
            at = WriteValues(span, at, share.Curvature);
        }
        BinaryPrimitives.WriteUInt64LittleEndian(span[at..], Crc64.Append(0, span[..at]));
        return bytes;
    }

    internal static PartialEvaluation<T> Read<T>(ReadOnlySpan<byte> bytes)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (bytes.Length < HeaderSize + ChecksumSize || !bytes[..4].SequenceEqual(Signature))
        {
            throw new InvalidDataException(bytes.Length < HeaderSize + ChecksumSize
                ? $"This is not a partial evaluation: {bytes.Length} bytes are fewer than the smallest one."
                : "This is not a partial evaluation (its signature is missing).");
        }
        int version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[4..]);
        if (version != Version)
        {
            throw new InvalidDataException($"The partial evaluation has format version {version}; this LossGen reads version {Version}.");
        }
        // The checksum first: every other check would otherwise read damaged fields.
        ulong expected = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^ChecksumSize..]);
        if (Crc64.Append(0, bytes[..^ChecksumSize]) != expected)
        {
            throw new InvalidDataException("The partial evaluation is damaged: its CRC-64 checksum does not match its contents.");
        }
        int size = ElementSize<T>();
        if (bytes[6] != size)
        {
            throw new InvalidDataException($"The partial evaluation holds {bytes[6]}-byte values; {typeof(T).Name} ({size} bytes) was expected.");
        }
        int shard = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        long evaluation = BinaryPrimitives.ReadInt64LittleEndian(bytes[12..]);
        long rows = BinaryPrimitives.ReadInt64LittleEndian(bytes[20..]);
        double loss = BinaryPrimitives.ReadDoubleLittleEndian(bytes[28..]);
        if (shard < 0 || rows <= 0)
        {
            throw new InvalidDataException($"The partial evaluation names shard {shard} with {rows} rows; both must be positive (the shard may be 0).");
        }
        ReadOnlySpan<byte> body = bytes[..^ChecksumSize];
        int at = 36;
        T[] gradient = ReadValues<T>(body, ref at, "gradient");
        if (gradient.Length == 0)
        {
            throw new InvalidDataException("The partial evaluation's gradient has no values.");
        }
        T[]? curvature = (bytes[7] & HasCurvature) != 0 ? ReadValues<T>(body, ref at, "curvature") : null;
        if (at != body.Length)
        {
            throw new InvalidDataException($"The partial evaluation has {body.Length - at} bytes after its values.");
        }
        return new PartialEvaluation<T>(shard, evaluation, rows, loss, gradient, curvature);
    }

    private static int ElementSize<T>() => typeof(T) == typeof(float) ? 4 : 8;

    private static int WriteValues<T>(Span<byte> span, int at, T[] values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], values.Length);
        at += 4;
        foreach (T v in values)
        {
            if (typeof(T) == typeof(float))
            {
                BinaryPrimitives.WriteSingleLittleEndian(span[at..], float.CreateTruncating(v));
                at += 4;
            }
            else
            {
                BinaryPrimitives.WriteDoubleLittleEndian(span[at..], double.CreateTruncating(v));
                at += 8;
            }
        }
        return at;
    }

    private static T[] ReadValues<T>(ReadOnlySpan<byte> body, ref int at, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int size = ElementSize<T>();
        if (body.Length - at < 4)
        {
            throw new InvalidDataException($"The partial evaluation is truncated before its {what}'s length.");
        }
        int length = BinaryPrimitives.ReadInt32LittleEndian(body[at..]);
        at += 4;
        if (length < 0 || (long)length * size > body.Length - at)
        {
            throw new InvalidDataException($"The partial evaluation declares {length} {what} values, but {body.Length - at} bytes are left.");
        }
        var values = new T[length];
        for (int i = 0; i < length; i++, at += size)
        {
            values[i] = typeof(T) == typeof(float)
                ? T.CreateTruncating(BinaryPrimitives.ReadSingleLittleEndian(body[at..]))
                : T.CreateTruncating(BinaryPrimitives.ReadDoubleLittleEndian(body[at..]));
        }
        return values;
    }
}
