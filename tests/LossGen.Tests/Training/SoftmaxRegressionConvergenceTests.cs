using System.Text.Json;
using LossGen.Training;
using Xunit.Abstractions;

namespace LossGen.Tests.Training;

/// <summary>
/// Softmax regression on the iris data reaches the optimum of the L2-regularized objective that an independent
/// system computed: tests/reference/softmax_iris.json, written by make_softmax_reference.py (numpy's objective,
/// scipy's L-BFGS-B, polished by Newton steps, float64). Biases are compared after centering (their common
/// shift is invisible to the objective; see SoftmaxRegressionObjective's remarks).
/// </summary>
public class SoftmaxRegressionConvergenceTests(ITestOutputHelper output)
{
    private const int K = 3;

    private sealed record Reference(string Reduction, double L2, double Loss, double[] Parameters);

    private static Reference Case(string reduction)
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "softmax_iris.json")));
        JsonElement c = json.RootElement.GetProperty("cases").EnumerateArray().Single(e => e.GetProperty("reduction").GetString() == reduction);
        return new Reference(reduction, c.GetProperty("l2").GetDouble(), c.GetProperty("loss").GetDouble(),
            c.GetProperty("parameters").EnumerateArray().Select(v => v.GetDouble()).ToArray());
    }

    [Fact]
    public void TheClassificationDataAreTheCommittedFiles()
    {
        Assert.Equal("f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449", RealData.Sha256("iris.csv"));
        Assert.Equal("6ebb3d2fee246a4e99363262ddf8a00a3c41bee6014c373ed9d9216ba7f651b8", RealData.Sha256("digits.csv"));
    }

    [Theory]
    [InlineData("mean")]
    [InlineData("sum")]
    public void LbfgsReachesTheScipyOptimumOnIris(string reduction)
    {
        Reference reference = Case(reduction);
        (double[] x, int[] labels, int d) = RealData.Iris();
        var loss = new ReferenceCrossEntropy(reduction == "mean" ? Reduction.Mean : Reduction.Sum);
        using var objective = SoftmaxRegressionObjective.Create(x, d, labels, K, loss, new SoftmaxRegressionOptions { L2 = reference.L2, ChunkRows = 64 });
        double[] theta = new double[objective.ParameterCount];
        MinimizationResult<double> result = new Lbfgs<double>(new LbfgsOptions { GradientTolerance = 1e-10, ChangeTolerance = 0 }).Minimize(objective, theta);
        double lossError = Math.Abs(result.Loss - reference.Loss) / reference.Loss;
        double parameterError = Dense.RelativeError(SoftmaxData.CenterBiases(theta, K), SoftmaxData.CenterBiases(reference.Parameters, K));
        double largest = MaxAbsGradient(objective, theta);
        output.WriteLine($"{reduction}, λ = {reference.L2}: {result.Status} after {result.Iterations} iterations, largest gradient component {largest:E1}; loss {result.Loss:R} (scipy {reference.Loss:R}, relative error {lossError:E1}); parameters relative error {parameterError:E1}; bias sum {theta[^K..].Sum():E1}");
        // It stops on the gradient tolerance or where rounding leaves no descent (ChangeConverged); the figures decide.
        Assert.Contains(result.Status, new[] { MinimizationStatus.GradientConverged, MinimizationStatus.ChangeConverged });
        Assert.True(lossError < 1e-13, $"loss relative error {lossError}");
        Assert.True(parameterError < 1e-8, $"parameter relative error {parameterError}");
    }

    private static double MaxAbsGradient(IObjective<double> objective, double[] theta)
    {
        var g = new double[theta.Length];
        objective.Evaluate(theta, g);
        return g.Max(Math.Abs);
    }

    [Fact]
    public void FloatLbfgsGetsCloseToTheOptimum()
    {
        Reference reference = Case("mean");
        (double[] x, int[] labels, int d) = RealData.Iris();
        using var objective = SoftmaxRegressionObjective.Create(x.Select(v => (float)v).ToArray(), d, labels, K, new ReferenceCrossEntropy(Reduction.Mean),
            new SoftmaxRegressionOptions { L2 = reference.L2 });
        float[] theta = new float[objective.ParameterCount];
        MinimizationResult<float> result = new Lbfgs<float>(new LbfgsOptions { MaxIterations = 500 }).Minimize(objective, theta);
        double lossError = Math.Abs(result.Loss - reference.Loss) / reference.Loss;
        double parameterError = Dense.RelativeError(SoftmaxData.CenterBiases(theta.Select(v => (double)v).ToArray(), K), SoftmaxData.CenterBiases(reference.Parameters, K));
        output.WriteLine($"float: {result.Status} after {result.Iterations} iterations; loss relative error {lossError:E1}; parameters relative error {parameterError:E1}");
        Assert.True(lossError < 1e-6, $"loss relative error {lossError}");
        Assert.True(parameterError < 1e-3, $"parameter relative error {parameterError}");
    }

    [Fact]
    public void MiniBatchAdamThroughTrainerCreateApproachesTheOptimum()
    {
        Reference reference = Case("mean");
        (double[] x, int[] labels, int d) = RealData.Iris();
        using var objective = SoftmaxRegressionObjective.Create(x, d, labels, K, new ReferenceCrossEntropy(Reduction.Mean),
            new SoftmaxRegressionOptions { L2 = reference.L2, ChunkRows = 8 });
        var theta = new double[objective.ParameterCount];
        var trainer = Trainer.Create(objective, new Adam<double>(0.05), theta, new TrainerOptions
        {
            MaxEpochs = 300,
            BatchSize = 16,
            Seed = 3,
            Schedule = new CosineAnnealingSchedule(0.05, tMax: 300, minRate: 1e-4),
        });
        TrainingResult<double> result = trainer.Fit();
        double gap = (result.Loss - reference.Loss) / reference.Loss;
        var predicted = new int[labels.Length];
        objective.Predict(theta, x, predicted);
        double accuracy = predicted.Zip(labels).Count(p => p.First == p.Second) / (double)labels.Length;
        output.WriteLine($"Adam: {result.Status} after {result.Epochs} epochs; loss {result.Loss:R} ({gap:E1} above scipy's optimum); training accuracy {accuracy:P1}");
        Assert.Equal(TrainingStatus.MaxEpochs, result.Status);
        Assert.InRange(gap, -1e-12, 1e-3);
        Assert.True(accuracy >= 0.95, $"training accuracy {accuracy}");
    }
}
