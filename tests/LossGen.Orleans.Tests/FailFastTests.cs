using System.Diagnostics;
using System.Numerics;
using LossGen.Orleans;
using LossGen.Training;
using Xunit.Abstractions;

namespace LossGen.Orleans.Tests;

/// <summary>
/// A loss that fails on chosen data: a target of 2 in a shard throws <see cref="TimeoutException"/> (transient: the
/// coordinator retries), a target of 3 throws <see cref="InvalidOperationException"/> (the shard fails for good).
/// </summary>
internal readonly struct TripwireBce : IPredictionLoss<double>, IPredictionLoss<float>
{
    public Reduction Reduction => Reduction.Mean;

    private static void Trip<T>(ReadOnlySpan<T> target)
        where T : IFloatingPointIeee754<T>
    {
        if (target.Contains(T.CreateTruncating(3)))
        {
            throw new InvalidOperationException("tripwire: this shard fails for good");
        }
        if (target.Contains(T.CreateTruncating(2)))
        {
            throw new TimeoutException("tripwire: this shard fails transiently");
        }
    }

    public double Evaluate(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, Span<double> predictionGradient)
    {
        Trip(target);
        return ((IPredictionLoss<double>)new Losses.BceWithLogitsLossFunction(posWeight: 1)).Evaluate(prediction, target, predictionGradient);
    }

    public float Evaluate(ReadOnlySpan<float> prediction, ReadOnlySpan<float> target, Span<float> predictionGradient)
    {
        Trip(target);
        return ((IPredictionLoss<float>)new Losses.BceWithLogitsLossFunction(posWeight: 1)).Evaluate(prediction, target, predictionGradient);
    }
}

/// <summary>
/// A shard that fails for good ends the run at once, even while another shard is failing transiently and would retry
/// for a minute and a half: its failure cancels the other calls and their pauses.
/// </summary>
[Collection(ClusterCollection.Name)]
public class FailFastTests(ClusterFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void AShardThatFailsForGoodIsNotKeptWaitingByAnotherShardsRetries()
    {
        DistributedLosses.Register("tripwire-bce", new TripwireBce());
        const int d = 4;
        var (x, y) = Data.Logistic<double>(3000, d, 3);
        y[10] = 3;    // shard 0 (rows 0–999) fails for good
        y[1500] = 2;  // shard 1 (rows 1000–1999) fails transiently, every time
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, [1000, 1000, 1000]);
        var options = new DistributedTrainerOptions { RetryDelay = TimeSpan.FromSeconds(1), MaxRetryDelay = TimeSpan.FromSeconds(5) };
        var trainer = new DistributedTrainer<double>(fixture.Cluster.Client, new DistributedJob
        {
            Name = "failfast-" + Guid.NewGuid().ToString("N"), Loss = "tripwire-bce", Columns = d, Shards = shards, ChunkRows = 256,
        }, options);
        double budget = Enumerable.Range(0, options.MaxRetries).Sum(r => options.RetryDelayBefore(r).TotalSeconds);

        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<ShardFailedException>(() => trainer.Train(new double[d + 1]));
        clock.Stop();

        Assert.Equal(0, e.Shard);
        Assert.Contains("tripwire: this shard fails for good", e.Message);
        // Without the cancellation the exception would come after all of shard 1's retries (20 pauses, 92 s in all;
        // 94 s measured); with it, shard 1 is cancelled in its first pause.
        Assert.Equal(92, budget, 9);
        output.WriteLine($"failed after {clock.Elapsed.TotalSeconds:F1} s, {trainer.Retries} shard calls retried");
        Assert.InRange(trainer.Retries, 0, 3);
    }
}
