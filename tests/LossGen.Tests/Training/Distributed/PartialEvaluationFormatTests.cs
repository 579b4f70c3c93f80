using System.Buffers.Binary;
using LossGen.Training;

namespace LossGen.Tests.Training.Distributed;

/// <summary>The binary form: exact round trips, and every damaged, truncated or foreign input rejected.</summary>
public class PartialEvaluationFormatTests
{
    [Fact]
    public void DoubleRoundTripIsExactWithAndWithoutCurvature()
    {
        var share = new PartialEvaluation<double>(3, 123456789012, 1L << 40, -0.0, [double.Epsilon, -1.5e300, 0.1, -0.0], [1, 2, double.MaxValue]);
        byte[] bytes = share.ToBytes();
        Assert.Equal(PartialEvaluationFormat.Size(8, 4, 3), bytes.Length);
        Assert.Equal(48 + 4 * 8 + 4 + 3 * 8, bytes.Length);
        var back = PartialEvaluation<double>.FromBytes(bytes);
        Assert.Equal(3, back.Shard);
        Assert.Equal(123456789012, back.Evaluation);
        Assert.Equal(1L << 40, back.Rows);
        Assert.Equal(BitConverter.DoubleToInt64Bits(-0.0), BitConverter.DoubleToInt64Bits(back.Loss));
        Assert.Equal(share.Gradient.Select(BitConverter.DoubleToInt64Bits), back.Gradient.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(share.Curvature, back.Curvature);
        var plain = PartialEvaluation<double>.FromBytes(new PartialEvaluation<double>(0, 1, 5, 2.5, [1.0]).ToBytes());
        Assert.Null(plain.Curvature);
        Assert.Equal(2.5, plain.Loss);
    }

    [Fact]
    public void FloatRoundTripIsExactAndCompact()
    {
        float[] gradient = Enumerable.Range(0, 21).Select(i => MathF.ScaleB(1.1f, i - 10) * (i % 2 == 0 ? 1 : -1)).ToArray();
        byte[] bytes = new PartialEvaluation<float>(1, 2, 3, Math.PI, gradient).ToBytes();
        // d + 1 = 21 values of 4 bytes and 48 bytes of framing.
        Assert.Equal(48 + 21 * 4, bytes.Length);
        var back = PartialEvaluation<float>.FromBytes(bytes);
        Assert.Equal(gradient, back.Gradient);
        Assert.Equal(Math.PI, back.Loss);
    }

    [Fact]
    public void EveryFlippedByteIsDetected()
    {
        byte[] bytes = new PartialEvaluation<double>(2, 9, 77, 1.25, [1.0, -2, 3], [4.0]).ToBytes();
        foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
        {
            for (int i = 0; i < bytes.Length; i++)
            {
                byte[] damaged = (byte[])bytes.Clone();
                damaged[i] ^= mask;
                Assert.Throws<InvalidDataException>(() => PartialEvaluation<double>.FromBytes(damaged));
            }
        }
    }

    [Fact]
    public void TruncatedAndForeignInputsAreRejected()
    {
        byte[] bytes = new PartialEvaluation<double>(0, 1, 5, 1, [1.0, 2]).ToBytes();
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.Throws<InvalidDataException>(() => PartialEvaluation<double>.FromBytes(bytes.AsSpan(0, length)));
        }
        // A float share read as double: the element size is checked (after the checksum, which passes).
        var floatBytes = new PartialEvaluation<float>(0, 1, 5, 1, [1f, 2f]).ToBytes();
        Assert.Contains("4-byte values", Assert.Throws<InvalidDataException>(() => PartialEvaluation<double>.FromBytes(floatBytes)).Message);
        // Another version, with a valid checksum: rejected by its version.
        byte[] future = (byte[])bytes.Clone();
        BinaryPrimitives.WriteUInt16LittleEndian(future.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt64LittleEndian(future.AsSpan(future.Length - 8), Crc64Of(future.AsSpan(0, future.Length - 8)));
        Assert.Contains("version 2", Assert.Throws<InvalidDataException>(() => PartialEvaluation<double>.FromBytes(future)).Message);
        Assert.Contains("signature", Assert.Throws<InvalidDataException>(() => PartialEvaluation<double>.FromBytes(new byte[60])).Message);
    }

    /// <summary>CRC-64/ECMA-182 bit by bit, written here from its definition (polynomial 0x42F0E1EBA9EA3693, not reflected, no final XOR).</summary>
    private static ulong Crc64Of(ReadOnlySpan<byte> data)
    {
        ulong crc = 0;
        foreach (byte b in data)
        {
            crc ^= (ulong)b << 56;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & (1UL << 63)) != 0 ? (crc << 1) ^ 0x42F0E1EBA9EA3693 : crc << 1;
            }
        }
        return crc;
    }

    [Fact]
    public void IndependentCrcAgreesWithTheCheckValue() => Assert.Equal(0x6C40DF5F0B497347UL, Crc64Of("123456789"u8));
}
