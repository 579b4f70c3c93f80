using LossGen.Orleans;
using LossGen.Training;

namespace LossGen.Orleans.Tests;

/// <summary>Missing or damaged data sources fail the run naming the shard; a restarted coordinator resumes from its checkpoint on the same bits.</summary>
[Collection(ClusterCollection.Name)]
public class FaultTests(ClusterFixture fixture)
{
    private static DistributedJob Job(ShardSource[] shards, int d) =>
        new() { Name = "faults-" + Guid.NewGuid().ToString("N"), Loss = "bce-with-logits", Columns = d, Shards = shards, ChunkRows = 256, L2 = 0.01 };

    [Fact]
    public void MissingDataSourceFailsNamingTheShard()
    {
        var (x, y) = Data.Logistic<double>(3000, 4, 1);
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, 4, [1000, 1000, 1000]);
        File.Delete(shards[1].Path);
        var trainer = new DistributedTrainer<double>(fixture.Cluster.Client, Job(shards, 4));
        var e = Assert.Throws<ShardFailedException>(() => trainer.Train(new double[5]));
        Assert.Equal(1, e.Shard);
        Assert.Contains("Shard 1", e.Message);
        Assert.Contains("does not exist", e.Message);
        Assert.Contains(shards[1].Path, e.Message);
    }

    [Fact]
    public void CorruptDataSourceFailsNamingTheShard()
    {
        var (x, y) = Data.Logistic<double>(3000, 4, 1);
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, 4, [1000, 1000, 1000], csvShards: 0);
        byte[] bytes = File.ReadAllBytes(shards[2].Path);
        bytes[bytes.Length / 2] ^= 0x04;
        File.WriteAllBytes(shards[2].Path, bytes);
        var e = Assert.Throws<ShardFailedException>(() => new DistributedTrainer<double>(fixture.Cluster.Client, Job(shards, 4)).Train(new double[5]));
        Assert.Equal(2, e.Shard);
        Assert.Contains("Shard 2", e.Message);
        Assert.Contains("checksum", e.Message);
        // A CSV shard with a word where a number belongs.
        File.AppendAllText(new Uri(shards[0].Path).LocalPath, "1,2,3,four,0\n");
        var csv = Assert.Throws<ShardFailedException>(() => new DistributedTrainer<double>(fixture.Cluster.Client, Job(shards[..2], 4)).Train(new double[5]));
        Assert.Equal(0, csv.Shard);
        Assert.Contains("'four' is not a number", csv.Message);
    }

    [Fact]
    public void RestartedCoordinatorResumesFromItsCheckpointOnTheSameBits()
    {
        const int d = 6;
        int[] rows = [4000, 3000, 2500];
        var (x, y) = Data.Logistic<double>(rows.Sum(), d, 77);
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, rows);
        DistributedJob job = Job(shards, d);
        var (local, expected) = DistributedEqualityTests.Local(x, y, d, rows, new Losses.BceWithLogitsLossFunction(posWeight: 1), 256, 0.01, new LbfgsOptions());
        Assert.True(local.Iterations >= 6, $"{local.Iterations} iterations");
        string checkpoint = Path.Combine(folder.Path, "coordinator.ckpt");
        // The first coordinator stops after 3 iterations (as if its process ended there).
        using var stop = new CancellationTokenSource();
        var first = new DistributedTrainer<double>(fixture.Cluster.Client, job, new DistributedTrainerOptions
        {
            CheckpointPath = checkpoint,
            Lbfgs = new LbfgsOptions { Progress = new SynchronousProgress<IterationReport>(r => { if (r.Iteration == 3) stop.Cancel(); }) },
        });
        Assert.Equal(MinimizationStatus.Cancelled, first.Train(new double[d + 1], stop.Token).Status);
        Assert.Equal(3, LbfgsCheckpoint.Load(checkpoint).Iteration);
        // A new coordinator with the same job and checkpoint path resumes there.
        var theta = new double[d + 1];
        MinimizationResult<double> resumed = new DistributedTrainer<double>(fixture.Cluster.Client, job, new DistributedTrainerOptions { CheckpointPath = checkpoint }).Train(theta);
        Assert.Equal(local.Iterations, resumed.Iterations);
        Assert.Equal(local.Evaluations, resumed.Evaluations);
        Assert.Equal(local.Loss, resumed.Loss);
        Data.AssertBitwise<double>(expected, theta);
    }
}
