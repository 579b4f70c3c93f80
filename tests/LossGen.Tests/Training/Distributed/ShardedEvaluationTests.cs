using System.Numerics;
using LossGen.Training;

namespace LossGen.Tests.Training.Distributed;

/// <summary>
/// The merge of shards' partial evaluations against one objective over all rows: bit for bit with the same
/// shard boundaries (float and double, mean and sum losses, through whole L-BFGS runs), and against a plain
/// double loop written here for the value itself.
/// </summary>
public class ShardedEvaluationTests
{
    private static (T[] X, T[] Y) Logistic<T>(int n, int d, ulong seed)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var random = new SeededRandom(seed);
        var truth = Enumerable.Range(0, d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var x = new T[n * d];
        var y = new T[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0;
            for (int j = 0; j < d; j++)
            {
                double v = random.NextDouble() * 4 - 2;
                x[i * d + j] = T.CreateChecked(v);
                z += v * truth[j];
            }
            y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? T.One : T.Zero;
        }
        return (x, y);
    }

    /// <summary>The data cut into consecutive shards, one LinearObjective each, merged by a ShardedObjective.</summary>
    private static (ShardedObjective<T> Merged, List<LinearObjective<T, TLoss>> Shards) Distribute<T, TLoss>(T[] x, T[] y, int d, int[] shardRows, TLoss loss, int chunkRows, double l2)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T>
    {
        var shards = new List<LinearObjective<T, TLoss>>();
        int start = 0;
        foreach (int rows in shardRows)
        {
            shards.Add(new LinearObjective<T, TLoss>(x.AsMemory(start * d, rows * d), d, y.AsMemory(start, rows), loss, new LinearObjectiveOptions { ChunkRows = chunkRows }));
            start += rows;
        }
        long total = y.Length;
        // Answers in reverse order: the merge must not depend on arrival order.
        var merged = new ShardedObjective<T>(shardRows.Select(r => (long)r).ToArray(), d + 1,
            (evaluation, parameters) => shards.Select((s, i) => s.EvaluatePartial(parameters, total, i, evaluation)).Reverse().ToArray(),
            l2, penalized: d);
        return (merged, shards);
    }

