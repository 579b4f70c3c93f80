using System;

namespace LossGen.Training;

/// <summary>
/// CRC-64/ECMA-182 (polynomial 0x42F0E1EBA9EA3693, not reflected, initial value and final XOR 0; check value
/// of "123456789": 0x6C40DF5F0B497347), the checksum <c>System.IO.Hashing.Crc64</c> computes. It is written
/// here rather than taken from that package because the runtime library has no package dependencies. Like
/// every CRC of degree 64 it detects all error bursts of up to 64 bits.
/// </summary>
internal static class Crc64
{
    private const ulong Polynomial = 0x42F0E1EBA9EA3693;

    private static readonly ulong[] Table = CreateTable();

    /// <summary>Continues the CRC <paramref name="crc"/> (0 to start) over <paramref name="data"/>.</summary>
    public static ulong Append(ulong crc, ReadOnlySpan<byte> data)
    {
        ulong[] table = Table;
        foreach (byte b in data)
        {
            crc = table[(byte)(crc >> 56) ^ b] ^ (crc << 8);
        }
        return crc;
    }

    private static ulong[] CreateTable()
    {
        var table = new ulong[256];
        for (int i = 0; i < 256; i++)
        {
            ulong value = (ulong)i << 56;
            for (int bit = 0; bit < 8; bit++)
            {
                value = (value & (1UL << 63)) != 0 ? (value << 1) ^ Polynomial : value << 1;
            }
            table[i] = value;
        }
        return table;
    }
}
