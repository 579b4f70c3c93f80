using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>
/// The mini-batch loop: seeded shuffling, early stopping with restore, cancellation within an epoch,
/// checkpoints that resume bit for bit, thread-count independence and allocation-free epochs.
/// </summary>
public class TrainerLoopTests
{
    /// <summary>y = 2 x₀ − x₁ + 0.5 + noise over n rows, seeded.</summary>
    private static (double[] X, double[] Y) Regression(int n, ulong seed, double slope0 = 2) => TrainingData.Regression(n, seed, slope0);

    private static LinearObjective<double, Losses.MseLossFunction> Mse(double[] x, double[] y, int threads = 0, int chunkRows = 1024) =>
        new(x, 2, y, new Losses.MseLossFunction(), new LinearObjectiveOptions { Threads = threads, ChunkRows = chunkRows });

    [Fact]
    public void MiniBatchTrainingIsReproducibleForASeedAndDiffersAcrossSeeds()
    {
        (double[] x, double[] y) = Regression(500, 1);
        using var objective = Mse(x, y);
        TrainingResult<double> Run(ulong seed) => new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(
            objective, new Sgd<double>(0.1, 0.9), new double[3], new TrainerOptions { MaxEpochs = 20, BatchSize = 32, Seed = seed }).Fit();
        TrainingResult<double> a = Run(7), b = Run(7), c = Run(8);
        Assert.Equal(a.Parameters, b.Parameters);
        Assert.NotEqual(a.Parameters, c.Parameters);
        // And it learns the line: slope 2, −1, intercept 0.5 within the noise.
        Assert.Equal(2.0, a.Parameters[0], 1);
        Assert.Equal(-1.0, a.Parameters[1], 1);
        Assert.Equal(0.5, a.Parameters[2], 1);
    }

    [Fact]
    public void EarlyStoppingStopsAfterPatienceAndRestoresTheBestParameters()
    {
        // Validation data follow another slope, so after a few epochs fitting the training data hurts validation.
        (double[] x, double[] y) = Regression(400, 2);
        (double[] vx, double[] vy) = Regression(200, 3, slope0: 0.5);
        using var training = Mse(x, y);
        using var validation = Mse(vx, vy);
        var trainer = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(training, validation, new Sgd<double>(0.05), new double[3],
            new TrainerOptions { MaxEpochs = 500, BatchSize = 20, Seed = 1, EarlyStopping = new EarlyStopping(Patience: 3, MinDelta: 1e-4) });
        TrainingResult<double> result = trainer.Fit();
        Assert.Equal(TrainingStatus.EarlyStopped, result.Status);
        int best = result.History.MinBy(r => r.ValidationLoss).Epoch;
        Assert.Equal(best + 3, result.Epochs);
        // The returned parameters are the best epoch's: their validation loss is the best one reported.
        double restored = validation.Evaluate(result.Parameters, new double[3]);
        Assert.Equal(result.History.Min(r => r.ValidationLoss), restored, 12);
    }

    private sealed class CancelAfter(int batches, CancellationTokenSource source) : IBatchObjective<double>
    {
        public int Calls { get; private set; }

        public int Count => 100;

        public int ParameterCount => 1;

        public double Evaluate(ReadOnlySpan<double> parameters, ReadOnlySpan<int> rows, Span<double> gradient)
        {
            if (!rows.IsEmpty && ++Calls == batches)
            {
                source.Cancel();
            }
            gradient[0] = 2 * parameters[0];
            return parameters[0] * parameters[0];
        }
    }

