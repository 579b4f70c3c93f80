using LossGen.Training;

namespace LossGen.Tests.Training;

/// <summary>The gradient check for users' own objectives: right gradients pass, a wrong element is named.</summary>
public class GradientCheckTests
{
    /// <summary>f(θ) = Σ exp(θᵢ) sin(θᵢ₊₁) + θ₀²; <paramref name="wrong"/> scales one gradient element by <paramref name="factor"/>.</summary>
    private sealed class Wavy(int wrong = -1, double factor = 1.01) : IObjective<double>, IObjective<float>
    {
        public double Evaluate(ReadOnlySpan<double> p, Span<double> g)
        {
            double value = p[0] * p[0];
            g.Clear();
            g[0] = 2 * p[0];
            for (int i = 0; i + 1 < p.Length; i++)
            {
                value += Math.Exp(p[i]) * Math.Sin(p[i + 1]);
                g[i] += Math.Exp(p[i]) * Math.Sin(p[i + 1]);
                g[i + 1] += Math.Exp(p[i]) * Math.Cos(p[i + 1]);
            }
            if (wrong >= 0)
            {
                g[wrong] *= factor;
            }
            return value;
        }

        public float Evaluate(ReadOnlySpan<float> p, Span<float> g)
        {
            double[] pd = Array.ConvertAll(p.ToArray(), v => (double)v), gd = new double[p.Length];
            double value = Evaluate(pd, gd);
            for (int i = 0; i < g.Length; i++)
            {
                g[i] = (float)gd[i];
            }
            return (float)value;
        }
    }

    [Fact]
    public void ACorrectGradientPassesAtAGivenPointAndAtRandomPoints()
    {
        GradientCheckResult result = GradientCheck.Check(new Wavy(), new[] { 0.3, -1.2, 0.8, 2.0 });
        Assert.True(result.Passed, result.ToString());
        Assert.Equal(9, result.Evaluations);
        Assert.StartsWith("Gradient check passed", result.ToString());
        GradientCheckResult random = GradientCheck.CheckRandom(new Wavy(), new double[6], new GradientCheckOptions { Points = 4, Seed = 7 });
        Assert.True(random.Passed, random.ToString());
        Assert.Equal(4, random.Points);
        Assert.True(random.AbsoluteError < 1e-7, random.ToString());
    }

    [Fact]
    public void AWrongElementFailsAndIsNamed()
    {
        GradientCheckResult result = GradientCheck.CheckRandom(new Wavy(wrong: 2), new double[5], new GradientCheckOptions { Seed = 1 });
        Assert.False(result.Passed);
        Assert.Equal(2, result.Index);
        Assert.Equal(0.01, Math.Abs(result.Analytic / result.Numeric - 1), 6);
        Assert.Contains("FAILED", result.ToString());
        Assert.Contains("gradient[2]", result.ToString());
    }

    [Fact]
    public void FloatObjectivesAreCheckedWithFloatSizedSteps()
    {
        Assert.True(GradientCheck.Check<float, Wavy>(new Wavy(), new[] { 0.3f, -1.2f, 0.8f }).Passed);
        GradientCheckResult wrong = GradientCheck.Check<float, Wavy>(new Wavy(wrong: 1, factor: 1.1), new[] { 0.3f, -1.2f, 0.8f });
        Assert.False(wrong.Passed);
        Assert.Equal(1, wrong.Index);
    }

    [Fact]
    public void AModelsGradientIsCheckedOnAllRowsOrABatch()
    {
        (double[] x, double[] y) = TrainingData.Regression(40, 51);
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = y[i] > 0.5 ? 1 : 0;
        }
        using var objective = LinearObjective.Create(x, 2, y, new Losses.BceWithLogitsLossFunction(posWeight: 3), new LinearObjectiveOptions { L2 = 0.2, ChunkRows = 9 });
        Assert.True(GradientCheck.CheckBatch(objective, new[] { 0.5, -0.25, 0.1 }).Passed);
        Assert.True(GradientCheck.CheckBatch(objective, new[] { 0.5, -0.25, 0.1 }, new[] { 3, 17, 17, 39 }).Passed);
        Assert.Equal("point", Assert.Throws<ArgumentException>(() => GradientCheck.CheckBatch(objective, new double[2])).ParamName);
        Assert.Equal("point", Assert.Throws<ArgumentException>(() => GradientCheck.Check(new Wavy(), new[] { double.NaN })).ParamName);
    }
}
