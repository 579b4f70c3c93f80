using LossGen.Orleans;
using LossGen.Training;

namespace LossGen.Orleans.Tests;

/// <summary>
/// A run cancelled while it waits for the shards ends with an <see cref="OperationCanceledException"/> that carries the
/// caller's token (not the coordinator's internal one), so that <see cref="DistributedTrainer{T}.TrainAsync"/> ends
/// Canceled, not Faulted.
/// </summary>
[Collection(ClusterCollection.Name)]
public class CancellationTests(ClusterFixture fixture)
{
    private static DistributedTrainer<double> Trainer(ClusterFixture fixture, TempFolder folder, DistributedTrainerOptions? options = null)
    {
        const int d = 3;
        var (x, y) = Data.Logistic<double>(600, d, 5);
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, [300, 300]);
        return new DistributedTrainer<double>(fixture.Cluster.Client, new DistributedJob
        {
            Name = "cancel-" + Guid.NewGuid().ToString("N"), Loss = "bce-with-logits", Columns = d, Shards = shards, ChunkRows = 128,
        }, options);
    }

    [Fact]
    public async Task LoadingWithACancelledTokenReportsThatToken()
    {
        using var folder = new TempFolder();
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Trainer(fixture, folder).LoadAsync(stop.Token));
        Assert.Equal(stop.Token, e.CancellationToken);
    }

    [Fact]
    public async Task TrainingCancelledDuringAnEvaluationEndsCanceled()
    {
        using var folder = new TempFolder();
        using var stop = new CancellationTokenSource();
        // The token is cancelled just before the first evaluation is sent: the wait for the shards is cancelled.
        DistributedTrainer<double> trainer = Trainer(fixture, folder, new DistributedTrainerOptions { EvaluationStarting = _ => stop.Cancel() });
        Task<MinimizationResult<double>> run = trainer.TrainAsync(new double[trainer.ParameterCount], stop.Token);
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(stop.Token, e.CancellationToken);
        Assert.True(run.IsCanceled, $"the task is {run.Status}");
    }
}
