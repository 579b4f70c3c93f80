using System.Numerics;
using LossGen.Orleans;
using LossGen.Training;

namespace LossGen.Orleans.Tests;

/// <summary>
/// Training on a real three-silo cluster ends on exactly the bits of the local trainer over the same rows with the
/// same shard boundaries: the breast-cancer data (double, one shard read from CSV; and float) and a synthetic
/// 10⁶ × 20 logistic problem.
/// </summary>
[Collection(ClusterCollection.Name)]
public class DistributedEqualityTests(ClusterFixture fixture)
{
    internal static (MinimizationResult<T> Result, T[] Theta) Local<T, TLoss>(T[] x, T[] y, int d, int[] rows, TLoss loss, int chunkRows, double l2, LbfgsOptions lbfgs)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, IPredictionLoss<T>
    {
        using var objective = new LinearObjective<T, TLoss>(x, d, y, loss, new LinearObjectiveOptions { L2 = l2, ChunkRows = chunkRows, ShardRows = rows });
        var theta = new T[d + 1];
        return (new Lbfgs<T>(lbfgs).Minimize(objective, theta), theta);
    }

    private static DistributedJob Job(string name, int d, ShardSource[] shards, int chunkRows, double l2) =>
        new() { Name = name + "-" + Guid.NewGuid().ToString("N"), Loss = "bce-with-logits", Columns = d, Shards = shards, ChunkRows = chunkRows, L2 = l2 };

    [Fact]
    public void BreastCancerDoubleIsBitIdenticalToTheLocalTrainer()
    {
        var (x, y, d) = Data.BreastCancer();
        int[] rows = [190, 190, 189];
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, rows, csvShards: 1);
        var (local, expected) = Local(x, y, d, rows, new Losses.BceWithLogitsLossFunction(posWeight: 1), 64, 0.01, new LbfgsOptions());
        var trainer = new DistributedTrainer<double>(fixture.Cluster.Client, Job("bc", d, shards, 64, 0.01));
        var theta = new double[d + 1];
        MinimizationResult<double> result = trainer.Train(theta);
        Assert.Equal(local.Status, result.Status);
        Assert.Equal(local.Iterations, result.Iterations);
        Assert.Equal(local.Evaluations, result.Evaluations);
        Assert.Equal(local.Loss, result.Loss);
        Data.AssertBitwise<double>(expected, theta);
        Assert.Equal([190L, 190, 189], trainer.ShardRows);
        // And it is the model: ≥ 97 % of the training rows classified right.
        int right = Enumerable.Range(0, y.Length).Count(i => (Enumerable.Range(0, d).Sum(j => x[i * d + j] * theta[j]) + theta[d] > 0 ? 1.0 : 0.0) == y[i]);
        Assert.True(right >= 0.97 * y.Length, $"{right} of {y.Length} right");
    }

    [Fact]
    public void NewtonOnBreastCancerIsBitIdenticalToTheLocalNewton()
    {
        var (x, y, d) = Data.BreastCancer();
        int[] rows = [190, 190, 189];
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, rows, csvShards: 2);
        var newton = new NewtonOptions { GradientTolerance = 1e-12 };
        using var objective = new LinearObjective<double, Losses.BceWithLogitsLossFunction>(x, d, y, new Losses.BceWithLogitsLossFunction(posWeight: 1),
            new LinearObjectiveOptions { L2 = 0.01, ChunkRows = 64, ShardRows = rows });
        var expected = new double[d + 1];
        MinimizationResult<double> local = new Newton<double>(newton).Minimize(objective, expected);
        var trainer = new DistributedTrainer<double>(fixture.Cluster.Client, Job("bcn", d, shards, 64, 0.01),
            new DistributedTrainerOptions { Method = DistributedMethod.Newton, Newton = newton });
        var theta = new double[d + 1];
        MinimizationResult<double> result = trainer.Train(theta);
        Assert.Equal(MinimizationStatus.GradientConverged, result.Status);
        Assert.True(result.Iterations <= 10, $"{result.Iterations} iterations");
        Assert.Equal(local.Iterations, result.Iterations);
        Assert.Equal(local.Evaluations, result.Evaluations);
        Assert.Equal(local.Loss, result.Loss);
        Data.AssertBitwise<double>(expected, theta);
    }

    [Fact]
    public void NewtonRefusesCheckpoints() =>
        Assert.Equal("CheckpointPath", Assert.Throws<ArgumentException>(() => new DistributedTrainer<double>(fixture.Cluster.Client,
            Job("bcx", 3, [new ShardSource("unused.bin", ShardFileFormat.Binary)], 64, 0), new DistributedTrainerOptions { Method = DistributedMethod.Newton, CheckpointPath = "x.ckpt" })).ParamName);

    [Fact]
    public void BreastCancerFloatIsBitIdenticalToTheLocalTrainer()
    {
        var (xd, yd, d) = Data.BreastCancer();
        float[] x = xd.Select(v => (float)v).ToArray(), y = yd.Select(v => (float)v).ToArray();
        int[] rows = [300, 269];
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, rows);
        var lbfgs = new LbfgsOptions { MaxIterations = 60 };
        var (local, expected) = Local(x, y, d, rows, new Losses.BceWithLogitsLossFunction(posWeight: 1), 100, 0.01, lbfgs);
        var theta = new float[d + 1];
        MinimizationResult<float> result = new DistributedTrainer<float>(fixture.Cluster.Client, Job("bcf", d, shards, 100, 0.01), new DistributedTrainerOptions { Lbfgs = lbfgs }).Train(theta);
        Assert.Equal(local.Iterations, result.Iterations);
        Assert.Equal(local.Loss, result.Loss);
        Data.AssertBitwise<float>(expected, theta);
    }

    [Fact]
    public void SyntheticMillionByTwentyIsBitIdenticalToTheLocalTrainer()
    {
        const int n = 1_000_000, d = 20;
        var (x, y) = Data.Logistic<float>(n, d, 2024);
        int[] rows = [333_334, 333_333, 333_333];
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, rows);
        var lbfgs = new LbfgsOptions { MaxIterations = 30 };
        var (local, expected) = Local(x, y, d, rows, new Losses.BceWithLogitsLossFunction(posWeight: 1), 4096, 1e-4, lbfgs);
        var progress = new List<IterationReport>();
        var theta = new float[d + 1];
        var trainer = new DistributedTrainer<float>(fixture.Cluster.Client, Job("synthetic", d, shards, 4096, 1e-4),
            new DistributedTrainerOptions { Lbfgs = lbfgs with { Progress = new SynchronousProgress<IterationReport>(progress.Add) } });
        MinimizationResult<float> result = trainer.Train(theta);
        Assert.True(local.Iterations >= 10, $"{local.Iterations} iterations");
        Assert.Equal(local.Iterations, result.Iterations);
        Assert.Equal(local.Evaluations, result.Evaluations);
        Assert.Equal(local.History.Select(h => h.Loss), progress.Select(h => h.Loss));
        Data.AssertBitwise<float>(expected, theta);
    }
}
