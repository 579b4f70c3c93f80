using System;
using System.Buffers.Binary;
using System.IO;

namespace LossGen.Training;

/// <summary>
/// The frame around a checkpoint's payload: an 8-byte signature, the format version, the payload's length,
/// the payload, and a CRC-64 (ECMA-182, <see cref="Crc64"/>) over everything before it. A CRC-64 detects every error burst of up
/// to 64 bits, so every single flipped byte anywhere in a checkpoint is detected, and so is any truncation.
/// Little-endian throughout.
/// </summary>
internal static class CheckpointFormat
{
    /// <summary>The current format version: 2 added the frame and the checksum.</summary>
    public const int Version = 2;

    private const int HeaderSize = 8 + 4 + 8;
    private const int ChecksumSize = 8;

    // "LGCKPT" then CR LF, so that text-mode transfers that rewrite line ends are caught at once (as PNG does).
    private static ReadOnlySpan<byte> Signature => "LGCKPT\r\n"u8;

    /// <summary>Writes <paramref name="payload"/> framed and checksummed.</summary>
    public static void Write(Stream stream, ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        Signature.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], Version);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], payload.Length);
        Span<byte> checksum = stackalloc byte[ChecksumSize];
        BinaryPrimitives.WriteUInt64LittleEndian(checksum, Crc64.Append(Crc64.Append(0, header), payload));
        stream.Write(header);
        stream.Write(payload);
        stream.Write(checksum);
    }

    /// <summary>Reads one framed checkpoint from the stream's position and returns its verified payload.</summary>
    /// <exception cref="InvalidDataException">Not a checkpoint, another version, truncated, or damaged.</exception>
    public static byte[] Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        if (ReadAtMost(stream, header) < HeaderSize)
        {
            throw new InvalidDataException("The checkpoint is truncated (its header is incomplete).");
        }
        if (header[0] == 26 && header[1..8].SequenceEqual("LossGen"u8))
        {
            throw new InvalidDataException("This is a version 1 LossGen checkpoint (without a checksum); this LossGen reads version 2 only.");
        }
        if (!header[..8].SequenceEqual(Signature))
        {
            throw new InvalidDataException("This is not a LossGen checkpoint (its signature is missing).");
        }
        int version = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        if (version != Version)
        {
            throw new InvalidDataException($"The checkpoint has format version {version}; this LossGen reads version {Version}.");
        }
        long length = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
        if (length < 0 || length > Array.MaxLength)
        {
            throw new InvalidDataException($"The checkpoint declares a payload of {length} bytes, which is impossible (is it damaged?).");
        }
        if (stream.CanSeek && stream.Length - stream.Position < length + ChecksumSize)
        {
            throw new InvalidDataException($"The checkpoint is truncated: it declares {length} bytes of payload, but the stream ends before them and the checksum.");
        }
        // Read in pieces, so that a damaged length on a stream that cannot seek does not allocate it at once.
        using var buffer = new MemoryStream();
        var piece = new byte[(int)Math.Min(length, 1 << 16)];
        for (long left = length; left > 0;)
        {
            int read = ReadAtMost(stream, piece.AsSpan(0, (int)Math.Min(left, piece.Length)));
            if (read == 0)
            {
                throw new InvalidDataException("The checkpoint is truncated (its payload is incomplete).");
            }
            buffer.Write(piece, 0, read);
            left -= read;
        }
        Span<byte> checksum = stackalloc byte[ChecksumSize];
        if (ReadAtMost(stream, checksum) < ChecksumSize)
        {
            throw new InvalidDataException("The checkpoint is truncated (its checksum is incomplete).");
        }
        byte[] payload = buffer.ToArray();
        if (Crc64.Append(Crc64.Append(0, header), payload) != BinaryPrimitives.ReadUInt64LittleEndian(checksum))
        {
            throw new InvalidDataException("The checkpoint is damaged: its CRC-64 checksum does not match its contents.");
        }
        return payload;
    }

    /// <summary>
    /// Writes a file atomically: into a temporary file beside <paramref name="path"/>, flushed to disk, then
    /// renamed over it. A crash or an exception leaves either the old file or the new one, never a mix.
    /// </summary>
    public static void WriteFileAtomically(string path, ReadOnlySpan<byte> payload)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? throw new ArgumentException("The path has no directory.", nameof(path));
        if (!Directory.Exists(directory))
        {
            // Named here, before the temporary file's name could appear in the exception instead of the user's path.
            throw new DirectoryNotFoundException($"Cannot save the checkpoint '{full}': the directory '{directory}' does not exist.");
        }
        string temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                Write(file, payload);
                file.Flush(flushToDisk: true);
            }
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static int ReadAtMost(Stream stream, Span<byte> into)
    {
        int total = 0;
        while (total < into.Length)
        {
            int read = stream.Read(into[total..]);
            if (read == 0)
            {
                break;
            }
            total += read;
        }
        return total;
    }
}
