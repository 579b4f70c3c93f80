using System.Globalization;
using LossGen.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace LossGen.Benchmarks;

/// <summary>
/// An L2-regularized softmax regression problem: (1/n) Σ cross-entropy(W x_i + b, t_i) + λ/2 ‖W‖², biases
/// unpenalized, over float features. Parameters in LossGen's layout: K × d weights class by class, then the K biases.
/// Every trainer's result is scored by <see cref="Objective"/> in double, so all are judged by one measure.
/// </summary>
/// <typeparam name="TLoss">The cross-entropy LossGen trains with (and scores with, in double); created as <c>default</c>.</typeparam>
public sealed class SoftmaxProblem<TLoss>
    where TLoss : struct, IClassificationLoss<float>, IClassificationLoss<double>
{
    private SoftmaxProblem(string name, float[] x, int[] labels, int d, int k, double lambda)
    {
        Name = name;
        X = x;
        Labels = labels;
        N = labels.Length;
        D = d;
        K = k;
        Lambda = lambda;
        XDouble = Array.ConvertAll(x, v => (double)v);
    }

    public string Name { get; }
    public int N { get; }
    public int D { get; }
    public int K { get; }
    public double Lambda { get; }
    public float[] X { get; }
    public double[] XDouble { get; }
    public int[] Labels { get; }

    /// <summary>The 1797 × 64 digits of samples/data, every pixel standardized over all rows (blank pixels only centred), λ = 1e-3 as in samples/Digits.</summary>
    public static SoftmaxProblem<TLoss> Digits()
    {
        string[] lines = File.ReadAllLines(DataFile("digits.csv"));
        const int d = 64;
        double[][] rows = lines.Select(l => l.Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var x = new float[rows.Length * d];
        for (int j = 0; j < d; j++)
        {
            double mean = rows.Average(r => r[j]);
            double sd = Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
            for (int i = 0; i < rows.Length; i++)
            {
                x[i * d + j] = (float)((rows[i][j] - mean) / (sd > 0 ? sd : 1));
            }
        }
        return new SoftmaxProblem<TLoss>("digits", x, rows.Select(r => (int)r[d]).ToArray(), d, 10, 1e-3);
    }

    /// <summary>
    /// n × d standard-normal features; labels drawn from softmax(W x + b) for a fixed random W (entries 2·N(0, 1)/√d) and
    /// b (N(0, 1)); λ = 1e-3.
    /// </summary>
    public static SoftmaxProblem<TLoss> Synthetic(int n, int d, int k, ulong seed)
    {
        var random = new SeededRandom(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        double[] w = Enumerable.Range(0, k * d).Select(_ => 2 * Normal() / Math.Sqrt(d)).ToArray();
        double[] b = Enumerable.Range(0, k).Select(_ => Normal()).ToArray();
        var x = new float[n * d];
        var labels = new int[n];
        var p = new double[k];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < d; j++)
            {
                x[i * d + j] = (float)Normal();
            }
            double max = double.NegativeInfinity, sum = 0;
            for (int c = 0; c < k; c++)
            {
                p[c] = b[c];
                for (int j = 0; j < d; j++)
                {
                    p[c] += w[c * d + j] * x[i * d + j];
                }
                max = Math.Max(max, p[c]);
            }
            for (int c = 0; c < k; c++)
            {
                p[c] = Math.Exp(p[c] - max);
                sum += p[c];
            }
            double u = random.NextDouble() * sum;
            int label = k - 1;
            for (int c = 0; c < k - 1; c++)
            {
                u -= p[c];
                if (u < 0)
                {
                    label = c;
                    break;
                }
            }
            labels[i] = label;
        }
        return new SoftmaxProblem<TLoss>($"synthetic {n} × {d} × {k}", x, labels, d, k, 1e-3);
    }

    /// <summary>samples/data/{file}, found by walking up from the binaries (BenchmarkDotNet runs them from a generated folder below).</summary>
    private static string DataFile(string file)
    {
        foreach (string start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                string path = Path.Combine(dir.FullName, "samples", "data", file);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }
        throw new FileNotFoundException($"samples/data/{file} was not found above {AppContext.BaseDirectory}.");
    }

    private SoftmaxRegressionObjective<double, TLoss> DoubleObjective() =>
        new(XDouble, D, Labels, K, default(TLoss), new SoftmaxRegressionOptions { L2 = Lambda });

    /// <summary>The objective at <paramref name="theta"/> (LossGen's layout), in double.</summary>
    public double Objective(ReadOnlySpan<float> theta)
    {
        using var objective = DoubleObjective();
        double[] t = new double[theta.Length];
        for (int i = 0; i < t.Length; i++)
        {
            t[i] = theta[i];
        }
        return objective.Evaluate(t, new double[t.Length]);
    }

    /// <summary>The optimum's value, by double-precision L-BFGS run to a gradient of 1e-10.</summary>
    public double OptimalObjective()
    {
        using var objective = DoubleObjective();
        var theta = new double[objective.ParameterCount];
        new Lbfgs<double>(new LbfgsOptions { MaxIterations = 5000, GradientTolerance = 1e-10, ChangeTolerance = 0 }).Minimize(objective, theta);
        return objective.Evaluate(theta, new double[theta.Length]);
    }

    // ---- LossGen -------------------------------------------------------------------------------------

    public float[] LossGenLbfgs(int iterations)
    {
        using var objective = new SoftmaxRegressionObjective<float, TLoss>(X, D, Labels, K, default(TLoss), new SoftmaxRegressionOptions { L2 = Lambda });
        var theta = new float[objective.ParameterCount];
        new Lbfgs<float>(new LbfgsOptions { MaxIterations = iterations, GradientTolerance = 0, ChangeTolerance = 0 }).Minimize(objective, theta);
        return theta;
    }

    // ---- ML.NET ------------------------------------------------------------------------------------

    private sealed class Row
    {
        public uint Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private readonly MLContext _ml = new(seed: 1);
    private IDataView? _view;

    /// <summary>
    /// Features as a vector of known size d; labels mapped to keys by value (class c is ML.NET's score slot c). A key
    /// column loaded directly from uint values came out shifted by one class (class 0's rows scored in slot 1), so
    /// the mapping is ML.NET's own <c>MapValueToKey</c>, ordered by value.
    /// </summary>
    private IDataView View
    {
        get
        {
            if (_view is null)
            {
                var schema = SchemaDefinition.Create(typeof(Row));
                schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, D);
                IDataView raw = _ml.Data.LoadFromEnumerable(
                    Enumerable.Range(0, N).Select(i => new Row { Label = (uint)Labels[i], Features = X.AsSpan(i * D, D).ToArray() }).ToList(), schema);
                var keys = _ml.Transforms.Conversion.MapValueToKey(nameof(Row.Label), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue);
                _view = _ml.Data.Cache(keys.Fit(raw).Transform(raw));
            }
            return _view;
        }
    }

    /// <summary>ML.NET's <c>LbfgsMaximumEntropy</c> with the iteration limit; its weights and biases in LossGen's layout.</summary>
    public float[] MlNetLbfgsMaximumEntropy(int iterations)
    {
        // ML.NET minimizes (Σ loss_i + L2/2 ‖W‖²) / n with unpenalized biases, so L2 = λ n gives the same objective.
        var trainer = _ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            L1Regularization = 0,
            L2Regularization = (float)(Lambda * N),
            MaximumNumberOfIterations = iterations,
            OptimizationTolerance = 1e-12f,
        });
        MaximumEntropyModelParameters model = trainer.Fit(View).Model;
        VBuffer<float>[] weights = [];
        model.GetWeights(ref weights, out int classes);
        var theta = new float[K * (D + 1)];
        for (int c = 0; c < classes; c++)
        {
            weights[c].DenseValues().ToArray().CopyTo(theta, c * D);
        }
        model.GetBiases().ToArray().CopyTo(theta, K * D);
        return theta;
    }
}
