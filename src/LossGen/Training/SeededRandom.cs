using System;
using System.IO;

namespace LossGen.Training;

/// <summary>
/// A small seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose whole state
/// is four integers, so a checkpoint can save and restore it exactly — which <see cref="Random"/> does
/// not allow. The trainer uses it to shuffle examples; the sequence for a seed never changes between
/// LossGen versions or platforms.
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Creates the generator for <paramref name="seed"/>.</summary>
    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is not positive.</exception>
    public int NextInt(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong range = (ulong)bound;
        while (true)
        {
            UInt128 product = (UInt128)NextUInt64() * range;
            ulong low = (ulong)product;
            if (low >= range || low >= (0UL - range) % range)
            {
                return (int)(product >> 64);
            }
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Shuffles <paramref name="values"/> in place (Fisher–Yates).</summary>
    public void Shuffle<TValue>(Span<TValue> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>Writes the state (32 bytes).</summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_s0);
        writer.Write(_s1);
        writer.Write(_s2);
        writer.Write(_s3);
    }

    /// <summary>Restores a state written by <see cref="WriteState"/>.</summary>
    /// <exception cref="InvalidDataException">The state is all zeros, which xoshiro cannot leave.</exception>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ulong s0 = reader.ReadUInt64(), s1 = reader.ReadUInt64(), s2 = reader.ReadUInt64(), s3 = reader.ReadUInt64();
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new InvalidDataException("The random generator's state is all zeros.");
        }
        (_s0, _s1, _s2, _s3) = (s0, s1, s2, s3);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
