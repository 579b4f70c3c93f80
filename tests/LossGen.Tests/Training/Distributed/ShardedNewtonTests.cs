using System.Numerics;
using LossGen.Training;

namespace LossGen.Tests.Training.Distributed;

/// <summary>
/// Newton's method over the merge of shards: each shard's share carries its curvature (the packed upper triangle of
/// Xᵀ·diag(h)·X), the ShardedObjective adds the shares in shard order, and the result is bit for bit that of one
/// LinearObjective over all rows with the same ShardRows — every evaluation (value, gradient, Hessian) and whole Newton
/// runs, in float and double; the merged Hessian also against a plain double loop written here.
/// </summary>
public class ShardedNewtonTests
{
    private static (double[] X, double[] Y) Poisson(int n, int d, int seed)
    {
        var random = new Random(seed);
        var x = new double[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0.2;
            for (int j = 0; j < d; j++)
            {
                x[i * d + j] = random.NextDouble() * 2 - 1;
                z += 0.4 * x[i * d + j] * (j % 3 - 1);
            }
            y[i] = Math.Round(Math.Exp(z) * 2 * random.NextDouble());
        }
        return (x, y);
    }

    private static ShardedObjective<T> Distribute<T, TLoss>(T[] x, T[] y, int d, int[] shardRows, TLoss loss, int chunkRows, double l2, List<LinearObjective<T, TLoss>> shards)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, ISecondOrderPredictionLoss<T>
    {
        int start = 0;
        foreach (int rows in shardRows)
        {
            shards.Add(new LinearObjective<T, TLoss>(x.AsMemory(start * d, rows * d), d, y.AsMemory(start, rows), loss, new LinearObjectiveOptions { ChunkRows = chunkRows }));
            start += rows;
        }
        long total = y.Length;
        // Answers in reverse order: the merge must not depend on arrival order.
        return new ShardedObjective<T>(shardRows.Select(r => (long)r).ToArray(), d + 1,
            (evaluation, parameters) => shards.Select((s, i) => s.EvaluatePartial(parameters, total, i, evaluation)).Reverse().ToArray(),
            l2, penalized: d,
            evaluateShardsWithCurvature: (evaluation, parameters) => shards.Select((s, i) => s.EvaluatePartialSecondOrder(parameters, total, i, evaluation)).Reverse().ToArray());
    }

    private static void Run<T, TLoss>(TLoss loss, int[] shardRows, int chunkRows)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TLoss : struct, ISecondOrderPredictionLoss<T>
    {
        const int d = 6;
        (double[] xd, double[] yd) = Poisson(shardRows.Sum(), d, 3);
        T[] x = xd.Select(T.CreateChecked).ToArray(), y = yd.Select(T.CreateChecked).ToArray();
        using var local = new LinearObjective<T, TLoss>(x, d, y, loss, new LinearObjectiveOptions { L2 = 0.05, ChunkRows = chunkRows, ShardRows = shardRows });
        var shards = new List<LinearObjective<T, TLoss>>();
        ShardedObjective<T> merged = Distribute(x, y, d, shardRows, loss, chunkRows, 0.05, shards);
        try
        {
            // One evaluation at a point: value, gradient and Hessian.
            T[] theta = Enumerable.Range(0, d + 1).Select(j => T.CreateChecked(0.1 * (j - 3))).ToArray();
            var gLocal = new T[d + 1];
            var gMerged = new T[d + 1];
            var hLocal = new double[(d + 1) * (d + 1)];
            var hMerged = new double[(d + 1) * (d + 1)];
            T vLocal = local.EvaluateSecondOrder(local.Loss, theta, gLocal, hLocal);
            T vMerged = merged.Evaluate(theta, gMerged, hMerged);
            Assert.Equal(vLocal, vMerged);
            Assert.Equal(gLocal, gMerged);
            Assert.Equal(hLocal, hMerged);

            // Whole Newton runs from zero.
            var thetaLocal = new T[d + 1];
            var thetaMerged = new T[d + 1];
            // The float case sums over 2,642 rows: its gradient is n times a mean's, and rounding ends near 1e-3.
            var options = new NewtonOptions { GradientTolerance = typeof(T) == typeof(float) ? 1e-2 : 1e-12 };
            MinimizationResult<T> a = new Newton<T>(options).Minimize(local, thetaLocal);
            MinimizationResult<T> b = new Newton<T>(options).Minimize(merged, thetaMerged);
            // Double sums end within about 1e-12 of the optimum's zero gradient: with another Vector<T> width (512 bits)
            // rounding can leave the gradient just above the tolerance, and the run ends on a vanishing change instead.
            Assert.Contains(a.Status, new[] { MinimizationStatus.GradientConverged, MinimizationStatus.ChangeConverged });
            Assert.Equal(a.Status, b.Status);
            Assert.Equal(a.Iterations, b.Iterations);
            Assert.Equal(a.Evaluations, b.Evaluations);
            Assert.Equal(a.Loss, b.Loss);
            Assert.Equal(a.History.Select(r => r.Loss), b.History.Select(r => r.Loss));
            Assert.Equal(thetaLocal, thetaMerged);
        }
        finally
        {
            shards.ForEach(s => s.Dispose());
        }
    }

