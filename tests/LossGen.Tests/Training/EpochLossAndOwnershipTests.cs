using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>
/// The reported epoch loss is the size-weighted mean of the mini-batch losses, which with fixed parameters is the
/// objective over the whole set; and every minimizer trains the caller's parameter array in place.
/// </summary>
public class EpochLossAndOwnershipTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithRateZeroTheEpochLossIsTheFullObjectiveDespiteAnUnevenLastBatch(bool shuffle)
    {
        // 50 rows in batches of 16: 16, 16, 16 and a last batch of 2, with L2 so the penalty must be counted once.
        (double[] x, double[] y) = TrainingData.Regression(50, 31);
        for (int i = 48; i < 50; i++)
        {
            y[i] += 25; // the last two rows are far off: their batch's loss is large
        }
        (double[] vx, double[] vy) = TrainingData.Regression(20, 32);
        using var training = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction(), new LinearObjectiveOptions { L2 = 0.1, ChunkRows = 7 });
        using var validation = LinearObjective.Create(vx, 2, vy, new Losses.MseLossFunction());
        double[] theta = { 0.4, -0.3, 0.2 };
        TrainingResult<double> result = Trainer.Create(training, validation, new Sgd<double>(0), (double[])theta.Clone(),
            new TrainerOptions { MaxEpochs = 2, BatchSize = 16, Shuffle = shuffle, Seed = 3 }).Fit();
        double full = training.Evaluate(theta, new double[3]);
        Assert.All(result.History, r => Assert.Equal(full, r.Loss, 1e-12 * full));
        Assert.All(result.History, r => Assert.Equal(validation.Evaluate(theta, new double[3]), r.ValidationLoss, 1e-15));
        Assert.Equal(full, result.Loss, 1e-12 * full);
        if (!shuffle)
        {
            // The plain mean of the four batch losses is far from it: this test tells the two apart.
            double plain = new[] { (0, 16), (16, 16), (32, 16), (48, 2) }
                .Select(b => training.Evaluate(theta, Enumerable.Range(b.Item1, b.Item2).ToArray(), new double[3])).Average();
            Assert.True(Math.Abs(plain - full) > 0.1 * full, $"plain mean {plain}, full {full}");
        }
    }

    [Fact]
    public void EveryMinimizerTrainsTheCallersArrayInPlaceAndReturnsACopy()
    {
        (double[] x, double[] y) = TrainingData.Regression(80, 33);
        using var objective = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction());

        var trainerTheta = new double[3];
        var trainer = Trainer.Create(objective, new Adam<double>(0.1), trainerTheta, new TrainerOptions { MaxEpochs = 5, BatchSize = 20 });
        TrainingResult<double> trained = trainer.Fit();
        Assert.Equal(trained.Parameters, trainerTheta);
        Assert.NotSame(trained.Parameters, trainerTheta);
        Assert.True(trainer.Parameters.SequenceEqual(trainerTheta));
        Assert.Contains(trainerTheta, v => v != 0);

        var lbfgsTheta = new double[3];
        MinimizationResult<double> minimized = new Lbfgs<double>().Minimize(objective, lbfgsTheta);
        Assert.Equal(minimized.Parameters, lbfgsTheta);
        Assert.NotSame(minimized.Parameters, lbfgsTheta);
        Assert.Contains(lbfgsTheta, v => v != 0);

        var gdTheta = new double[3];
        TrainingResult<double> descended = Trainer.Minimize(objective, gdTheta.AsSpan(), new Sgd<double>(0.1), new TrainerOptions { MaxEpochs = 5 });
        Assert.Equal(descended.Parameters, gdTheta);
        Assert.Contains(gdTheta, v => v != 0);
    }

    [Fact]
    public void LbfgsIterationsAreReportedAsIterationsAndStepKeepsPyTorchsLimit()
    {
        (double[] x, double[] y) = TrainingData.Regression(200, 34);
        using var objective = LinearObjective.Create(x, 2, y, new Losses.HuberLossFunction(delta: 0.05));
        var reports = new List<IterationReport>();
        var lbfgs = new Lbfgs<double>(new LbfgsOptions { Progress = new SynchronousProgress<IterationReport>(reports.Add) });
        MinimizationResult<double> result = lbfgs.Minimize(objective, new double[3]);
        Assert.True(result.Status is MinimizationStatus.GradientConverged or MinimizationStatus.ChangeConverged, result.Status.ToString());
        Assert.Equal(Enumerable.Range(1, result.Iterations), reports.Select(r => r.Iteration));
        Assert.Equal(result.Evaluations, (int)lbfgs.Evaluations);
        Assert.True(reports[^1].Evaluations <= result.Evaluations);
        // Step: at most 20 iterations per call by default, as torch.optim.LBFGS(max_iter=20) (a fixed step: one evaluation each).
        var step = new Lbfgs<double>(new LbfgsOptions { GradientTolerance = 0, ChangeTolerance = 0, LineSearch = LineSearch.None, LearningRate = 0.1 });
        step.Step(objective, new double[3]);
        Assert.Equal(20, step.Iterations);
    }
}
