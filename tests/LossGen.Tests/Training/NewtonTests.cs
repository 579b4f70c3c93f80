using System.Text.Json;
using LossGen.Training;
using Xunit.Abstractions;

namespace LossGen.Tests.Training;

/// <summary>Losses with second derivatives for the Newton tests: a curve fit with its Hessian, declared in two gradient orders.</summary>
internal static partial class NewtonLosses
{
    [Loss("(a * exp(b * x) - y)^2", Reduction = Reduction.Sum)]
    public static partial double ExpFit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db);

    [Loss("(a * exp(b * x) - y)^2", Reduction = Reduction.Sum)]
    public static partial double ExpFit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db, Span<double> hessian);

    // The out gradients in the other order: the method's Hessian rows are (b, a); the adapter's, the parameters' (a, b).
    [Loss("(a * exp(b * x) - y)^2")]
    public static partial double ExpFitSwapped(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double db, out double da, Span<double> hessian);

    // An asymmetric loss for gradient boosting: under-prediction costs 3× over-prediction, smoothly (softplus pieces).
    [Loss("d = p - y; softplus(d) + 3 * softplus(-d)", Reduction = Reduction.Sum)]
    public static partial double Asymmetric(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp, Span<double> d2p);
}

/// <summary>
/// Newton's method (<see cref="Newton{T}"/>): on the breast-cancer logistic problem against the Newton optimum the
/// test computes itself; the Hessian of <see cref="LinearObjective{T, TLoss}"/> against central differences of its
/// gradient and independent of the thread count; curve fitting against scipy's curve_fit (tests/reference/curvefit.json)
/// with standard errors against the exact-Hessian covariance computed here in closed form; damping on a non-convex
/// start; validation; the gradient-boosting adapter on a custom asymmetric loss.
/// </summary>
public class NewtonTests(ITestOutputHelper output)
{
    [Fact]
    public void BreastCancerReachesTheNewtonOptimumToOneInTenToTheTenInAtMostTenIterations()
    {
        (double[] x, double[] y, int d) = RealData.BreastCancer();
        double[] optimum = RealDataConvergenceTests.LogisticNewton(x, y, d, 0.01);
        using var objective = LinearObjective.Create(x, d, y, new Losses.BceWithLogitsLossFunction(posWeight: 1), new LinearObjectiveOptions { L2 = 0.01 });
        var theta = new double[d + 1];
        var history = new List<IterationReport>();
        MinimizationResult<double> result = new Newton<double>(new NewtonOptions { GradientTolerance = 1e-13, Progress = new SynchronousProgress<IterationReport>(history.Add) })
            .Minimize(objective, theta);
        double error = Dense.RelativeError(theta, optimum);
        output.WriteLine($"Newton: {result.Status} after {result.Iterations} iterations ({result.Evaluations} evaluations), loss {result.Loss:R}, relative error {error:E2}");
        Assert.Equal(MinimizationStatus.GradientConverged, result.Status);
        Assert.True(result.Iterations <= 10, $"{result.Iterations} iterations");
        Assert.True(error <= 1e-10, $"relative error {error:E2}");
        Assert.Equal(result.Iterations, history.Count);
        Assert.Equal(theta, result.Parameters);
    }

