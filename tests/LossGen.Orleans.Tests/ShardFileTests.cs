using LossGen.Orleans;

namespace LossGen.Orleans.Tests;

/// <summary>The binary shard file: exact round trips, and damaged or mismatched files rejected.</summary>
public class ShardFileTests
{
    [Fact]
    public void RoundTripIsExactFloatAndDouble()
    {
        using var folder = new TempFolder();
        var (x, y) = Data.Logistic<double>(10_000, 3, 9);
        string path = Path.Combine(folder.Path, "d.bin");
        ShardFile.Write<double>(path, x, 3, y);
        Assert.Equal(32 + 10_000 * 4 * 8, new FileInfo(path).Length);
        var (bx, by) = ShardFile.Read<double>(path, 3);
        Assert.Equal(x, bx);
        Assert.Equal(y, by);
        float[] xf = x.Select(v => (float)v).ToArray(), yf = y.Select(v => (float)v).ToArray();
        ShardFile.Write<float>(path, xf, 3, yf);
        var (fx, fy) = ShardFile.Read<float>(path, 3);
        Assert.Equal(xf, fx);
        Assert.Equal(yf, fy);
    }

    [Fact]
    public void DamagedOrMismatchedFilesAreRejected()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "s.bin");
        ShardFile.Write<double>(path, [1, 2, 3, 4, 5, 6], 2, [0, 1, 0]);
        byte[] good = File.ReadAllBytes(path);
        for (int i = 0; i < good.Length; i++)
        {
            byte[] bad = (byte[])good.Clone();
            bad[i] ^= 0x20;
            File.WriteAllBytes(path, bad);
            Assert.Throws<InvalidDataException>(() => ShardFile.Read<double>(path, 2));
        }
        File.WriteAllBytes(path, good[..^1]);
        Assert.Contains("truncated", Assert.Throws<InvalidDataException>(() => ShardFile.Read<double>(path, 2)).Message);
        File.WriteAllBytes(path, good);
        Assert.Contains("2 feature columns", Assert.Throws<InvalidDataException>(() => ShardFile.Read<double>(path, 3)).Message);
        Assert.Contains("8-byte values", Assert.Throws<InvalidDataException>(() => ShardFile.Read<float>(path, 2)).Message);
    }
}
