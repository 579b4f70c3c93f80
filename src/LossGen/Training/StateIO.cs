using System;
using System.IO;
using System.Numerics;

namespace LossGen.Training;

/// <summary>Reads and writes float/double arrays and checked headers for checkpoints (little-endian, via <see cref="BinaryWriter"/>).</summary>
internal static class StateIO
{
    public static void WriteArray<T>(BinaryWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        writer.Write(values.Length);
        foreach (T v in values)
        {
            if (typeof(T) == typeof(float))
            {
                writer.Write(float.CreateTruncating(v));
            }
            else
            {
                writer.Write(double.CreateTruncating(v));
            }
        }
    }

    /// <summary>Reads an array written by <see cref="WriteArray{T}"/> into <paramref name="into"/>, whose length it must have.</summary>
    public static void ReadArray<T>(BinaryReader reader, Span<T> into, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int length = reader.ReadInt32();
        if (length != into.Length)
        {
            throw new InvalidDataException($"The checkpoint's {what} has {length} values; {into.Length} were expected.");
        }
        for (int i = 0; i < into.Length; i++)
        {
            into[i] = typeof(T) == typeof(float) ? T.CreateTruncating(reader.ReadSingle()) : T.CreateTruncating(reader.ReadDouble());
        }
    }

    /// <summary>Throws <see cref="InvalidDataException"/> unless every value of a decoded array is finite.</summary>
    public static void ExpectFinite<T>(ReadOnlySpan<T> values, string what)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int bad = FirstNonFinite(values);
        if (bad >= 0)
        {
            throw new InvalidDataException($"The checkpoint's {what} holds {values[bad]} at index {bad}; it must be finite.");
        }
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming <paramref name="name"/> unless every value is finite.</summary>
    public static void CheckFinite<T>(ReadOnlySpan<T> values, string name)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int bad = FirstNonFinite(values);
        if (bad >= 0)
        {
            throw new ArgumentException($"{name}[{bad}] is {values[bad]}; every value must be finite.", name);
        }
    }

    /// <summary>The index of the first NaN or infinite value, or -1.</summary>
    public static int FirstNonFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!T.IsFinite(values[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public static void WriteTag(BinaryWriter writer, string tag) => writer.Write(tag);

    public static void ExpectTag(BinaryReader reader, string tag)
    {
        string found = reader.ReadString();
        if (found != tag)
        {
            throw new InvalidDataException($"The checkpoint holds '{found}' where '{tag}' was expected: it was written by another trainer, optimizer or schedule.");
        }
    }
}