    private static (double[] X, double[] Y) Poisson(int n, int d, int seed)
    {
        var random = new Random(seed);
        var x = new double[n * d];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0.3;
            for (int j = 0; j < d; j++)
            {
                x[i * d + j] = random.NextDouble() * 2 - 1;
                z += 0.5 * x[i * d + j] * (j % 2 == 0 ? 1 : -1);
            }
            y[i] = Math.Round(Math.Exp(z) * (0.5 + random.NextDouble()));
        }
        return (x, y);
    }

    [Fact]
    public void TheLinearHessianMatchesCentralDifferencesOfTheGradient()
    {
        const int d = 6;
        (double[] x, double[] y) = Poisson(3001, d, 5);
        using var objective = LinearObjective.Create(x, d, y, new Losses.PoissonNllLossFunction(), new LinearObjectiveOptions { L2 = 0.1, ChunkRows = 256 });
        var theta = new double[d + 1];
        for (int j = 0; j <= d; j++)
        {
            theta[j] = 0.1 * (j - 3);
        }
        var gradient = new double[d + 1];
        var hessian = new double[(d + 1) * (d + 1)];
        objective.EvaluateSecondOrder(objective.Loss, theta, gradient, hessian);
        double worst = 0;
        for (int j = 0; j <= d; j++)
        {
            // Richardson extrapolation of central differences of the gradient, h and h/2.
            double[] Central(double h)
            {
                var plus = (double[])theta.Clone();
                var minus = (double[])theta.Clone();
                plus[j] += h;
                minus[j] -= h;
                var gp = new double[d + 1];
                var gm = new double[d + 1];
                objective.Evaluate(plus, gp);
                objective.Evaluate(minus, gm);
                return gp.Zip(gm, (a, b) => (a - b) / (2 * h)).ToArray();
            }
            double[] c1 = Central(1e-3), c2 = Central(5e-4);
            for (int k = 0; k <= d; k++)
            {
                double reference = (4 * c2[k] - c1[k]) / 3;
                worst = Math.Max(worst, Math.Abs(hessian[k * (d + 1) + j] - reference) / Math.Max(Math.Abs(reference), 1e-3));
            }
        }
        output.WriteLine($"worst relative difference from the extrapolated central differences: {worst:E2}");
        Assert.True(worst <= 1e-6, $"{worst:E2}");
    }

    [Theory]
    [InlineData(37, 1000, 128)]
    [InlineData(1, 300, 1024)]
    [InlineData(8, 513, 64)]
    public void TheLinearHessianEqualsTheNaiveWeightedGramMatrix(int d, int n, int chunkRows)
    {
        var random = new Random(d * 1000 + n);
        double[] x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        double[] y = Enumerable.Range(0, n).Select(_ => (double)random.Next(2)).ToArray();
        double[] theta = Enumerable.Range(0, d + 1).Select(_ => random.NextDouble() - 0.5).ToArray();
        int p = d + 1;
        // Independent: H = Σ_i σ_i(1 − σ_i) x̃_i x̃_iᵀ / n + λ on the weights' diagonal, x̃ = [x, 1], in double.
        var expected = new double[p * p];
        for (int i = 0; i < n; i++)
        {
            double z = theta[d];
            for (int j = 0; j < d; j++)
            {
                z += x[i * d + j] * theta[j];
            }
            double s = 1 / (1 + Math.Exp(-z)), w = s * (1 - s) / n;
            for (int j = 0; j < p; j++)
            {
                for (int k = 0; k < p; k++)
                {
                    expected[j * p + k] += w * (j < d ? x[i * d + j] : 1) * (k < d ? x[i * d + k] : 1);
                }
            }
        }
        for (int j = 0; j < d; j++)
        {
            expected[j * p + j] += 0.5;
        }
        var options = new LinearObjectiveOptions { L2 = 0.5, ChunkRows = chunkRows };
        using var inDouble = LinearObjective.Create(x, d, y, new Losses.BceWithLogitsLossFunction(posWeight: 1), options);
        var hessian = new double[p * p];
        inDouble.EvaluateSecondOrder(inDouble.Loss, theta, new double[p], hessian);
        Assert.True(Dense.RelativeError(hessian, expected) <= 1e-13, $"double {Dense.RelativeError(hessian, expected):E2}");
        using var inFloat = LinearObjective.Create(Array.ConvertAll(x, v => (float)v), d, Array.ConvertAll(y, v => (float)v), new Losses.BceWithLogitsLossFunction(posWeight: 1), options);
        var hessianFromFloat = new double[p * p];
        inFloat.EvaluateSecondOrder(inFloat.Loss, Array.ConvertAll(theta, v => (float)v), new float[p], hessianFromFloat);
        Assert.True(Dense.RelativeError(hessianFromFloat, expected) <= 1e-5, $"float {Dense.RelativeError(hessianFromFloat, expected):E2}");
        for (int j = 0; j < p; j++)
        {
            for (int k = 0; k < j; k++)
            {
                Assert.Equal(hessian[k * p + j], hessian[j * p + k]);
            }
        }
    }

    [Fact]
    public void TheLinearHessianIsTheSameForAnyThreadCount()
    {
        const int d = 5;
        (double[] x, double[] y) = Poisson(5000, d, 9);
        double[] Run(int threads)
        {
            using var objective = LinearObjective.Create(Array.ConvertAll(x, v => (float)v), d, Array.ConvertAll(y, v => (float)v), new Losses.PoissonNllLossFunction(),
                new LinearObjectiveOptions { Threads = threads, ChunkRows = 100 });
            var theta = new float[d + 1];
            var result = new Newton<float>(new NewtonOptions { GradientTolerance = 1e-5 }).Minimize(objective, theta);
            Assert.Equal(MinimizationStatus.GradientConverged, result.Status);
            var gradient = new float[d + 1];
            var hessian = new double[(d + 1) * (d + 1)];
            objective.EvaluateSecondOrder(objective.Loss, theta, gradient, hessian);
            return theta.Select(v => (double)v).Concat(gradient.Select(v => (double)v)).Concat(hessian).ToArray();
        }
        double[] one = Run(1), two = Run(2), four = Run(4);
        Assert.Equal(one, two);
        Assert.Equal(one, four);
    }

    private static (double[] X, double[] Y) CurveData()
    {
        const int n = 200;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = 3.0 * i / n;
            y[i] = 2.5 * Math.Exp(-1.3 * x[i]) + 0.02 * (((7919 * i) % 101) / 50.0 - 1.0);
        }
        return (x, y);
    }

    [Fact]
    public void CurveFitMatchesScipyAndTheExactHessianStandardErrors()
    {
        using JsonDocument reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "reference", "curvefit.json")));
        double[] Numbers(string name) => reference.RootElement.GetProperty(name).EnumerateArray().Select(e => e.GetDouble()).ToArray();
        (double[] x, double[] y) = CurveData();
        var objective = ParametricObjective.Create(new NewtonLosses.ExpFitFunction(), x, y);
        double[] theta = Numbers("start");
        MinimizationResult<double> result = new Newton<double>(new NewtonOptions { GradientTolerance = 1e-10 }).Minimize(objective, theta);
        output.WriteLine($"damped Newton: {result.Status} after {result.Iterations} iterations, {result.Evaluations} evaluations; a = {theta[0]:R}, b = {theta[1]:R}");
        Assert.Equal(MinimizationStatus.GradientConverged, result.Status);
        double parameterError = Dense.RelativeError(theta, Numbers("parameters"));
        Assert.True(parameterError <= 1e-8, $"parameters {parameterError:E2} from scipy's");
        Assert.Equal(reference.RootElement.GetProperty("ssr").GetDouble(), result.Loss, 1e-12);

        ParameterUncertainty uncertainty = CurveFit.StandardErrors(objective, theta);
        // Independent closed form: SSR's exact Hessian for r_i = a e^{b x_i} − y_i, covariance 2 s² H⁻¹, s² = SSR / (n − 2).
        double a = theta[0], b = theta[1], haa = 0, hab = 0, hbb = 0, ssr = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double e = Math.Exp(b * x[i]), r = a * e - y[i];
            ssr += r * r;
            haa += 2 * e * e;
            hab += 2 * (a * x[i] * e * e + r * x[i] * e);
            hbb += 2 * (a * a * x[i] * x[i] * e * e + r * a * x[i] * x[i] * e);
        }
        double det = haa * hbb - hab * hab, s2 = ssr / (x.Length - 2);
        double[] exact = [Math.Sqrt(2 * s2 * hbb / det), Math.Sqrt(2 * s2 * haa / det)];
        double[] scipy = Numbers("standard_errors");
        output.WriteLine($"standard errors: {uncertainty.StandardErrors[0]:E6}, {uncertainty.StandardErrors[1]:E6}; closed form {exact[0]:E6}, {exact[1]:E6}; scipy (JᵀJ) {scipy[0]:E6}, {scipy[1]:E6}");
        Assert.True(Dense.RelativeError(uncertainty.StandardErrors, exact) <= 1e-9);
        Assert.Equal(uncertainty.Covariance[1], uncertainty.Covariance[2]);
        // scipy uses the Gauss–Newton JᵀJ: at this good fit it differs from the exact Hessian by the small residual terms.
        Assert.True(Dense.RelativeError(uncertainty.StandardErrors, scipy) <= 0.02, $"{Dense.RelativeError(uncertainty.StandardErrors, scipy):E2} from scipy");
    }

    [Fact]
    public void TheHessianOfSwappedGradientsIsPermutedIntoParameterOrder()
    {
        (double[] x, double[] y) = CurveData();
        var swapped = ParametricObjective.Create(new NewtonLosses.ExpFitSwappedFunction(), x, y);
        var plain = ParametricObjective.Create(new NewtonLosses.ExpFitFunction(), x, y);
        double[] theta = [2.0, -1.0];
        var g1 = new double[2];
        var g2 = new double[2];
        var h1 = new double[4];
        var h2 = new double[4];
        swapped.EvaluateSecondOrder(swapped.Loss, theta, g1, h1);
        plain.EvaluateSecondOrder(plain.Loss, theta, g2, h2);
        // Swapped is a Mean loss, plain a Sum: the same derivatives over n.
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(h2[i] / x.Length, h1[i], 1e-12 * Math.Abs(h2[i]));
        }
        Assert.Equal(g2[0] / x.Length, g1[0], 1e-12);
        Assert.Equal(g2[1] / x.Length, g1[1], 1e-12);
    }

    [Fact]
    public void DampingCarriesANonConvexStartToTheMinimum()
    {
        // From a = 1, b = 3 the exponential model's Hessian is indefinite: the undamped step would go uphill.
        (double[] x, double[] y) = CurveData();
        var objective = ParametricObjective.Create(new NewtonLosses.ExpFitFunction(), x, y);
        double[] theta = [-1.0, 3.0];
        var hessian = new double[4];
        objective.EvaluateSecondOrder(objective.Loss, theta, new double[2], hessian);
        Assert.True(hessian[0] * hessian[3] - hessian[1] * hessian[2] < 0, "the start should be non-convex");
        MinimizationResult<double> result = new Newton<double>(new NewtonOptions { GradientTolerance = 1e-9, MaxIterations = 500 }).Minimize(objective, theta);
        output.WriteLine($"{result.Status} after {result.Iterations} iterations, {result.Evaluations} evaluations: a = {theta[0]:F6}, b = {theta[1]:F6}");
        Assert.Equal(MinimizationStatus.GradientConverged, result.Status);
        Assert.Equal(2.5, theta[0], 0.01);
        Assert.Equal(-1.3, theta[1], 0.01);
        Assert.All(result.History.Zip(result.History.Skip(1)), pair => Assert.True(pair.Second.Loss <= pair.First.Loss));
    }

    [Theory]
    [InlineData("L1")]
    [InlineData("Hinge")]
    public void AZeroHessianEndsWithoutHangingAndDecreasesTheLoss(string loss)
    {
        // Piecewise-linear losses have l'' = 0: without L2 the Hessian vanishes and only damping gives a step.
        var random = new Random(4);
        const int n = 200, d = 3;
        double[] x = Enumerable.Range(0, n * d).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        double[] y = Enumerable.Range(0, n).Select(i => loss == "L1" ? x[i * d] - 2 * x[i * d + 1] : (x[i * d] > 0 ? 1.0 : -1.0)).ToArray();
        var theta = new double[d + 1];
        MinimizationResult<double> result;
        double start;
        if (loss == "L1")
        {
            using var objective = LinearObjective.Create(x, d, y, new Losses.L1LossFunction());
            start = objective.Evaluate(theta, new double[d + 1]);
            result = new Newton<double>().Minimize(objective, theta);
        }
        else
        {
            using var objective = LinearObjective.Create(x, d, y, new Losses.HingeLossFunction());
            start = objective.Evaluate(theta, new double[d + 1]);
            result = new Newton<double>().Minimize(objective, theta);
        }
        output.WriteLine($"{loss}: {result.Status} after {result.Iterations} iterations, {result.Evaluations} evaluations, loss {start:F4} → {result.Loss:F4}");
        Assert.True(result.Loss < start, $"{result.Loss} ≥ {start}");
        Assert.All(theta, v => Assert.True(double.IsFinite(v)));
        Assert.True(result.Evaluations <= 4 * 100 + 1);
    }

    [Fact]
    public void BadArgumentsAreRejectedNamingThem()
    {
        (double[] x, double[] y) = CurveData();
        var objective = ParametricObjective.Create(new NewtonLosses.ExpFitFunction(), x, y);
        var newton = new Newton<double>();
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => newton.Minimize(objective, new double[3])).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => newton.Minimize(objective, new[] { 1.0, double.NaN })).ParamName);
        Assert.Equal("MaxIterations", Assert.Throws<ArgumentOutOfRangeException>(() => new Newton<double>(new NewtonOptions { MaxIterations = 0 })).ParamName);
        Assert.Equal("GradientTolerance", Assert.Throws<ArgumentOutOfRangeException>(() => new Newton<double>(new NewtonOptions { GradientTolerance = -1 })).ParamName);
        Assert.Equal("InitialDamping", Assert.Throws<ArgumentOutOfRangeException>(() => new Newton<double>(new NewtonOptions { InitialDamping = double.NaN })).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => CurveFit.StandardErrors(objective, new double[1])).ParamName);
    }

    [Fact]
    public void CancellationStopsBeforeTheNextIteration()
    {
        (double[] x, double[] y) = CurveData();
        var objective = ParametricObjective.Create(new NewtonLosses.ExpFitFunction(), x, y);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        double[] theta = [1.0, 0.0];
        MinimizationResult<double> result = new Newton<double>().Minimize(objective, theta, cancelled.Token);
        Assert.Equal(MinimizationStatus.Cancelled, result.Status);
        Assert.Equal(0, result.Iterations);
        Assert.Equal([1.0, 0.0], theta);
    }

    [Fact]
    public void GradientBoostingFillsPerSampleGradientAndHessianOfACustomAsymmetricLoss()
    {
        const int n = 101;
        var p = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = (i - 50) / 10.0;
            y[i] = Math.Sin(i);
        }
        var grad = new double[n];
        var hess = new double[n];
        double sum = GradientBoosting.Objective(new NewtonLosses.AsymmetricFunction(), p, y, grad, hess);
        double expectedSum = 0;
        static double Softplus(double v) => Math.Max(v, 0) + Math.Log(1 + Math.Exp(-Math.Abs(v)));
        static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));
        for (int i = 0; i < n; i++)
        {
            double d = p[i] - y[i];
            expectedSum += Softplus(d) + 3 * Softplus(-d);
            // Closed forms: ∂/∂p = σ(d) − 3σ(−d); ∂²/∂p² = σ(d)σ(−d)·(1 + 3).
            Assert.Equal(Sigmoid(d) - 3 * Sigmoid(-d), grad[i], 1e-13);
            Assert.Equal(4 * Sigmoid(d) * Sigmoid(-d), hess[i], 1e-13);
        }
        Assert.Equal(expectedSum, sum, 1e-10);
        // A Mean loss gives the same per-sample values (rescaled by n).
        var gradMean = new double[n];
        var hessMean = new double[n];
        double mean = GradientBoosting.Objective(new Losses.MseLossFunction(), p, y, gradMean, hessMean);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(2 * (p[i] - y[i]), gradMean[i], 1e-12);
            Assert.Equal(2, hessMean[i], 1e-12);
        }
        Assert.Equal(p.Zip(y, (a, b) => (a - b) * (a - b)).Sum(), mean, 1e-9);
        Assert.Equal("hessian", Assert.Throws<ArgumentException>(() => GradientBoosting.Objective(new Losses.MseLossFunction(), p, y, gradMean, new double[n - 1])).ParamName);
    }
}
