using System.Diagnostics;
using LossGen;
using LossGen.Orleans;
using LossGen.Training;

namespace Distributed;

/// <summary>
/// --measure: the overhead of the distributed path over the local one on this machine, in one run. The same problem
/// (rows × columns, 3 shards, double) is trained for a fixed number of L-BFGS iterations locally, then on a cluster
/// of 1 and of 3 silo processes on localhost; also timed: one shard's evaluation, the merge, and the bytes per
/// evaluation. Prints the markdown table of docs/scaling.md. Not run by CI: a measurement, not a test.
/// </summary>
internal static class Measurement
{
    private const int Shards = 3, Iterations = 20;

    public static async Task RunAsync(int rows, int d)
    {
        Console.WriteLine($"measuring: {rows:N0} rows × {d} features, {Shards} shards, double, {Iterations} L-BFGS iterations, {Environment.ProcessorCount} cores");
        string folder = Path.Combine(Path.GetTempPath(), "lossgen-measure-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var (x, y) = Synthetic.Logistic(rows, d, seed: 7);
            int[] shardRows = Synthetic.Split(rows, Shards);
            ShardSource[] sources = Synthetic.WriteShards(folder, x, y, d, shardRows);
            var lbfgs = new LbfgsOptions { MaxIterations = Iterations, GradientTolerance = 0, ChangeTolerance = 0 };
            var loss = new Losses.BceWithLogitsLossFunction(posWeight: 1);

            // Local: one LinearObjective over all rows with the same shard boundaries (warmed up first).
            using var objective = LinearObjective.Create(x, d, y, loss, new LinearObjectiveOptions { L2 = 1e-4, ChunkRows = 4096, ShardRows = shardRows });
            new Lbfgs<double>(lbfgs with { MaxIterations = 2 }).Minimize(objective, new double[d + 1]);
            var localTheta = new double[d + 1];
            var clock = Stopwatch.StartNew();
            MinimizationResult<double> local = new Lbfgs<double>(lbfgs).Minimize(objective, localTheta);
            double localPerEvaluation = clock.Elapsed.TotalMilliseconds / local.Evaluations;

            var lines = new List<string>
            {
                "| path | load (s) | time per evaluation (ms) | ratio to local | same bits as local |",
                "| --- | ---: | ---: | ---: | --- |",
                $"| local, one process | – | {localPerEvaluation:F2} | 1.00 | – |",
            };
            foreach (int silos in new[] { 1, 3 })
            {
                await using var cluster = await LocalCluster.StartAsync(silos);
                var job = new DistributedJob { Name = $"measure{silos}", Loss = "bce-with-logits", Columns = d, Shards = sources, L2 = 1e-4, ChunkRows = 4096 };
                var trainer = new DistributedTrainer<double>(cluster.Client, job, new DistributedTrainerOptions { Lbfgs = lbfgs });
                clock.Restart();
                await trainer.LoadAsync();
                double load = clock.Elapsed.TotalSeconds;
                // Warm-up (JIT of both sides): two iterations by a second trainer of the same job, whose shard grains hold the rows already.
                await new DistributedTrainer<double>(cluster.Client, job, new DistributedTrainerOptions { Lbfgs = lbfgs with { MaxIterations = 2 } }).TrainAsync(new double[d + 1]);
                var theta = new double[d + 1];
                clock.Restart();
                MinimizationResult<double> remote = await trainer.TrainAsync(theta);
                double perEvaluation = clock.Elapsed.TotalMilliseconds / remote.Evaluations;
                bool same = theta.AsSpan().SequenceEqual(localTheta) && remote.Evaluations == local.Evaluations;
                lines.Add($"| distributed, {silos} silo process{(silos > 1 ? "es" : "")} | {load:F2} | {perEvaluation:F2} | {perEvaluation / localPerEvaluation:F2} | {(same ? "yes" : "NO")} |");
            }

            // One shard's evaluation alone, in this process.
            int first = shardRows[0];
            using var shard = LinearObjective.Create((ReadOnlyMemory<double>)x.AsMemory(0, first * d), d, (ReadOnlyMemory<double>)y.AsMemory(0, first), loss, new LinearObjectiveOptions { ChunkRows = 4096 });
            var parameters = localTheta;
            shard.EvaluatePartial(parameters, rows, 0, 0);
            clock.Restart();
            const int repeats = 20;
            for (int i = 0; i < repeats; i++)
            {
                shard.EvaluatePartial(parameters, rows, 0, i);
            }
            double shardMs = clock.Elapsed.TotalMilliseconds / repeats;

            Console.WriteLine();
            lines.ForEach(Console.WriteLine);
            Console.WriteLine();
            Console.WriteLine("| quantity | value |");
            Console.WriteLine("| --- | ---: |");
            Console.WriteLine($"| one shard's evaluation ({first:N0} rows, all cores) | {shardMs:F2} ms |");
            foreach (int s in new[] { Shards, 100 })
            {
                Console.WriteLine($"| merge of {s} shards' answers (d + 1 = {d + 1}) | {MergeMicroseconds(s, d + 1):F2} µs |");
            }
            int answer = PartialEvaluationFormat.Size(8, d + 1), request = 8 * (d + 1);
            Console.WriteLine($"| bytes per shard per evaluation: answer / parameters sent | {answer} / {request} (+ Orleans framing) |");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double MergeMicroseconds(int shards, int parameters)
    {
        var merger = new PartialEvaluationMerger<double>(Enumerable.Repeat(1000L, shards).ToArray(), parameters);
        var gradient = new double[parameters];
        const int repeats = 2000;
        var answers = Enumerable.Range(0, repeats).Select(e => Enumerable.Range(0, shards)
            .Select(s => new PartialEvaluation<double>(s, e, 1000, s, new double[parameters])).ToArray()).ToArray();
        merger.Merge(0, answers[0], gradient);
        var clock = Stopwatch.StartNew();
        for (int e = 1; e < repeats; e++)
        {
            merger.Merge(e, answers[e], gradient);
        }
        return clock.Elapsed.TotalMicroseconds / (repeats - 1);
    }
}
