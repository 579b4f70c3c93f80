using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>Progress that people can see: synchronous reports, and the console reporter's two modes.</summary>
public class ProgressTests
{
    private static TrainingResult<double> Train(IProgress<EpochReport> progress, int epochs = 12)
    {
        (double[] x, double[] y) = TrainingData.Regression(64, 41);
        using var objective = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction());
        return Trainer.Create(objective, new Adam<double>(0.05), new double[3], new TrainerOptions { MaxEpochs = epochs, BatchSize = 16, Progress = progress }).Fit();
    }

    [Fact]
    public void SynchronousProgressReportsOnTheTrainingThreadBeforeFitReturns()
    {
        int thread = Environment.CurrentManagedThreadId;
        var seen = new List<(int Epoch, int Thread)>();
        TrainingResult<double> result = Train(new SynchronousProgress<EpochReport>(r => seen.Add((r.Epoch, Environment.CurrentManagedThreadId))));
        Assert.Equal(Enumerable.Range(1, result.Epochs), seen.Select(s => s.Epoch));
        Assert.All(seen, s => Assert.Equal(thread, s.Thread));
        Assert.Throws<ArgumentNullException>(() => new SynchronousProgress<EpochReport>(null!));
    }

    [Fact]
    public void RedirectedOutputGetsPlainLinesTheFirstEveryNthAndTheLast()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress("Adam", total: 12, every: 5, output: output, interactive: false);
        Train(progress);
        progress.Complete();
        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(new[] { "Adam epoch  1/12", "Adam epoch  5/12", "Adam epoch 10/12", "Adam epoch 12/12" }, lines.Select(l => l.Trim()[..16]));
        Assert.All(lines, l => Assert.Matches(@"loss [0-9.E+-]+  lr 0\.05  [0-9.]+ s$", l));
        Assert.DoesNotContain('\r', output.ToString());
        Assert.False(progress.Interactive);
    }

    [Fact]
    public void ATerminalGetsOneRedrawnBarWithEpochLossRateAndEta()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress("Adam", total: 12, output: output, interactive: true);
        Train(progress, epochs: 6);
        progress.Complete();
        string text = output.ToString();
        Assert.StartsWith("\rAdam [", text);
        Assert.EndsWith(Environment.NewLine, text);
        // The last drawn state: half the bar, epoch 6 of 12, the loss, the rate and the time left.
        string last = text.Split('\r')[^1];
        Assert.Matches(@"^Adam \[#{10}-{10}\] epoch  6/12  loss [0-9.E+-]+  lr 0\.05  ETA \d:\d\d:\d\d", last);
        Assert.Single(text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void LbfgsIterationsAreShownAsIterations()
    {
        var output = new StringWriter();
        var progress = new ConsoleProgress("L-BFGS", total: 100, every: 1, output: output, interactive: false);
        (double[] x, double[] y) = TrainingData.Regression(64, 42);
        using var objective = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction());
        MinimizationResult<double> result = new Lbfgs<double>(new LbfgsOptions { Progress = progress }).Minimize(objective, new double[3]);
        progress.Complete();
        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(result.Iterations, lines.Length);
        Assert.All(lines, l => Assert.Contains("L-BFGS iteration", l));
    }
}
