using LossGen.Orleans;
using LossGen.Training;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LossGen.Orleans.Tests;

/// <summary>
/// A silo killed in the middle of training (between two evaluations, as evaluation 6 starts): its shards are
/// reactivated on the others, reload their rows, evaluation 6 is answered by them, and training ends on the bits of
/// an undisturbed run.
/// </summary>
public class SiloKillTests
{
    [Fact]
    public async Task KilledSiloMidTrainingEndsOnTheSameBits()
    {
        const int d = 8;
        int[] rows = [9000, 8000, 7000, 6000, 5000, 4000];
        var (x, y) = Data.Logistic<double>(rows.Sum(), d, 5);
        using var folder = new TempFolder();
        ShardSource[] shards = Data.WriteShards(folder.Path, x, y, d, rows);
        var (local, expected) = DistributedEqualityTests.Local(x, y, d, rows, new Losses.BceWithLogitsLossFunction(posWeight: 1), 512, 1e-3, new LbfgsOptions());
        Assert.True(local.Iterations >= 8, $"{local.Iterations} iterations");

        TestCluster cluster = await ClusterFixture.StartAsync();
        try
        {
            var job = new DistributedJob { Name = "kill-" + Guid.NewGuid().ToString("N"), Loss = "bce-with-logits", Columns = d, Shards = shards, ChunkRows = 512, L2 = 1e-3 };
            SiloHandle victim = cluster.SecondarySilos[0];
            var trainer = new DistributedTrainer<double>(cluster.Client, job, new DistributedTrainerOptions
            {
                // Evaluation 6 starts right after the silo died: its calls to the dead silo fail and are retried.
                EvaluationStarting = evaluation => { if (evaluation == 6) cluster.KillSiloAsync(victim).GetAwaiter().GetResult(); },
            });
            // Shards 0, 3 on the primary, 1, 4 on the victim, 2, 5 on the third silo: activated from each silo (the grain prefers its caller's silo).
            SiloHandle[] silos = [cluster.Primary!, victim, cluster.SecondarySilos[1]];
            for (int s = 0; s < shards.Length; s++)
            {
                var factory = ((InProcessSiloHandle)silos[s % 3]).SiloHost.Services.GetRequiredService<IGrainFactory>();
                await factory.GetGrain<IShardGrain>($"{job.Name}/{s}").StatusAsync();
            }
            ShardStatus before = await trainer.Shard(1).StatusAsync();
            Assert.Equal(victim.SiloAddress.ToString(), before.Silo);

            var theta = new double[d + 1];
            MinimizationResult<double> result = await trainer.TrainAsync(theta);

            // The calls of evaluation 6 to shards 1 and 4 found their silo dead: Orleans re-sent them (or, when it
            // gives up, the coordinator retries them), the grains were activated on the surviving silos and reloaded.
            foreach (int s in new[] { 1, 4 })
            {
                ShardStatus after = await trainer.Shard(s).StatusAsync();
                Assert.NotEqual(victim.SiloAddress.ToString(), after.Silo);
                Assert.Equal(1, after.Loads);
                Assert.Equal(rows[s], after.Rows);
            }
            Assert.Equal(local.Iterations, result.Iterations);
            Assert.Equal(local.Evaluations, result.Evaluations);
            Assert.Equal(local.Loss, result.Loss);
            Data.AssertBitwise<double>(expected, theta);
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }
}
