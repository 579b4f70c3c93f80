// Prints losses and gradients computed by generated kernels and by the catalogue, and the parameters
// of short training runs (the worker pool, the generic trainer specialized for generated structs,
// L-BFGS and Adam), bit for bit, so that the NativeAOT build can be compared with the JIT build.
using System;
using System.Globalization;
using LossGen;
using LossGen.Training;

const int n = 203;
var random = new Random(7);
float[] p = new float[n], y = new float[n];
double[] pd = new double[n], yd = new double[n];
for (int i = 0; i < n; i++)
{
    p[i] = (float)(random.NextDouble() * 6 - 3);
    y[i] = random.Next(2);
    pd[i] = p[i];
    yd[i] = y[i];
}

float[] g = new float[n];
double[] gd = new double[n];
Print("bce-with-logits", Losses.BceWithLogitsLoss(p, y, 1f, g), g);
Print("huber", Losses.HuberLossSum(p, y, 1.35f, g), g);
Print("log-cosh", Losses.LogCoshLoss(p, y, g), g);
Print("custom", AotLosses.Custom(p, y, 0.7f, g, out float da), g, da);
Print("mse-double", Losses.MseLoss(pd, yd, gd), gd);
Print("poisson-double", Losses.PoissonNllLossSum(pd, yd, gd), gd);

// Training: a 2-feature logistic regression on the same data, chunked over all cores.
double[] features = new double[2 * n];
for (int i = 0; i < n; i++)
{
    features[2 * i] = pd[i];
    features[2 * i + 1] = Math.Sin(3 * pd[i]);
}
using (var objective = LinearObjective.Create(features, 2, yd, new Losses.BceWithLogitsLossFunction(1), new LinearObjectiveOptions { L2 = 0.01, ChunkRows = 16 }))
{
    double[] theta = new double[3];
    MinimizationResult<double> lbfgs = new Lbfgs<double>(new LbfgsOptions { MaxIterations = 50 }).Minimize(objective, theta);
    Print("train-lbfgs", lbfgs.Loss, theta);
    TrainingResult<double> adam = Trainer.Create(objective, new Adam<double>(0.05), new double[3],
        new TrainerOptions { MaxEpochs = 20, BatchSize = 32, Seed = 5 }).Fit();
    Print("train-adam", adam.Loss, adam.Parameters);
}

static void Print<T>(string name, T value, T[] gradient, T? extra = default) where T : struct, IFormattable
{
    ulong hash = 14695981039346656037;
    foreach (T v in gradient)
    {
        hash = (hash ^ (ulong)v.GetHashCode()) * 1099511628211;
    }
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: value {value:R} gradient[0] {gradient[0]:R} gradient-hash {hash:x16} extra {extra:R}"));
}

static partial class AotLosses
{
    [Loss("d = p - y; a * tanh(d)^2 + (d > 0 ? log1p(d) : sigmoid(d))")]
    public static partial float Custom(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float a, Span<float> dp, out float da);
}
