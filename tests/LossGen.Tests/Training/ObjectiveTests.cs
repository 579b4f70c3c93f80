using LossGen.Training;

namespace LossGen.Tests.Training;

public static partial class ObjectiveLosses
{
    [Loss("(a * exp(b * x) - y)^2")]
    public static partial double ExpFit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db);

    /// <summary>A fixed scalar whose name is already capitalized: its adapter property has the parameter's name.</summary>
    [Loss("Scale * (p - y)^2")]
    public static partial double ScaledMse(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double Scale, Span<double> dp);
}

/// <summary>
/// The objectives over generated adapter structs, checked against central finite differences in double and
/// against direct calls of the generated methods.
/// </summary>
public class ObjectiveTests
{
    private static double[] FiniteDifferences(Func<double[], double> f, double[] at)
    {
        var g = new double[at.Length];
        for (int i = 0; i < at.Length; i++)
        {
            double h = 1e-6 * Math.Max(1, Math.Abs(at[i]));
            double[] plus = (double[])at.Clone(), minus = (double[])at.Clone();
            plus[i] += h;
            minus[i] -= h;
            g[i] = (f(plus) - f(minus)) / (2 * h);
        }
        return g;
    }

    private static (double[] X, double[] Y) Data(int n, int d, ulong seed, bool binary = false)
    {
        var random = new SeededRandom(seed);
        var x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        var y = Enumerable.Range(0, n).Select(_ => binary ? (random.NextDouble() < 0.5 ? 0.0 : 1.0) : random.NextDouble() * 10 - 5).ToArray();
        return (x, y);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(2, 7)]
    public void LinearObjectiveGradientMatchesFiniteDifferences(int threads, int chunkRows)
    {
        (double[] x, double[] y) = Data(103, 4, 1, binary: true);
        using var objective = LinearObjective.Create(x, 4, y, new Losses.BceWithLogitsLossFunction(posWeight: 2),
            new LinearObjectiveOptions { L2 = 0.3, Threads = Math.Min(threads, Environment.ProcessorCount), ChunkRows = chunkRows });
        double[] theta = { 0.3, -0.2, 0.5, 0.1, -0.4 };
        var gradient = new double[5];
        objective.Evaluate(theta, gradient);
        double[] expected = FiniteDifferences(t => objective.Evaluate(t, new double[5]), theta);
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(expected[i], gradient[i], 8);
        }
    }

    [Fact]
    public void AMiniBatchIsTheObjectiveOfItsRows()
    {
        (double[] x, double[] y) = Data(50, 3, 2);
        using var objective = LinearObjective.Create(x, 3, y, new Losses.HuberLossFunction(delta: 1.5), new LinearObjectiveOptions { ChunkRows = 4 });
        int[] rows = { 40, 3, 17, 17, 8, 29, 0 };
        using var subset = LinearObjective.Create(
            rows.SelectMany(r => x.Skip(3 * r).Take(3)).ToArray(), 3, rows.Select(r => y[r]).ToArray(), new Losses.HuberLossFunction(delta: 1.5));
        double[] theta = { 1, -1, 0.5, 0.25 };
        double[] g1 = new double[4], g2 = new double[4];
        double v1 = objective.Evaluate(theta, rows, g1);
        double v2 = subset.Evaluate(theta, g2);
        Assert.Equal(v2, v1, 13);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(g2[i], g1[i], 13);
        }
    }

    [Fact]
    public void SumReductionGivesTheSumOverTheBatch()
    {
        (double[] x, double[] y) = Data(30, 2, 3);
        using var mean = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction(), new LinearObjectiveOptions { ChunkRows = 7 });
        using var sum = LinearObjective.Create(x, 2, y, new Losses.MseLossSumFunction(), new LinearObjectiveOptions { ChunkRows = 7 });
        double[] theta = { 0.5, 2, -1 };
        Assert.Equal(30 * mean.Evaluate(theta, new double[3]), sum.Evaluate(theta, new double[3]), 10);
    }

    [Fact]
    public void ACapitalizedFixedScalarReachesTheLoss()
    {
        // y = 2x + 1 at x = 0..3, θ = (1, 0): residuals −1, −2, −3, −4, mean square 7.5; Scale = 3 makes it 22.5.
        double[] x = { 0, 1, 2, 3 };
        double[] y = { 1, 3, 5, 7 };
        var loss = new ObjectiveLosses.ScaledMseFunction(Scale: 3.0);
        Assert.Equal(3.0, loss.Scale);
        using var objective = LinearObjective.Create(x, 1, y, loss);
        var gradient = new double[2];
        Assert.Equal(22.5, objective.Evaluate(new double[] { 1, 0 }, gradient), 12);
        // ∂/∂w = (1/n) Σ 2·3·r·x = 1.5·(−0 − 2 − 6 − 12) = −30; ∂/∂b = 1.5·(−1 − 2 − 3 − 4) = −15.
        Assert.Equal(-30, gradient[0], 12);
        Assert.Equal(-15, gradient[1], 12);
    }

    [Fact]
    public void BadArgumentsNameTheParameterAndWriteNothing()
    {
        (double[] x, double[] y) = Data(10, 2, 4);
        using var objective = LinearObjective.Create(x, 2, y, new Losses.MseLossFunction());
        var gradient = new double[] { 7, 7, 7 };
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => objective.Evaluate(new double[2], gradient)).ParamName);
        Assert.Equal("rows", Assert.Throws<ArgumentException>(() => objective.Evaluate(new double[3], new[] { 0, 10 }, gradient)).ParamName);
        Assert.Equal(new double[] { 7, 7, 7 }, gradient);
        Assert.Equal("features", Assert.Throws<ArgumentException>(() => LinearObjective.Create(new double[21], 2, y, new Losses.MseLossFunction())).ParamName);
    }

    [Fact]
    public void TheAdapterStructCallsTheGeneratedMethod()
    {
        float[] p = { 0.5f, -2f, 3f, 1f }, y = { 0f, 1f, 1f, 4f };
        float[] direct = new float[4], viaStruct = new float[4];
        float expected = Losses.HuberLoss(p, y, 1.25f, direct);
        IPredictionLoss<float> loss = new Losses.HuberLossFunction(1.25);
        Assert.Equal(expected, loss.Evaluate(p, y, viaStruct));
        Assert.Equal(direct, viaStruct);
        Assert.Equal(Reduction.Mean, loss.Reduction);
        Assert.Equal(Reduction.Sum, ((IPredictionLoss<double>)new Losses.HuberLossSumFunction(1)).Reduction);
    }

    [Fact]
    public void ParametricObjectiveMatchesTheGeneratedMethodOnAllRowsAndOnABatch()
    {
        double[] x = Enumerable.Range(0, 40).Select(i => i / 20.0).ToArray();
        double[] y = x.Select(v => 2 * Math.Exp(-0.7 * v) + 0.01 * Math.Sin(30 * v)).ToArray();
        var objective = new ParametricObjective<double, ObjectiveLosses.ExpFitFunction>(new ObjectiveLosses.ExpFitFunction(), x, y);
        Assert.Equal(2, objective.ParameterCount);
        double[] theta = { 1.5, -0.4 };
        var gradient = new double[2];
        double value = objective.Evaluate(theta, gradient);
        double expected = ObjectiveLosses.ExpFit(x, y, 1.5, -0.4, out double da, out double db);
        Assert.Equal(expected, value);
        Assert.Equal(new[] { da, db }, gradient);

        int[] rows = { 5, 39, 0 };
        double batch = objective.Evaluate(theta, rows, gradient);
        double expectedBatch = ObjectiveLosses.ExpFit(rows.Select(r => x[r]).ToArray(), rows.Select(r => y[r]).ToArray(), 1.5, -0.4, out da, out db);
        Assert.Equal(expectedBatch, batch);
        Assert.Equal(new[] { da, db }, gradient);

        // And L-BFGS recovers the curve's parameters through it.
        double[] fit = { 1, 0 };
        new Lbfgs<double>(new LbfgsOptions { MaxIterations = 200 }).Minimize(objective, fit);
        Assert.Equal(2.0, fit[0], 1);
        Assert.Equal(-0.7, fit[1], 1);
    }

    [Fact]
    public void SeededRandomShufflesIntoAPermutationAndResumesFromItsState()
    {
        var random = new SeededRandom(42);
        int[] values = Enumerable.Range(0, 1000).ToArray();
        random.Shuffle(values.AsSpan());
        Assert.Equal(Enumerable.Range(0, 1000), values.Order());
        Assert.NotEqual(Enumerable.Range(0, 1000), values);
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            random.WriteState(writer);
        }
        ulong[] expected = Enumerable.Range(0, 5).Select(_ => random.NextUInt64()).ToArray();
        state.Position = 0;
        var restored = new SeededRandom(0);
        restored.ReadState(new BinaryReader(state));
        Assert.Equal(expected, Enumerable.Range(0, 5).Select(_ => restored.NextUInt64()));
        // Uniformity of NextInt: 60,000 draws into 6 bins, each within 5 % of 10,000.
        var bins = new int[6];
        for (int i = 0; i < 60_000; i++)
        {
            bins[random.NextInt(6)]++;
        }
        Assert.All(bins, b => Assert.InRange(b, 9_500, 10_500));
    }
}