    private static void AssertBitwise<T>(ReadOnlySpan<T> expected, ReadOnlySpan<T> actual)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Equals(actual[i]) && T.IsNegative(expected[i]) == T.IsNegative(actual[i]), $"value {i}: {expected[i]:R} vs {actual[i]:R}");
        }
    }

    private static void EvaluationsAreBitIdentical<T, TLoss>(TLoss loss, int[] shardRows, int chunkRows, double l2)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T>
    {
        const int d = 7;
        int n = shardRows.Sum();
        var (x, y) = Logistic<T>(n, d, 42);
        using var local = new LinearObjective<T, TLoss>(x, d, y, loss, new LinearObjectiveOptions { L2 = l2, ChunkRows = chunkRows, ShardRows = shardRows });
        var (merged, shards) = Distribute(x, y, d, shardRows, loss, chunkRows, l2);
        try
        {
            var random = new SeededRandom(7);
            for (int trial = 0; trial < 5; trial++)
            {
                var theta = Enumerable.Range(0, d + 1).Select(_ => T.CreateChecked(random.NextDouble() * 2 - 1)).ToArray();
                var gLocal = new T[d + 1];
                var gMerged = new T[d + 1];
                T fLocal = local.Evaluate(theta, gLocal);
                T fMerged = merged.Evaluate(theta, gMerged);
                AssertBitwise<T>([fLocal], [fMerged]);
                AssertBitwise<T>(gLocal, gMerged);
            }
        }
        finally
        {
            shards.ForEach(s => s.Dispose());
        }
    }

    [Theory]
    [InlineData(new[] { 1700, 2100, 1200 }, 256)]   // shards not multiples of the chunk
    [InlineData(new[] { 1024, 1024, 1024 }, 1024)]  // shards of one chunk
    [InlineData(new[] { 5, 3000, 1 }, 100)]         // tiny shards
    public void MeanLossFloatIsBitIdentical(int[] shardRows, int chunkRows) =>
        EvaluationsAreBitIdentical<float, Losses.BceWithLogitsLossFunction>(new(posWeight: 1), shardRows, chunkRows, l2: 0.01);

    [Theory]
    [InlineData(new[] { 1700, 2100, 1200 }, 256)]
    [InlineData(new[] { 1024, 1024, 1024 }, 1024)]
    [InlineData(new[] { 5, 3000, 1 }, 100)]
    public void MeanLossDoubleIsBitIdentical(int[] shardRows, int chunkRows) =>
        EvaluationsAreBitIdentical<double, Losses.BceWithLogitsLossFunction>(new(posWeight: 1), shardRows, chunkRows, l2: 0.01);

    [Fact]
    public void SumLossIsBitIdentical()
    {
        EvaluationsAreBitIdentical<float, Losses.MseLossSumFunction>(default, [999, 1001, 17, 2000], 128, l2: 0);
        EvaluationsAreBitIdentical<double, Losses.MseLossSumFunction>(default, [999, 1001, 17, 2000], 128, l2: 0.5);
    }

    [Fact]
    public void LbfgsOverTheMergeEndsOnTheSameBitsFloatAndDouble()
    {
        LbfgsRun<float, Losses.BceWithLogitsLossFunction>(new(posWeight: 1));
        LbfgsRun<double, Losses.BceWithLogitsLossFunction>(new(posWeight: 1));
    }

    private static void LbfgsRun<T, TLoss>(TLoss loss)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T>
    {
        const int d = 6;
        int[] shardRows = [3000, 2500, 1800];
        var (x, y) = Logistic<T>(shardRows.Sum(), d, 3);
        using var local = new LinearObjective<T, TLoss>(x, d, y, loss, new LinearObjectiveOptions { L2 = 1e-3, ChunkRows = 512, ShardRows = shardRows });
        var (merged, shards) = Distribute(x, y, d, shardRows, loss, 512, 1e-3);
        try
        {
            var thetaLocal = new T[d + 1];
            var thetaMerged = new T[d + 1];
            var a = new Lbfgs<T>().Minimize(local, thetaLocal);
            var b = new Lbfgs<T>().Minimize(merged, thetaMerged);
            Assert.True(a.Iterations > 5, $"{a.Iterations} iterations");
            Assert.Equal(a.Iterations, b.Iterations);
            Assert.Equal(a.Evaluations, b.Evaluations);
            Assert.Equal(a.Loss, b.Loss);
            AssertBitwise<T>(thetaLocal, thetaMerged);
            Assert.Equal(b.Evaluations + 1, merged.NextEvaluation);
        }
        finally
        {
            shards.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public void OneShardIsTodaysEvaluationAndShardsComputeTheSameObjective()
    {
        const int d = 5;
        int n = 4321;
        var (x, y) = Logistic<double>(n, d, 11);
        var loss = new Losses.BceWithLogitsLossFunction(posWeight: 1);
        using var plain = LinearObjective.Create(x, d, y, loss, new LinearObjectiveOptions { L2 = 0.1, ChunkRows = 300 });
        using var one = LinearObjective.Create(x, d, y, loss, new LinearObjectiveOptions { L2 = 0.1, ChunkRows = 300, ShardRows = [n] });
        using var three = LinearObjective.Create(x, d, y, loss, new LinearObjectiveOptions { L2 = 0.1, ChunkRows = 300, ShardRows = [1000, 3000, 321] });
        double[] theta = [0.3, -0.2, 0.1, 0.5, -0.7, 0.05];
        var g1 = new double[d + 1];
        var g2 = new double[d + 1];
        var g3 = new double[d + 1];
        double f1 = plain.Evaluate(theta, g1), f2 = one.Evaluate(theta, g2), f3 = three.Evaluate(theta, g3);
        AssertBitwise<double>([f1], [f2]);
        AssertBitwise<double>(g1, g2);
        // Independent reference: the mean of log(1 + e^z) − y z plus λ/2 ‖w‖², in a plain loop.
        double reference = 0;
        var gReference = new double[d + 1];
        for (int i = 0; i < n; i++)
        {
            double z = theta[d];
            for (int j = 0; j < d; j++)
            {
                z += x[i * d + j] * theta[j];
            }
            reference += (Math.Log(1 + Math.Exp(z)) - y[i] * z) / n;
            double r = (1 / (1 + Math.Exp(-z)) - y[i]) / n;
            for (int j = 0; j < d; j++)
            {
                gReference[j] += r * x[i * d + j];
            }
            gReference[d] += r;
        }
        for (int j = 0; j < d; j++)
        {
            reference += 0.05 * theta[j] * theta[j];
            gReference[j] += 0.1 * theta[j];
        }
        Assert.Equal(reference, f3, 1e-12);
        Assert.Equal(f1, f3, 1e-13);
        for (int j = 0; j <= d; j++)
        {
            Assert.Equal(gReference[j], g3[j], 1e-12);
        }
    }

    [Fact]
    public void BadShardRowsAreRejectedNamingTheOption()
    {
        double[] x = new double[20], y = new double[10];
        var loss = new Losses.MseLossFunction();
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => LinearObjective.Create(x, 2, y, loss, new LinearObjectiveOptions { ShardRows = [4, 5] })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => LinearObjective.Create(x, 2, y, loss, new LinearObjectiveOptions { ShardRows = [10, 0] })).ParamName);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => LinearObjective.Create(x, 2, y, loss, new LinearObjectiveOptions { ShardRows = [] })).ParamName);
        using var objective = LinearObjective.Create(x, 2, y, loss);
        Assert.Equal("totalRows", Assert.Throws<ArgumentOutOfRangeException>(() => objective.EvaluatePartial(new double[3], 9, 0, 1)).ParamName);
    }
}
