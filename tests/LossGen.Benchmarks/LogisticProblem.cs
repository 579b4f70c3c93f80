using LossGen.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LossGen.Benchmarks;

/// <summary>
/// A synthetic L2-regularized logistic regression problem: n × d standard-normal features, labels drawn
/// from σ(x·w + b) for a fixed random w; objective (1/n) Σ BCE-with-logits + λ/2 ‖w‖², bias unpenalized.
/// Every trainer's result is scored by <see cref="Objective"/> in double, so all are judged by one measure.
/// </summary>
public sealed class LogisticProblem
{
    public const double Lambda = 0.01;

    /// <summary>The number of features (ML.NET's vector column needs it as a constant).</summary>
    public const int FeatureCount = 50;

    public LogisticProblem(int n, int d, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(d, FeatureCount);
        N = n;
        D = d;
        var random = new SeededRandom(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[] w = Enumerable.Range(0, d).Select(_ => 3 * Normal() / Math.Sqrt(d)).ToArray();
        X = new float[n * d];
        Y = new float[n];
        for (int i = 0; i < n; i++)
        {
            double z = 0.5;
            for (int j = 0; j < d; j++)
            {
                X[i * d + j] = (float)Normal();
                z += X[i * d + j] * w[j];
            }
            Y[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z)) ? 1f : 0f;
        }
        XDouble = Array.ConvertAll(X, v => (double)v);
        YDouble = Array.ConvertAll(Y, v => (double)v);
    }

    public int N { get; }
    public int D { get; }
    public float[] X { get; }
    public float[] Y { get; }
    public double[] XDouble { get; }
    public double[] YDouble { get; }

    /// <summary>The objective at (w, b), in double, by the generated double kernel.</summary>
    public double Objective(ReadOnlySpan<float> weights, float bias)
    {
        using var objective = DoubleObjective();
        var theta = new double[D + 1];
        for (int j = 0; j < D; j++)
        {
            theta[j] = weights[j];
        }
        theta[D] = bias;
        return objective.Evaluate(theta, new double[D + 1]);
    }

    /// <summary>The optimum's value, by double-precision L-BFGS run to a gradient of 1e-10.</summary>
    public double OptimalObjective()
    {
        using var objective = DoubleObjective();
        var theta = new double[D + 1];
        new Lbfgs<double>(new LbfgsOptions { MaxIterations = 1000, GradientTolerance = 1e-10, ChangeTolerance = 0 }).Minimize(objective, theta);
        return objective.Evaluate(theta, new double[D + 1]);
    }

    private LinearObjective<double, Losses.BceWithLogitsLossFunction> DoubleObjective() =>
        new(XDouble, D, YDouble, new Losses.BceWithLogitsLossFunction(1), new LinearObjectiveOptions { L2 = Lambda });

    // ---- LossGen -------------------------------------------------------------------------------------

    public (float[] W, float B) LossGenLbfgs(int iterations)
    {
        using var objective = new LinearObjective<float, Losses.BceWithLogitsLossFunction>(X, D, Y, new Losses.BceWithLogitsLossFunction(1), new LinearObjectiveOptions { L2 = Lambda });
        var theta = new float[D + 1];
        new Lbfgs<float>(new LbfgsOptions { MaxIterations = iterations, GradientTolerance = 0, ChangeTolerance = 0 }).Minimize(objective, theta);
        return (theta[..D], theta[D]);
    }

    public (float[] W, float B) LossGenNewton(int iterations)
    {
        using var objective = new LinearObjective<float, Losses.BceWithLogitsLossFunction>(X, D, Y, new Losses.BceWithLogitsLossFunction(1), new LinearObjectiveOptions { L2 = Lambda });
        var theta = new float[D + 1];
        new Newton<float>(new NewtonOptions { MaxIterations = iterations, GradientTolerance = 0 }).Minimize(objective, theta);
        return (theta[..D], theta[D]);
    }

    public (float[] W, float B) LossGenAdam(int epochs)
    {
        using var objective = new LinearObjective<float, Losses.BceWithLogitsLossFunction>(X, D, Y, new Losses.BceWithLogitsLossFunction(1), new LinearObjectiveOptions { L2 = Lambda });
        var theta = new float[D + 1];
        Trainer.Minimize(objective, theta.AsSpan(), new Adam<float>(0.05f), new TrainerOptions { MaxEpochs = epochs });
        return (theta[..D], theta[D]);
    }

    // ---- ML.NET ------------------------------------------------------------------------------------

    private sealed class Row
    {
        public bool Label { get; set; }

        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];
    }

    private readonly MLContext _ml = new(seed: 1);
    private IDataView? _view;

    private IDataView View => _view ??= _ml.Data.LoadFromEnumerable(
        Enumerable.Range(0, N).Select(i => new Row { Label = Y[i] == 1, Features = X.AsSpan(i * D, D).ToArray() }).ToList());

    public (float[] W, float B) MlNetLbfgs(int iterations)
    {
        // ML.NET minimizes (Σ loss_i + L2/2 ‖w‖²) / n, so L2 = λ n gives the same objective.
        var trainer = _ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = (float)(Lambda * N),
            MaximumNumberOfIterations = iterations,
            OptimizationTolerance = 1e-12f,
        });
        var model = trainer.Fit(View).Model.SubModel;
        return (model.Weights.ToArray(), model.Bias);
    }

    public (float[] W, float B) MlNetSdca(int epochs)
    {
        // SDCA minimizes (1/n) Σ loss_i + L2/2 ‖w‖² (+ L1, here 0).
        var trainer = _ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = (float)Lambda,
            MaximumNumberOfIterations = epochs,
            ConvergenceTolerance = 1e-12f,
            Shuffle = true,
        });
        var model = trainer.Fit(View).Model.SubModel;
        return (model.Weights.ToArray(), model.Bias);
    }
}
