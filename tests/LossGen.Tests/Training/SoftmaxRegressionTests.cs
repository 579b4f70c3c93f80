using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>
/// <see cref="SoftmaxRegressionObjective{T, TLoss}"/> with the tests' hand-written cross-entropy: gradients against
/// central finite differences, mini-batches, reductions, determinism across threads, and the prediction helpers
/// against closed forms.
/// </summary>
public class SoftmaxRegressionTests
{
    private const int N = 53, D = 4, K = 5;

    [Fact]
    public void TheReferenceLossIsLogSumExpMinusTheTargetLogit()
    {
        // Closed forms: equal logits give log K and softmax 1/K; a gap of 1000 is computed without overflow.
        var g = new double[6];
        double sum = new ReferenceCrossEntropy(Reduction.Sum).Evaluate(new double[] { 0, 0, 0, 1000, 0, -1000 }, new[] { 1, 0 }, 3, g);
        Assert.Equal(Math.Log(3), sum, 15);
        Assert.All(g[..3].Zip(new[] { 1.0 / 3, -2.0 / 3, 1.0 / 3 }), p => Assert.Equal(p.Second, p.First, 15));
        Assert.Equal(new[] { 0.0, 0, 0 }, g[3..]);
        double mean = new ReferenceCrossEntropy(Reduction.Mean).Evaluate(new double[] { 0, 0, 0, 1000, 0, -1000 }, new[] { 1, 1 }, 3, g);
        Assert.Equal((Math.Log(3) + 1000) / 2, mean, 12);
        Assert.Equal(new[] { 0.5, -0.5, 0 }, g[3..]);
    }

