using LossGen.Training;

namespace LossGen.Tests.Training;

public static partial class TrainerLosses
{
    [Loss("(a * x + b - y)^2")]
    public static partial double Line(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db);
}

/// <summary>The full-batch trainer: convergence to known optima, divergence, cancellation, progress and schedules.</summary>
public class TrainerTests
{
    /// <summary>f(θ) = Σ w_i (θ_i − c_i)², minimized at θ = c.</summary>
    private readonly struct Quadratic(double[] w, double[] c) : IObjective<double>
    {
        public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            double value = 0;
            for (int i = 0; i < parameters.Length; i++)
            {
                double d = parameters[i] - c[i];
                value += w[i] * d * d;
                gradient[i] = 2 * w[i] * d;
            }
            return value;
        }
    }

    /// <summary>A line fitted by a generated loss with scalar gradients.</summary>
    private readonly struct LineFit(double[] x, double[] y) : IObjective<double>
    {
        public double Evaluate(ReadOnlySpan<double> parameters, Span<double> gradient)
        {
            double value = TrainerLosses.Line(x, y, parameters[0], parameters[1], out double da, out double db);
            gradient[0] = da;
            gradient[1] = db;
            return value;
        }
    }

    [Fact]
    public void SgdReachesTheOptimumOfAQuadratic()
    {
        double[] theta = { 0, 0, 0 };
        var result = Trainer.Minimize(new Quadratic(new[] { 1.0, 2.0, 3.0 }, new[] { 1.0, -2.0, 0.5 }), theta.AsSpan(), new Sgd<double>(0.1),
            new TrainerOptions { MaxEpochs = 500, GradientTolerance = 1e-10 });
        Assert.Equal(TrainingStatus.GradientConverged, result.Status);
        Assert.Equal(1.0, theta[0], 10);
        Assert.Equal(-2.0, theta[1], 10);
        Assert.Equal(0.5, theta[2], 10);
    }

    [Fact]
    public void GeneratedScalarGradientsFitALine()
    {
        double[] x = Enumerable.Range(0, 50).Select(i => i / 25.0 - 1).ToArray();
        double[] y = x.Select(v => 3 * v - 0.5).ToArray();
        double[] theta = { 0, 0 };
        var result = Trainer.Minimize(new LineFit(x, y), theta.AsSpan(), new Adam<double>(0.1), new TrainerOptions { MaxEpochs = 5000, GradientTolerance = 1e-9 });
        Assert.Equal(TrainingStatus.GradientConverged, result.Status);
        Assert.Equal(3.0, theta[0], 6);
        Assert.Equal(-0.5, theta[1], 6);
    }

    [Fact]
    public void DivergenceStopsAndRestoresTheLastFiniteParameters()
    {
        double[] theta = { 1, 1 };
        var result = Trainer.Minimize(new Quadratic(new[] { 3.0, 3.0 }, new[] { 0.0, 0.0 }), theta.AsSpan(), new Sgd<double>(10),
            new TrainerOptions { MaxEpochs = 10_000 });
        Assert.Equal(TrainingStatus.Diverged, result.Status);
        Assert.True(result.Epochs < 10_000);
        Assert.All(theta, v => Assert.True(double.IsFinite(v)));
        Assert.True(double.IsFinite(result.Loss));
    }

    [Fact]
    public void CancellationIsHonouredBetweenEpochs()
    {
        using var cancellation = new CancellationTokenSource();
        var progress = new ReportRecorder(report =>
        {
            if (report.Epoch == 3)
            {
                cancellation.Cancel();
            }
        });
        double[] theta = { 5 };
        var result = Trainer.Minimize(new Quadratic(new[] { 1.0 }, new[] { 0.0 }), theta.AsSpan(), new Sgd<double>(0.01),
            new TrainerOptions { MaxEpochs = 100, Progress = progress }, cancellation.Token);
        Assert.Equal(TrainingStatus.Cancelled, result.Status);
        Assert.Equal(3, result.Epochs);
        Assert.Equal(3, progress.Reports.Count);
        Assert.Equal(new[] { 1, 2, 3 }, progress.Reports.Select(r => r.Epoch));
    }

    [Fact]
    public void ScheduleSetsTheLearningRateOfEveryEpoch()
    {
        double[] theta = { 5 };
        var result = Trainer.Minimize(new Quadratic(new[] { 1.0 }, new[] { 0.0 }), theta.AsSpan(), new Sgd<double>(0.1),
            new TrainerOptions { MaxEpochs = 5, Schedule = new ExponentialSchedule(0.1, 0.5) });
        Assert.Equal(TrainingStatus.MaxEpochs, result.Status);
        Assert.Equal(new[] { 0.1, 0.05, 0.025, 0.0125, 0.00625 }, result.History.Select(r => r.LearningRate));
        // θ ← θ (1 − 2 γ_t): the exact product of the five factors.
        Assert.Equal(5 * 0.8 * 0.9 * 0.95 * 0.975 * 0.9875, theta[0], 12);
    }

    [Fact]
    public void LossToleranceStopsWhenTheLossSettles()
    {
        double[] theta = { 5 };
        var result = Trainer.Minimize(new Quadratic(new[] { 1.0 }, new[] { 2.0 }), theta.AsSpan(), new Sgd<double>(0.25),
            new TrainerOptions { MaxEpochs = 1000, LossTolerance = 1e-12 });
        Assert.Equal(TrainingStatus.LossConverged, result.Status);
        Assert.Equal(2.0, theta[0], 5);
    }
}