    [Theory]
    [InlineData(new[] { 1000 }, 256)]
    [InlineData(new[] { 300, 700, 1, 1024 }, 256)]
    [InlineData(new[] { 5, 7, 11 }, 4)]
    public void NewtonOverTheMergeEndsOnTheSameBitsInDouble(int[] shardRows, int chunkRows) =>
        Run<double, Losses.PoissonNllLossFunction>(new Losses.PoissonNllLossFunction(), shardRows, chunkRows);

    [Theory]
    [InlineData(new[] { 2000, 513, 129 }, 128)]
    public void NewtonOverTheMergeEndsOnTheSameBitsInFloat(int[] shardRows, int chunkRows) =>
        Run<float, Losses.PoissonNllLossSumFunction>(new Losses.PoissonNllLossSumFunction(), shardRows, chunkRows);

    [Fact]
    public void TheMergedHessianIsTheWeightedGramMatrix()
    {
        const int d = 4;
        int[] shardRows = [50, 30, 20];
        (double[] x, double[] y) = Poisson(100, d, 8);
        var shards = new List<LinearObjective<double, Losses.PoissonNllLossFunction>>();
        ShardedObjective<double> merged = Distribute(x, y, d, shardRows, new Losses.PoissonNllLossFunction(), 16, 0.5, shards);
        double[] theta = [0.1, -0.2, 0.3, 0.05, 0.4];
        var hessian = new double[25];
        merged.Evaluate(theta, new double[5], hessian);
        // Poisson NLL on log-rate z: h = exp(z) / n; plus λ on the weights' diagonal.
        for (int j = 0; j < 5; j++)
        {
            for (int k = 0; k < 5; k++)
            {
                double expected = j == k && j < d ? 0.5 : 0;
                for (int i = 0; i < 100; i++)
                {
                    double z = theta[d] + Enumerable.Range(0, d).Sum(c => x[i * d + c] * theta[c]);
                    expected += Math.Exp(z) / 100 * (j < d ? x[i * d + j] : 1) * (k < d ? x[i * d + k] : 1);
                }
                Assert.Equal(expected, hessian[j * 5 + k], 1e-12);
            }
        }
        shards.ForEach(s => s.Dispose());
    }

    [Fact]
    public void WithoutTheSecondOrderDelegateNewtonIsRefused()
    {
        var merged = new ShardedObjective<double>([10L], 3, (e, p) => []);
        var error = Assert.Throws<InvalidOperationException>(() => merged.Evaluate(new double[3], new double[3], new double[9]));
        Assert.Contains("evaluateShardsWithCurvature", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShareWithoutCurvatureIsRejectedNamingTheShard()
    {
        var merged = new ShardedObjective<double>([10L, 5L], 3, (e, p) => [],
            evaluateShardsWithCurvature: (e, p) => [new PartialEvaluation<double>(0, e, 10, 1, new double[3], new double[6]), new PartialEvaluation<double>(1, e, 5, 1, new double[3])]);
        var error = Assert.Throws<ShardAnswerException>(() => merged.Evaluate(new double[3], new double[3], new double[9]));
        Assert.Equal(1, error.Shard);
    }

    [Fact]
    public void AShardWithShardRowsOfItsOwnAndAWrongGradientAreRefusedBeforeAnyCall()
    {
        (double[] x, double[] y) = Poisson(20, 2, 1);
        using var split = new LinearObjective<double, Losses.PoissonNllLossFunction>(x, 2, y, new Losses.PoissonNllLossFunction(), new LinearObjectiveOptions { ShardRows = [10, 10] });
        Assert.Throws<InvalidOperationException>(() => split.EvaluatePartial(new double[3], 20, 0, 1));
        Assert.Throws<InvalidOperationException>(() => split.EvaluatePartialSecondOrder(new double[3], 20, 0, 1));
        int calls = 0;
        var merged = new ShardedObjective<double>([20L], 3, (e, p) => { calls++; return []; }, evaluateShardsWithCurvature: (e, p) => { calls++; return []; });
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => merged.Evaluate(new double[3], new double[2])).ParamName);
        Assert.Equal("gradient", Assert.Throws<ArgumentException>(() => merged.Evaluate(new double[3], new double[2], new double[9])).ParamName);
        Assert.Equal(0, calls);
        Assert.Equal(1, merged.NextEvaluation);
    }
}