    [Theory]
    [InlineData(Reduction.Mean, 1, 1024, 0.0)]
    [InlineData(Reduction.Mean, 2, 7, 0.3)]
    [InlineData(Reduction.Sum, 2, 10, 0.3)]
    public void GradientMatchesFiniteDifferences(Reduction reduction, int threads, int chunkRows, double l2)
    {
        (double[] x, int[] labels) = SoftmaxData.Random(N, D, K, 1);
        using var objective = SoftmaxRegressionObjective.Create(x, D, labels, K, new ReferenceCrossEntropy(reduction),
            new SoftmaxRegressionOptions { L2 = l2, Threads = threads, ChunkRows = chunkRows });
        Assert.Equal(K * (D + 1), objective.ParameterCount);
        double[] theta = SoftmaxData.Parameters(objective.ParameterCount, 2);
        var gradient = new double[theta.Length];
        objective.Evaluate(theta, gradient);
        double[] expected = SoftmaxData.FiniteDifferences(t => objective.Evaluate(t, new double[theta.Length]), theta);
        double scale = reduction == Reduction.Sum ? N : 1;
        for (int i = 0; i < theta.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - gradient[i]) <= 1e-8 * scale, $"parameter {i}: analytic {gradient[i]}, numeric {expected[i]}");
        }
    }

    [Fact]
    public void MiniBatchGradientMatchesFiniteDifferences()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(N, D, K, 3);
        using var objective = SoftmaxRegressionObjective.Create(x, D, labels, K, new ReferenceCrossEntropy(Reduction.Mean),
            new SoftmaxRegressionOptions { L2 = 0.1, ChunkRows = 3 });
        int[] rows = { 52, 4, 4, 17, 0, 33, 8, 40 };
        double[] theta = SoftmaxData.Parameters(objective.ParameterCount, 4);
        var gradient = new double[theta.Length];
        objective.Evaluate(theta, rows, gradient);
        double[] expected = SoftmaxData.FiniteDifferences(t => objective.Evaluate(t, rows, new double[theta.Length]), theta);
        for (int i = 0; i < theta.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - gradient[i]) <= 1e-8, $"parameter {i}: analytic {gradient[i]}, numeric {expected[i]}");
        }
    }

    [Fact]
    public void AMiniBatchIsTheObjectiveOfItsRows()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(N, D, K, 5);
        var loss = new ReferenceCrossEntropy(Reduction.Mean);
        using var objective = SoftmaxRegressionObjective.Create(x, D, labels, K, loss, new SoftmaxRegressionOptions { L2 = 0.2, ChunkRows = 4 });
        int[] rows = { 40, 3, 17, 17, 8, 29, 0 };
        using var subset = SoftmaxRegressionObjective.Create(
            rows.SelectMany(r => x.Skip(D * r).Take(D)).ToArray(), D, rows.Select(r => labels[r]).ToArray(), K, loss, new SoftmaxRegressionOptions { L2 = 0.2 });
        double[] theta = SoftmaxData.Parameters(objective.ParameterCount, 6);
        double[] g1 = new double[theta.Length], g2 = new double[theta.Length];
        double v1 = objective.Evaluate(theta, rows, g1);
        double v2 = subset.Evaluate(theta, g2);
        Assert.Equal(v2, v1, 13);
        for (int i = 0; i < theta.Length; i++)
        {
            Assert.Equal(g2[i], g1[i], 13);
        }
    }

    [Fact]
    public void TheMeanOverChunksIsTheMeanOverTheBatch()
    {
        // Chunks of 7 rows over 53 (the last holds 4): the chunk means are weighted into the batch mean.
        (double[] x, int[] labels) = SoftmaxData.Random(N, D, K, 7);
        using var mean = SoftmaxRegressionObjective.Create(x, D, labels, K, new ReferenceCrossEntropy(Reduction.Mean), new SoftmaxRegressionOptions { ChunkRows = 7 });
        using var sum = SoftmaxRegressionObjective.Create(x, D, labels, K, new ReferenceCrossEntropy(Reduction.Sum), new SoftmaxRegressionOptions { ChunkRows = 7 });
        double[] theta = SoftmaxData.Parameters(mean.ParameterCount, 8);
        double[] gMean = new double[theta.Length], gSum = new double[theta.Length];
        double vMean = mean.Evaluate(theta, gMean), vSum = sum.Evaluate(theta, gSum);
        Assert.Equal(vSum, N * vMean, 11);
        for (int i = 0; i < theta.Length; i++)
        {
            Assert.Equal(gSum[i], N * gMean[i], 11);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(8)]
    [InlineData(50)]
    [InlineData(1024)]
    public void AnyThreadCountGivesTheSameBits(int chunkRows)
    {
        (double[] x, int[] labels) = SoftmaxData.Random(301, 7, 4, 9);
        double[] theta = SoftmaxData.Parameters(4 * 8, 10);
        int[] rows = Enumerable.Range(0, 150).Select(i => (i * 37) % 301).ToArray();
        var results = new List<(long[] All, long[] Batch)>();
        foreach (int threads in new[] { 1, 2, 3 })
        {
            using var objective = SoftmaxRegressionObjective.Create(x, 7, labels, 4, new ReferenceCrossEntropy(Reduction.Mean),
                new SoftmaxRegressionOptions { L2 = 0.05, Threads = threads, ChunkRows = chunkRows });
            var g = new double[theta.Length];
            double all = objective.Evaluate(theta, g);
            long[] allBits = g.Append(all).Select(BitConverter.DoubleToInt64Bits).ToArray();
            double batch = objective.Evaluate(theta, rows, g);
            results.Add((allBits, g.Append(batch).Select(BitConverter.DoubleToInt64Bits).ToArray()));
        }
        Assert.All(results, r => Assert.Equal(results[0].All, r.All));
        Assert.All(results, r => Assert.Equal(results[0].Batch, r.Batch));
    }

    [Fact]
    public void ChunkSizesChangeOnlyTheRounding()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(301, 7, 4, 11);
        double[] theta = SoftmaxData.Parameters(4 * 8, 12);
        double[] reference = Array.Empty<double>();
        foreach (int chunkRows in new[] { 301, 1, 10, 100 })
        {
            using var objective = SoftmaxRegressionObjective.Create(x, 7, labels, 4, new ReferenceCrossEntropy(Reduction.Mean), new SoftmaxRegressionOptions { ChunkRows = chunkRows });
            var g = new double[theta.Length];
            double[] result = g.Prepend(objective.Evaluate(theta, g)).ToArray();
            if (reference.Length == 0)
            {
                reference = result;
            }
            Assert.True(Dense.RelativeError(result, reference) < 1e-14, $"ChunkRows {chunkRows}: {Dense.RelativeError(result, reference)}");
        }
    }

    [Fact]
    public void ATwoDimensionalMatrixIsTheSameModelAsItsRowMajorArray()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(20, 3, 3, 13);
        var matrix = new double[20, 3];
        for (int i = 0; i < 20; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                matrix[i, j] = x[i * 3 + j];
            }
        }
        var loss = new ReferenceCrossEntropy(Reduction.Mean);
        using var flat = SoftmaxRegressionObjective.Create(x, 3, labels, 3, loss);
        using var twoD = SoftmaxRegressionObjective.Create(matrix, labels, 3, loss);
        double[] theta = SoftmaxData.Parameters(12, 14);
        double[] g1 = new double[12], g2 = new double[12];
        Assert.Equal(flat.Evaluate(theta, g1), twoD.Evaluate(theta, g2));
        Assert.Equal(g1, g2);
    }

    [Fact]
    public void ProbabilitiesAndClassesMatchClosedForms()
    {
        // d = 2, K = 3. Weights (1, 0), (0, 1), (−1, −1); biases 0, ln 2, ln 3.
        double[] theta = { 1, 0, 0, 1, -1, -1, 0, Math.Log(2), Math.Log(3) };
        using var objective = SoftmaxRegressionObjective.Create(new double[2], 2, new[] { 0 }, 3, new ReferenceCrossEntropy(Reduction.Mean));
        // Row 0: x = 0, logits (0, ln 2, ln 3), probabilities (1, 2, 3) / 6. Row 1: x = (1, 2), logits (1, 2 + ln 2, −3 + ln 3).
        // Row 2: x = (1000, −1000), logits (1000, −1000 + ln 2, ln 3): probability 1 for class 0, no overflow.
        double[] features = { 0, 0, 1, 2, 1000, -1000 };
        var p = new double[9];
        objective.PredictProbabilities(theta, features, p);
        double e0 = Math.Exp(1), e1 = 2 * Math.Exp(2), e2 = 3 * Math.Exp(-3);
        double[] expected = { 1.0 / 6, 2.0 / 6, 3.0 / 6, e0 / (e0 + e1 + e2), e1 / (e0 + e1 + e2), e2 / (e0 + e1 + e2), 1, 0, 0 };
        for (int i = 0; i < 9; i++)
        {
            Assert.Equal(expected[i], p[i], 15);
        }
        var classes = new int[3];
        objective.Predict(theta, features, classes);
        Assert.Equal(new[] { 2, 1, 0 }, classes);
        // Ties go to the lowest class index.
        objective.Predict(new double[9], features, classes);
        Assert.Equal(new[] { 0, 0, 0 }, classes);

        using var single = SoftmaxRegressionObjective.Create(new float[2], 2, new[] { 0 }, 3, new ReferenceCrossEntropy(Reduction.Mean));
        var pf = new float[3];
        single.PredictProbabilities(theta.Select(v => (float)v).ToArray(), new float[] { 0, 0 }, pf);
        Assert.All(pf.Zip(new[] { 1f / 6, 2f / 6, 3f / 6 }), p => Assert.Equal(p.Second, p.First, 6));
    }

    [Fact]
    public void EvaluationsAllocateNothingAfterTheFirst()
    {
        (double[] x, int[] labels) = SoftmaxData.Random(200, 6, 4, 15);
        using var objective = SoftmaxRegressionObjective.Create(x, 6, labels, 4, new ReferenceCrossEntropy(Reduction.Mean),
            new SoftmaxRegressionOptions { L2 = 0.1, Threads = 1, ChunkRows = 32 });
        double[] theta = SoftmaxData.Parameters(objective.ParameterCount, 16), g = new double[theta.Length];
        int[] rows = { 5, 6, 7, 199, 0 };
        objective.Evaluate(theta, g);
        objective.Evaluate(theta, rows, g);
        // A one-off runtime allocation (JIT, tiering) can show in one window; one in the evaluation would show in all.
        var windows = new long[3];
        for (int w = 0; w < windows.Length; w++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
            {
                objective.Evaluate(theta, g);
                objective.Evaluate(theta, rows, g);
            }
            windows[w] = GC.GetAllocatedBytesForCurrentThread() - before;
        }
        Assert.True(windows.Contains(0), "bytes allocated per window: " + string.Join(", ", windows));
    }
}
