using System;
using System.IO;

namespace LossGen.Training;

/// <summary>
/// The whole state of an <see cref="Lbfgs{T}.Minimize{TObjective}"/> run after one of its iterations, handed to
/// <see cref="LbfgsOptions.Checkpoint"/>; <see cref="Lbfgs{T}.Resume{TObjective}"/> continues from it bit for bit.
/// Its binary form (<see cref="Save(Stream)"/>) is framed like trainer checkpoints: a signature, the format
/// version, the length and a CRC-64 over everything, so damage and truncation are detected on load.
/// </summary>
public sealed class LbfgsCheckpoint
{
    internal LbfgsCheckpoint(byte[] payload, int iteration, int parameterCount)
    {
        Payload = payload;
        Iteration = iteration;
        ParameterCount = parameterCount;
    }

    internal byte[] Payload { get; }

    /// <summary>The iteration after which it was taken (from 1).</summary>
    public int Iteration { get; }

    /// <summary>The number of parameters.</summary>
    public int ParameterCount { get; }

    /// <summary>Writes the checkpoint to <paramref name="stream"/>.</summary>
    /// <exception cref="ArgumentException">The stream cannot be written.</exception>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream cannot be written.", nameof(stream));
        }
        CheckpointFormat.Write(stream, Payload);
    }

    /// <summary>Writes the checkpoint to the file <paramref name="path"/> atomically (a temporary file beside it, flushed, then renamed over it).</summary>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty.</exception>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckpointFormat.WriteFileAtomically(path, Payload);
    }

    /// <summary>Reads a checkpoint written by <see cref="Save(Stream)"/>; its state is checked in full by <see cref="Lbfgs{T}.Resume{TObjective}"/>.</summary>
    /// <exception cref="InvalidDataException">Not a checkpoint, another version, truncated, or damaged.</exception>
    public static LbfgsCheckpoint Load(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] payload = CheckpointFormat.Read(stream);
        // The header fields after the tag: element size, parameter count, history size, iteration.
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false));
        try
        {
            string tag = reader.ReadString();
            if (tag != "Lbfgs.Minimize")
            {
                throw new InvalidDataException($"The checkpoint holds '{tag}', not an L-BFGS run.");
            }
            reader.ReadInt32();
            int parameters = reader.ReadInt32();
            reader.ReadInt32();
            int iteration = reader.ReadInt32();
            return new LbfgsCheckpoint(payload, iteration, parameters);
        }
        catch (EndOfStreamException)
        {
            throw new InvalidDataException("The checkpoint ends before its header does.");
        }
    }

    /// <summary>Reads a checkpoint from the file <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint or is damaged.</exception>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public static LbfgsCheckpoint Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Load(file);
    }
}
