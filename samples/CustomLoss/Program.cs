// CustomLoss: a loss that is not in the catalogue — a smoothed pinball (quantile Huber) loss —
// declared in one line, differentiated by LossGen, and used to fit the 10% and 90% quantile lines of
// heteroscedastic data: an 80% prediction interval whose width grows with x.
using System;
using System.Globalization;
using LossGen;
using LossGen.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var random = new Random(7);
double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
(double[] X, double[] Y) Sample(int n)
{
    double[] x = new double[n], y = new double[n];
    for (int i = 0; i < n; i++)
    {
        x[i] = 10 * random.NextDouble();
        y[i] = 1 + 0.5 * x[i] + (0.2 + 0.1 * x[i]) * Normal(); // the noise grows with x
    }
    return (x, y);
}
(double[] xTrain, double[] yTrain) = Sample(10_000);
(double[] xTest, double[] yTest) = Sample(2000);

Console.WriteLine("Custom loss: smoothed pinball, declared as");
Console.WriteLine("  [Loss(\"d = y - p; w = d < 0 ? 1 - tau : tau; a = abs(d); w * (a <= k ? 0.5 * a^2 / k : a - 0.5 * k)\")]");
Console.WriteLine();
const double zTau = 1.2815515655446004; // the standard normal's 90% quantile
var lines = new (double Tau, double Slope, double Intercept, double TrueSlope, double TrueIntercept)[2];
int index = 0;
foreach (double tau in new[] { 0.1, 0.9 })
{
    double z = tau < 0.5 ? -zTau : zTau;
    double[] theta = { 0, 0 }; // slope, intercept
    TrainingResult<double> result = Trainer.Minimize(new QuantileLine(xTrain, yTrain, tau), theta.AsSpan(), new Adam<double>(0.02),
        new TrainerOptions { MaxEpochs = 10_000, Schedule = new CosineAnnealingSchedule(0.05, 10_000, 1e-4) });
    lines[index++] = (tau, theta[0], theta[1], 0.5 + 0.1 * z, 1 + 0.2 * z);
    Console.WriteLine($"τ = {tau}: {result.Status} after {result.Epochs} epochs, loss {result.Loss:F5}");
    Console.WriteLine($"   q(x) = {theta[1]:F3} + {theta[0]:F3} x    (true quantile line {1 + 0.2 * z:F3} + {0.5 + 0.1 * z:F3} x)");
}

int inside = 0;
for (int i = 0; i < xTest.Length; i++)
{
    double low = lines[0].Intercept + lines[0].Slope * xTest[i];
    double high = lines[1].Intercept + lines[1].Slope * xTest[i];
    inside += yTest[i] >= low && yTest[i] <= high ? 1 : 0;
}
double coverage = (double)inside / xTest.Length;
Console.WriteLine();
Console.WriteLine($"coverage of the 80% interval on 2,000 new points: {coverage:P1}");
Console.WriteLine("The generated code of SmoothPinball is in obj/Release/net10.0/generated/LossGen.Generator/ (see this sample's README).");
double worst = 0;
foreach (var line in lines)
{
    worst = Math.Max(worst, Math.Max(Math.Abs(line.Slope - line.TrueSlope), Math.Abs(line.Intercept - line.TrueIntercept)));
}
return coverage > 0.75 && coverage < 0.85 && worst < 0.1 ? 0 : 1;

static partial class CustomLosses
{
    /// <summary>Pinball loss with a quadratic zone of width k around 0: differentiable everywhere.</summary>
    [Loss("d = y - p; w = d < 0 ? 1 - tau : tau; a = abs(d); w * (a <= k ? 0.5 * a^2 / k : a - 0.5 * k)")]
    public static partial double SmoothPinball(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double tau, double k, Span<double> dp);
}

/// <summary>A line q(x) = slope · x + intercept fitted with the custom loss; the chain rule through the line by hand.</summary>
sealed class QuantileLine(double[] x, double[] y, double tau) : IObjective<double>
{
    private readonly double[] _prediction = new double[x.Length];
    private readonly double[] _gradient = new double[x.Length];

    public double Evaluate(ReadOnlySpan<double> p, Span<double> g)
    {
        for (int i = 0; i < x.Length; i++)
        {
            _prediction[i] = p[0] * x[i] + p[1];
        }
        double loss = CustomLosses.SmoothPinball(_prediction, y, tau, 0.05, _gradient);
        double slope = 0, intercept = 0;
        for (int i = 0; i < x.Length; i++)
        {
            slope += _gradient[i] * x[i];
            intercept += _gradient[i];
        }
        g[0] = slope;
        g[1] = intercept;
        return loss;
    }
}