    [Fact]
    public void CancellationIsHonouredWithinAnEpoch()
    {
        using var source = new CancellationTokenSource();
        var objective = new CancelAfter(3, source);
        var result = new Trainer<double, CancelAfter>(objective, new Sgd<double>(0.1), new[] { 1.0 }, new TrainerOptions { BatchSize = 10 }).Fit(source.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(0, result.Epochs);
        Assert.Equal(3, objective.Calls);
        // Three steps of θ ← θ − 0.1 · 2θ were taken.
        Assert.Equal(Math.Pow(0.8, 3), result.Parameters[0], 15);
    }

    [Fact]
    public void ResumingFromACheckpointIsBitIdentical()
    {
        (double[] x, double[] y) = Regression(300, 4);
        (double[] vx, double[] vy) = Regression(100, 5);
        using var training = Mse(x, y, chunkRows: 16);
        using var validation = Mse(vx, vy);
        Trainer<double, LinearObjective<double, Losses.MseLossFunction>> Create() => new(training, validation, new Adam<double>(0.05), new double[3],
            new TrainerOptions
            {
                MaxEpochs = 12,
                BatchSize = 50,
                Seed = 11,
                Schedule = new ReduceOnPlateauSchedule(0.05, factor: 0.5, patience: 1),
                EarlyStopping = new EarlyStopping(Patience: 100),
            });

        TrainingResult<double> uninterrupted = Create().Fit();

        var first = Create();
        first.Run(5);
        using var checkpoint = new MemoryStream();
        first.SaveCheckpoint(checkpoint);
        checkpoint.Position = 0;
        var resumed = Create();
        resumed.LoadCheckpoint(checkpoint);
        TrainingResult<double> result = resumed.Fit();

        Assert.Equal(12, result.Epochs);
        Assert.Equal(uninterrupted.Parameters.Select(BitConverter.DoubleToInt64Bits), result.Parameters.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(uninterrupted.History.Select(r => (r.Loss, r.ValidationLoss, r.LearningRate, r.GradientNorm)),
            result.History.Select(r => (r.Loss, r.ValidationLoss, r.LearningRate, r.GradientNorm)));
    }

    [Fact]
    public void ACheckpointOfAnotherOptimizerIsRejected()
    {
        (double[] x, double[] y) = Regression(50, 6);
        using var objective = Mse(x, y);
        var adam = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(objective, new Adam<double>(0.1), new double[3], new TrainerOptions { MaxEpochs = 2 });
        adam.Fit();
        using var checkpoint = new MemoryStream();
        adam.SaveCheckpoint(checkpoint);
        checkpoint.Position = 0;
        var sgd = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(objective, new Sgd<double>(0.1), new double[3], new TrainerOptions { MaxEpochs = 2 });
        Assert.Throws<InvalidDataException>(() => sgd.LoadCheckpoint(checkpoint));
        Assert.Throws<InvalidDataException>(() => sgd.LoadCheckpoint(new MemoryStream(new byte[] { 1, 2, 3 })));
    }

    [Fact]
    public void OneThreadAndAllThreadsGiveTheSameBits()
    {
        (double[] x, double[] y) = Regression(5000, 7);
        using var one = Mse(x, y, threads: 1, chunkRows: 100);
        using var all = Mse(x, y, threads: Environment.ProcessorCount, chunkRows: 100);
        var options = new TrainerOptions { MaxEpochs = 5, BatchSize = 1000, Seed = 3 };
        var a = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(one, new Adam<double>(0.1), new double[3], options).Fit();
        var b = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(all, new Adam<double>(0.1), new double[3], options).Fit();
        Assert.Equal(a.Parameters.Select(BitConverter.DoubleToInt64Bits), b.Parameters.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(a.History.Select(r => r.Loss), b.History.Select(r => r.Loss));
    }

    [Fact]
    public void MiniBatchDivergenceRestoresFiniteParametersAndNamesTheEpoch()
    {
        (double[] x, double[] y) = Regression(200, 9);
        using var objective = Mse(x, y);
        var recorder = new ReportRecorder();
        var result = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(objective, new Sgd<double>(50), new double[3],
            new TrainerOptions { MaxEpochs = 100, BatchSize = 16, Seed = 2, Progress = recorder }).Fit();
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.Equal(recorder.Reports.Count, result.Epochs);
        Assert.True(result.Epochs < 100);
        // The restored parameters are the last ones whose mini-batch loss and gradient were finite (the loss
        // over the whole set at them may still overflow: they are the last finite point of a divergence).
        Assert.All(result.Parameters, v => Assert.True(double.IsFinite(v)));
        Assert.Contains(result.Parameters, v => Math.Abs(v) > 10);
    }

    [Fact]
    public void ClippingByValueBoundsEveryStep()
    {
        // With SGD at rate 1 and every gradient component clipped to 0.01, no parameter moves more than 0.01 per step.
        (double[] x, double[] y) = Regression(100, 10);
        using var objective = Mse(x, y);
        var trainer = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(objective, new Sgd<double>(1), new double[3],
            new TrainerOptions { MaxEpochs = 1, ClipValue = 0.01 });
        TrainingResult<double> result = trainer.Fit();
        Assert.All(result.Parameters, v => Assert.Equal(0.01, Math.Abs(v), 15));
    }

    [Fact]
    public void OneThreadAndAllThreadsGiveTheSameBitsInFloat()
    {
        (double[] xd, double[] yd) = Regression(5000, 12);
        float[] x = Array.ConvertAll(xd, v => (float)v), y = Array.ConvertAll(yd, v => (float)v);
        TrainingResult<float> Train(int threads)
        {
            using var objective = LinearObjective.Create(x, 2, y, new Losses.HuberLossFunction(0.5),
                new LinearObjectiveOptions { Threads = threads, ChunkRows = 64, L2 = 0.001 });
            return new Trainer<float, LinearObjective<float, Losses.HuberLossFunction>>(objective, new RmsProp<float>(0.01f), new float[3],
                new TrainerOptions { MaxEpochs = 4, BatchSize = 700, Seed = 9 }).Fit();
        }
        TrainingResult<float> a = Train(1), b = Train(Environment.ProcessorCount);
        Assert.Equal(a.Parameters.Select(BitConverter.SingleToInt32Bits), b.Parameters.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(a.History.Select(r => r.Loss), b.History.Select(r => r.Loss));
    }

    private sealed class AllocationProbe(long[] bytes) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => bytes[value.Epoch - 1] = GC.GetAllocatedBytesForCurrentThread();
    }

    /// <summary>
    /// Epochs after the first allocate nothing. A real allocation in the loop shows in every epoch (or, like a
    /// growing list, in several); a one-off allocation by the runtime on the test's thread (JIT or tiering,
    /// timing-dependent) shows in one epoch at most. So epochs 2 to 10 are measured one by one, and all but at
    /// most one must allocate 0 bytes.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void EpochsAfterTheFirstAllocateNothing(int threads)
    {
        (double[] x, double[] y) = Regression(20_000, 8);
        using var objective = Mse(x, y, threads: Math.Min(threads, Environment.ProcessorCount), chunkRows: 512);
        var bytes = new long[10];
        var run = new Trainer<double, LinearObjective<double, Losses.MseLossFunction>>(objective, new Adam<double>(0.01), new double[3],
            new TrainerOptions { MaxEpochs = 10, BatchSize = 4096, Seed = 1, ClipNorm = 10, Schedule = new CosineAnnealingSchedule(0.01, 10), Progress = new AllocationProbe(bytes) });
        run.Fit();
        // Each epoch: 5 mini-batch steps, each a parallel forward, loss and backward pass, clipping and an Adam
        // step, plus the schedule and the report.
        long[] perEpoch = bytes.Zip(bytes.Skip(1), (a, b) => b - a).ToArray();
        Assert.True(perEpoch.Count(b => b != 0) <= 1, "bytes allocated in epochs 2 to 10: " + string.Join(", ", perEpoch));
    }
}
