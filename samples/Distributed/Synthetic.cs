using LossGen.Orleans;

namespace Distributed;

/// <summary>The sample's data: a seeded logistic problem, cut into shards written as binary shard files.</summary>
internal static class Synthetic
{
    public static (double[] X, double[] Y) Logistic(int n, int d, ulong seed)
    {
        var random = new Random((int)seed);
        var w = Enumerable.Range(0, d).Select(j => Math.Sin(j + 1.0)).ToArray();
        var x = new double[(long)n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0.25;
            for (int j = 0; j < d; j++)
            {
                double v = random.NextDouble() * 4 - 2;
                x[(long)i * d + j] = v;
                z += v * w[j];
            }
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1 : 0;
        }
        return (x, y);
    }

    public static int[] Split(int rows, int shards) =>
        Enumerable.Range(0, shards).Select(s => rows / shards + (s < rows % shards ? 1 : 0)).ToArray();

    public static ShardSource[] WriteShards(string folder, double[] x, double[] y, int d, int[] rows)
    {
        var sources = new ShardSource[rows.Length];
        int start = 0;
        for (int s = 0; s < rows.Length; s++)
        {
            string path = Path.Combine(folder, $"shard{s}.bin");
            ShardFile.Write<double>(path, x.AsSpan(start * d, rows[s] * d), d, y.AsSpan(start, rows[s]));
            sources[s] = new ShardSource(path, ShardFileFormat.Binary);
            start += rows[s];
        }
        return sources;
    }
}
