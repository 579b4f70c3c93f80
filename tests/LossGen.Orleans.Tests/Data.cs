using System.Globalization;
using System.Numerics;
using LossGen.Orleans;
using LossGen.Training;

namespace LossGen.Orleans.Tests;

/// <summary>Test data: breast cancer (z-scored), synthetic logistic problems, shards written to a temporary folder.</summary>
internal static class Data
{
    /// <summary>569 × 30 breast-cancer features, each column z-scored, and the 0/1 classes.</summary>
    public static (double[] X, double[] Y, int D) BreastCancer()
    {
        double[][] rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "breast_cancer.csv")).Skip(1)
            .Where(line => line.Length > 0)
            .Select(line => line.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        int n = rows.Length, d = rows[0].Length - 1;
        var x = new double[n * d];
        for (int j = 0; j < d; j++)
        {
            double mean = rows.Average(r => r[j]);
            double sd = Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
            for (int i = 0; i < n; i++)
            {
                x[i * d + j] = (rows[i][j] - mean) / sd;
            }
        }
        return (x, rows.Select(r => r[^1]).ToArray(), d);
    }

    /// <summary>A logistic problem: features uniform in [−2, 2], labels drawn from σ(x·w) with fixed weights.</summary>
    public static (T[] X, T[] Y) Logistic<T>(int n, int d, ulong seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(seed);
        var w = Enumerable.Range(0, d).Select(j => Math.Sin(j + 1.0)).ToArray();
        var x = new T[(long)n * d];
        var y = new T[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0.25;
            for (int j = 0; j < d; j++)
            {
                double v = random.NextDouble() * 4 - 2;
                x[(long)i * d + j] = T.CreateChecked(v);
                z += v * w[j];
            }
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? T.One : T.Zero;
        }
        return (x, y);
    }

    /// <summary>Splits the rows into consecutive shards and writes each as a binary shard file (or CSV where asked).</summary>
    public static ShardSource[] WriteShards<T>(string folder, T[] x, T[] y, int d, int[] rows, params int[] csvShards)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var sources = new ShardSource[rows.Length];
        int start = 0;
        for (int s = 0; s < rows.Length; s++)
        {
            T[] xs = x.AsSpan(start * d, rows[s] * d).ToArray(), ys = y.AsSpan(start, rows[s]).ToArray();
            if (csvShards.Contains(s))
            {
                string path = Path.Combine(folder, $"shard{s}.csv");
                using (var writer = new StreamWriter(path))
                {
                    writer.WriteLine(string.Join(",", Enumerable.Range(0, d).Select(j => $"x{j}").Append("y")));
                    for (int i = 0; i < rows[s]; i++)
                    {
                        // "R": the shortest text that parses back to the same value.
                        writer.WriteLine(string.Join(",", Enumerable.Range(0, d + 1).Select(j => (j < d ? xs[i * d + j] : ys[i]).ToString("R", CultureInfo.InvariantCulture))));
                    }
                }
                sources[s] = new ShardSource(new Uri(path).AbsoluteUri, ShardFileFormat.Csv, hasHeader: true);
            }
            else
            {
                string path = Path.Combine(folder, $"shard{s}.bin");
                ShardFile.Write<T>(path, xs, d, ys);
                sources[s] = new ShardSource(path, ShardFileFormat.Binary);
            }
            start += rows[s];
        }
        return sources;
    }

    public static void AssertBitwise<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Equals(actual[i]) && T.IsNegative(expected[i]) == T.IsNegative(actual[i]), $"parameter {i}: {expected[i]:R} locally, {actual[i]:R} distributed");
        }
    }
}

/// <summary>A folder under the system's temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lossgen-orleans-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
