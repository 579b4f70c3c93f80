using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>
/// Bad arguments to <see cref="SoftmaxRegressionObjective{T, TLoss}"/> are exceptions that name the parameter (and the
/// offending row), and nothing is written before validation passes.
/// </summary>
public class SoftmaxRegressionValidationTests
{
    private static readonly ReferenceCrossEntropy Loss = new(Reduction.Mean);

    private static string? Name(Action action) => Assert.ThrowsAny<ArgumentException>(action).ParamName;

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void ALabelOutsideTheClassesIsReportedWithItsRow(int bad)
    {
        (double[] x, int[] labels) = SoftmaxData.Random(10, 2, 3, 1);
        labels[7] = bad;
        var e = Assert.Throws<ArgumentException>(() => SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss));
        Assert.Equal("labels", e.ParamName);
        Assert.Contains("row 7", e.Message);
        Assert.Contains($"is {bad}", e.Message);
    }

    [Fact]
    public void ShapesCountsAndOptionsAreCheckedAtConstruction()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(10, 2, 3, 2);
        Assert.Equal("classCount", Name(() => SoftmaxRegressionObjective.Create(x, 2, labels.Select(_ => 0).ToArray(), 1, Loss)));
        Assert.Equal("classCount", Name(() => SoftmaxRegressionObjective.Create(x, 2, labels, int.MaxValue / 2, Loss)));
        Assert.Equal("columns", Name(() => SoftmaxRegressionObjective.Create(x, 0, labels, 3, Loss)));
        Assert.Equal("features", Name(() => SoftmaxRegressionObjective.Create(x[..19], 2, labels, 3, Loss)));
        Assert.Equal("features", Name(() => SoftmaxRegressionObjective.Create(x, 4, labels, 3, Loss)));
        Assert.Equal("features", Name(() => SoftmaxRegressionObjective.Create(new double[9, 2], labels, 3, Loss)));
        Assert.Equal("labels", Name(() => SoftmaxRegressionObjective.Create(Array.Empty<double>(), 2, Array.Empty<int>(), 3, Loss)));
        Assert.Equal("loss", Name(() => SoftmaxRegressionObjective.Create(x, 2, labels, 3, new UnreducedLoss())));
        Assert.Equal("options", Name(() => SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss, new SoftmaxRegressionOptions { L2 = -1 })));
        Assert.Equal("options", Name(() => SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss, new SoftmaxRegressionOptions { L2 = double.NaN })));
        Assert.Equal("options", Name(() => SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss, new SoftmaxRegressionOptions { Threads = -1 })));
        Assert.Equal("options", Name(() => SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss, new SoftmaxRegressionOptions { ChunkRows = 0 })));
        x[13] = double.PositiveInfinity;
        var e = Assert.Throws<ArgumentException>(() => SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss));
        Assert.Equal("features", e.ParamName);
        Assert.Contains("row 6, column 1", e.Message);
    }

    [Fact]
    public void EvaluateChecksItsSpansBeforeWriting()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(10, 2, 3, 3);
        using var objective = SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss);
        var gradient = Enumerable.Repeat(7.0, 9).ToArray();
        Assert.Equal("parameters", Name(() => objective.Evaluate(new double[8], gradient)));
        Assert.Equal("gradient", Name(() => objective.Evaluate(new double[9], new double[10])));
        Assert.Equal("rows", Name(() => objective.Evaluate(new double[9], new[] { 0, 10 }, gradient)));
        Assert.Equal("rows", Name(() => objective.Evaluate(new double[9], new[] { -1 }, gradient)));
        Assert.All(gradient, v => Assert.Equal(7.0, v));
        // The objective still works after the refusals.
        Assert.Equal(Math.Log(3), objective.Evaluate(new double[9], gradient), 15);
    }

    [Fact]
    public void PredictionHelpersCheckTheirSpansBeforeWriting()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(10, 2, 3, 4);
        using var objective = SoftmaxRegressionObjective.Create(x, 2, labels, 3, Loss);
        var classes = Enumerable.Repeat(-1, 4).ToArray();
        var probabilities = Enumerable.Repeat(7.0, 12).ToArray();
        Assert.Equal("parameters", Name(() => objective.Predict(new double[10], x[..8], classes)));
        Assert.Equal("features", Name(() => objective.Predict(new double[9], x[..7], classes)));
        Assert.Equal("features", Name(() => objective.Predict(new double[9], x[..10], classes)));
        Assert.Equal("parameters", Name(() => objective.PredictProbabilities(new double[8], x[..8], probabilities)));
        Assert.Equal("features", Name(() => objective.PredictProbabilities(new double[9], x[..7], probabilities)));
        Assert.Equal("probabilities", Name(() => objective.PredictProbabilities(new double[9], x[..10], probabilities)));
        Assert.All(classes, c => Assert.Equal(-1, c));
        Assert.All(probabilities, p => Assert.Equal(7.0, p));
    }
}
