// Distributed: data-parallel logistic regression on Orleans. The coordinator (this process, a cluster client)
// writes a synthetic data set as shards into a temporary folder, starts two silo processes on localhost (this same
// program with --silo), has the shard grains load their rows themselves, and trains by L-BFGS over the merge of
// their partial evaluations, printing each iteration. Then it trains the same model on one machine with the same
// shard boundaries and prints both results side by side: the bits are the same. Exit code 0 only if they are.
//
//   dotnet run --project samples/Distributed -c Release                 the demo (200,000 × 20, 4 shards, 2 silos)
//   dotnet run --project samples/Distributed -c Release -- --measure     the overhead table of docs/scaling.md
using System.Globalization;
using Distributed;
using LossGen;
using LossGen.Orleans;
using LossGen.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = CommandLine.Parse(args);
if (options.Silo is { } silo)
{
    await SiloProcess.RunAsync(silo, options.Ports);
    return 0;
}
if (options.Measure)
{
    await Measurement.RunAsync(options.Rows ?? 1_000_000, options.Columns ?? 20);
    return 0;
}

int rows = options.Rows ?? 200_000, d = options.Columns ?? 20;
const int shardCount = 4;
const double lambda = 1e-4;
string folder = Path.Combine(Path.GetTempPath(), "lossgen-distributed-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(folder);
try
{
    var (x, y) = Synthetic.Logistic(rows, d, seed: 2026);
    int[] shardRows = Synthetic.Split(rows, shardCount);
    ShardSource[] shards = Synthetic.WriteShards(folder, x, y, d, shardRows);
    Console.WriteLine($"data: {rows:N0} rows × {d} features, logistic labels; {shardCount} shards of {string.Join(", ", shardRows.Select(r => r.ToString("N0")))} rows written to a temporary folder");

    await using var cluster = await LocalCluster.StartAsync(silos: 2);
    Console.WriteLine($"cluster: 2 silo processes on localhost (pids {string.Join(", ", cluster.ProcessIds)}), this process is the coordinator");
    var job = new DistributedJob { Name = "demo", Loss = "bce-with-logits", Columns = d, Shards = shards, L2 = lambda, ChunkRows = 4096 };
    var trainer = new DistributedTrainer<double>(cluster.Client, job, new DistributedTrainerOptions
    {
        Lbfgs = new LbfgsOptions
        {
            MaxIterations = 100,
            Progress = new SynchronousProgress<IterationReport>(r => Console.WriteLine($"  iteration {r.Iteration,3}: loss {r.Loss:F10}, |gradient| {r.GradientNorm:E2}, {r.Evaluations} evaluations, {r.Elapsed.TotalSeconds:F2} s")),
        },
    });
    await trainer.LoadAsync();
    for (int s = 0; s < shardCount; s++)
    {
        ShardStatus status = await trainer.Shard(s).StatusAsync();
        Console.WriteLine($"  shard {s}: {status.Rows:N0} rows loaded on silo {status.Silo}");
    }
    Console.WriteLine("distributed L-BFGS:");
    var distributed = new double[d + 1];
    MinimizationResult<double> remote = await trainer.TrainAsync(distributed);

    Console.WriteLine("single machine, same shard boundaries:");
    using var objective = LinearObjective.Create(x, d, y, new Losses.BceWithLogitsLossFunction(posWeight: 1),
        new LinearObjectiveOptions { L2 = lambda, ChunkRows = 4096, ShardRows = shardRows });
    var single = new double[d + 1];
    MinimizationResult<double> local = new Lbfgs<double>(new LbfgsOptions { MaxIterations = 100 }).Minimize(objective, single);

    Console.WriteLine();
    Console.WriteLine($"{"",-14}{"distributed",24}{"single machine",24}");
    Console.WriteLine($"{"status",-14}{remote.Status,24}{local.Status,24}");
    Console.WriteLine($"{"iterations",-14}{remote.Iterations,24}{local.Iterations,24}");
    Console.WriteLine($"{"evaluations",-14}{remote.Evaluations,24}{local.Evaluations,24}");
    Console.WriteLine($"{"loss",-14}{remote.Loss,24:R}{local.Loss,24:R}");
    for (int j = 0; j <= d; j++)
    {
        Console.WriteLine($"{(j < d ? $"w[{j}]" : "bias"),-14}{distributed[j],24:R}{single[j],24:R}");
    }
    bool same = distributed.AsSpan().SequenceEqual(single) && remote.Loss.Equals(local.Loss) && remote.Iterations == local.Iterations;
    Console.WriteLine(same ? "identical: every parameter has the same bits on the cluster as on one machine" : "DIFFERENT: the distributed result does not match the single-machine run");
    return same ? 0 : 1;
}
finally
{
    Directory.Delete(folder, recursive: true);
}
