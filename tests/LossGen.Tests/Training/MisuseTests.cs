using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>
/// The trainer as a new user would misuse it: non-finite starting points, a wrong feature count, targets
/// outside a loss's domain, one options object shared by two trainers, and one objective or trainer used
/// from two threads. Each is reported with an exception naming the argument, never silently trained on.
/// </summary>
public class MisuseTests
{
    public static TheoryData<double> NonFinite() => new() { double.NaN, double.PositiveInfinity, double.NegativeInfinity };

    [Theory]
    [MemberData(nameof(NonFinite))]
    public void NonFiniteStartingParametersAreRejectedByEveryMinimizer(double bad)
    {
        (double[] x, double[] y) = TrainingData.Regression(30, 1);
        using var objective = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction());
        double[] Start() => new[] { 0.5, bad, 0.0 };
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => Trainer.Create(objective, new Adam<double>(0.1), Start())).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => Trainer.Minimize(objective, Start().AsSpan(), new Sgd<double>(0.1))).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new Lbfgs<double>().Minimize(objective, Start())).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new Lbfgs<double>().Step(objective, Start())).ParamName);
        // The message names the element.
        Assert.Contains("parameters[1]", Assert.Throws<ArgumentException>(() => Trainer.Create(objective, new Adam<double>(0.1), Start())).Message);
    }

    [Fact]
    public void TheFeatureCountIsGivenNotInferred()
    {
        // The breast-cancer shape: 569 rows × 30 features, but twice as many labels by mistake.
        var features = new double[569 * 30];
        var labels = new double[1138];
        var e = Assert.Throws<ArgumentException>(() => LinearObjective.Create(features, 30, labels, new Losses.BceWithLogitsLossFunction(posWeight: 1)));
        Assert.Equal("features", e.ParamName);
        Assert.Contains("1138 targets × 30 columns", e.Message);
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => LinearObjective.Create(features, 0, new double[569], new Losses.MseLossFunction())).ParamName);
        var matrix = new double[3, 2];
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => LinearObjective.Create(matrix, new double[4], new Losses.MseLossFunction())).ParamName);
    }

    [Fact]
    public void ATwoDimensionalMatrixIsTheSameModelAsItsRowMajorArray()
    {
        (double[] x, double[] y) = TrainingData.Regression(37, 2);
        var matrix = new double[37, 2];
        for (int i = 0; i < 37; i++)
        {
            matrix[i, 0] = x[2 * i];
            matrix[i, 1] = x[2 * i + 1];
        }
        using var flat = LinearObjective.Create(x, 2, y, new Losses.HuberLossFunction(delta: 0.5), new LinearObjectiveOptions { ChunkRows = 8, Threads = 1 });
        using var twoD = LinearObjective.Create(matrix, y, new Losses.HuberLossFunction(delta: 0.5), new LinearObjectiveOptions { ChunkRows = 8, Threads = 1 });
        double[] theta = { 0.3, -0.7, 0.2 };
        double[] g1 = new double[3], g2 = new double[3];
        Assert.Equal(flat.Evaluate(theta, g1), twoD.Evaluate(theta, g2));
        Assert.Equal(g1, g2);
        int[] rows = { 36, 0, 5, 5 };
        Assert.Equal(flat.Evaluate(theta, rows, g1), twoD.Evaluate(theta, rows, g2));
        Assert.Equal(g1, g2);
    }

    [Fact]
    public void TargetsOutsideTheLossDomainAndNonFiniteDataAreReported()
    {
        double[] x = { 1, 2, 3, 4 };
        var bce = Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, new[] { 0.0, 1.0, 2.0, 1.0 }, new Losses.BceWithLogitsLossFunction(posWeight: 1)));
        Assert.Equal("targets", bce.ParamName);
        Assert.Contains("targets[2] is 2", bce.Message);
        Assert.Contains("[0, 1]", bce.Message);
        var hinge = Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, new[] { 1.0, 0.0, 1.0, -1.0 }, new Losses.HingeLossFunction()));
        Assert.Contains("targets[1] is 0", hinge.Message);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, new[] { 1.0, 0.0, -1.0, 3.0 }, new Losses.PoissonNllLossFunction())).ParamName);
        Assert.Equal("targets", Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, new[] { 1.0, double.NaN, 1.0, 3.0 }, new Losses.MseLossFunction())).ParamName);
        var feature = Assert.Throws<ArgumentException>(() => LinearObjective.Create(new[] { 1.0, 2.0, double.PositiveInfinity, 4.0 }, 2, new[] { 1.0, 2.0 }, new Losses.MseLossFunction()));
        Assert.Equal("features", feature.ParamName);
        Assert.Contains("row 1, column 0", feature.Message);
        Assert.Equal("columns", Assert.Throws<ArgumentException>(() => ParametricObjective.Create(new TrainerLosses.LineFunction(), new[] { 1.0, double.NaN }, new[] { 1.0, 2.0 })).ParamName);
        // In range: accepted.
        using var ok = LinearObjective.Create(x, 1, new[] { 0.0, 1.0, 0.25, 1.0 }, new Losses.BceWithLogitsLossFunction(posWeight: 1));
        using var okHinge = LinearObjective.Create(x, 1, new[] { 1.0, -1.0, 1.0, -1.0 }, new Losses.HingeLossFunction());
    }

    [Fact]
    public void MoreThreadsThanCoresAreClampedAndGiveTheSameBits()
    {
        (double[] x, double[] y) = TrainingData.Regression(200, 8);
        using var all = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction());
        using var many = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction(), new LinearObjectiveOptions { Threads = Environment.ProcessorCount * 8 + 5 });
        double[] theta = { 0.3, -0.2, 0.1 }, g1 = new double[3], g2 = new double[3];
        Assert.Equal(all.Evaluate(theta, g1), many.Evaluate(theta, g2));
        Assert.Equal(g1, g2);
        Assert.Equal("options", Assert.Throws<ArgumentOutOfRangeException>(() => LinearObjective.Create(x, 2, y, new Losses.MseLossFunction(), new LinearObjectiveOptions { Threads = -1 })).ParamName);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void ALossWithAnImpossibleHyperParameterIsRefused(double bad)
    {
        double[] x = { 1, 2, 3, 4 }, y = { 1, 2, 3, 4 };
        var huber = Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, y, new Losses.HuberLossFunction(delta: bad)));
        Assert.Equal("loss", huber.ParamName);
        Assert.Contains("delta", huber.Message);
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, y, default(Losses.HuberLossFunction))).ParamName);
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, new[] { 0.0, 1.0, 0.0, 1.0 }, new Losses.BceWithLogitsLossFunction(posWeight: bad))).ParamName);
        Assert.Equal("loss", Assert.Throws<ArgumentException>(() => LinearObjective.Create(x, 1, y, new Losses.QuantileLossFunction(tau: bad - 2))).ParamName);
        using var ok = LinearObjective.Create(x, 1, y, new Losses.HuberLossFunction(delta: 0.5));
    }

    [Fact]
    public void ASharedOptionsObjectCarriesNoScheduleStateBetweenTrainers()
    {
        (double[] x, double[] y) = TrainingData.Regression(60, 3);
        using var objective = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction());
        var options = new TrainerOptions { MaxEpochs = 4, BatchSize = 16, Seed = 2, Schedule = new ExponentialSchedule(0.05, 0.1) };
        TrainingResult<double> first = Trainer.Create(objective, new Adam<double>(0.05), new double[3], options).Fit();
        TrainingResult<double> second = Trainer.Create(objective, new Adam<double>(0.05), new double[3], options).Fit();
        Assert.Equal(0.05, second.History[0].LearningRate);
        Assert.Equal(new[] { 0.05, 0.005, 0.0005, 0.00005 }, second.History.Select(r => r.LearningRate), (a, b) => Math.Abs(a - b) <= 1e-15);
        TrainingData.AssertSameBits(first, second);
        // The schedule in the options was never advanced.
        Assert.Equal(-1, options.Schedule.Epoch);
    }

    /// <summary>A loss that holds the thread that calls it until released, to make concurrent use deterministic.</summary>
    private readonly struct BlockingLoss : IPredictionLoss<double>
    {
        public static readonly ManualResetEventSlim Entered = new(), Release = new();

        public Reduction Reduction => Reduction.Mean;

        public double Evaluate(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target, Span<double> predictionGradient)
        {
            Entered.Set();
            Release.Wait();
            return Losses.MseLoss(prediction, target, predictionGradient);
        }
    }

    /// <summary>Runs <paramref name="first"/> on another thread until it is inside the blocking loss, runs <paramref name="second"/>, then lets the first finish.</summary>
    private static Exception? WhileBlocked(Action first, Action second)
    {
        BlockingLoss.Entered.Reset();
        BlockingLoss.Release.Reset();
        Exception? firstFailure = null;
        var thread = new Thread(() => firstFailure = Record.Exception(first));
        thread.Start();
        Assert.True(BlockingLoss.Entered.Wait(TimeSpan.FromSeconds(30)));
        Exception? secondFailure = Record.Exception(second);
        BlockingLoss.Release.Set();
        thread.Join();
        Assert.Null(firstFailure);
        return secondFailure;
    }

    [Fact]
    public void ConcurrentUseOfOneObjectiveIsReportedNotMiscomputed()
    {
        (double[] x, double[] y) = TrainingData.Regression(50, 4);
        using var objective = LinearObjective.Create(x, 2, y, new BlockingLoss(), new LinearObjectiveOptions { Threads = 1 });
        using var reference = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction(), new LinearObjectiveOptions { Threads = 1 });
        double[] theta = { 0.1, 0.2, 0.3 };
        double value = double.NaN;
        Exception? second = WhileBlocked(() => value = objective.Evaluate(theta, new double[3]), () => objective.Evaluate(theta, new double[3]));
        Assert.IsType<InvalidOperationException>(second);
        Assert.Contains("not safe for concurrent use", second.Message);
        // The first call was not disturbed, and the objective works again afterwards.
        Assert.Equal(reference.Evaluate(theta, new double[3]), value);
        BlockingLoss.Release.Set();
        Assert.Equal(value, objective.Evaluate(theta, new double[3]));
    }

    [Fact]
    public void ConcurrentUseOfOneTrainerIsReported()
    {
        (double[] x, double[] y) = TrainingData.Regression(50, 5);
        using var objective = LinearObjective.Create(x, 2, y, new BlockingLoss(), new LinearObjectiveOptions { Threads = 1 });
        var trainer = Trainer.Create(objective, new Sgd<double>(0.1), new double[3], new TrainerOptions { MaxEpochs = 1 });
        Assert.IsType<InvalidOperationException>(WhileBlocked(() => trainer.Fit(), () => trainer.Fit()));
        Assert.IsType<InvalidOperationException>(WhileBlocked(() => trainer.Run(1), () => trainer.SaveCheckpoint(new MemoryStream())));
    }

    private sealed class BlockingSgd() : OptimizerBase<double>(0.1)
    {
        protected override double[][] CreateState(int length) => [];

        protected override void UseState(double[][] state)
        {
        }

        protected override void Update(Span<double> parameters, ReadOnlySpan<double> gradient, long step) =>
            new BlockingLoss().Evaluate(parameters, gradient, new double[parameters.Length]);
    }

    [Fact]
    public void ConcurrentStepsOfOneOptimizerAreReported()
    {
        var optimizer = new BlockingSgd();
        Assert.IsType<InvalidOperationException>(WhileBlocked(() => optimizer.Step(new double[2], new double[2]), () => optimizer.Step(new double[2], new double[2])));
        Assert.Equal(1, optimizer.StepCount);
    }
}
