// CurveFit: nonlinear least squares with the derivatives LossGen derives for a formula's scalar inputs.
// Two models are fitted to seeded noisy data twice, over the ParametricObjective of the struct the generator
// writes beside each declaration: first-order by Adam through Trainer.Minimize, then by damped Newton
// (Levenberg–Marquardt style) with the exact 2 × 2 / 3 × 3 Hessian the generator emits, which also gives the
// parameters' standard errors as scipy's curve_fit reports them.
using System;
using System.Diagnostics;
using System.Globalization;
using LossGen;
using LossGen.Training;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var random = new Random(2026);
double Noise() => 0.01 * (random.NextDouble() * 2 - 1);

// 1. y = a · exp(b · x)
const double trueA = 2.5, trueB = -1.3;
double[] x1 = new double[200], y1 = new double[200];
for (int i = 0; i < x1.Length; i++)
{
    x1[i] = 3.0 * i / x1.Length;
    y1[i] = trueA * Math.Exp(trueB * x1[i]) + Noise();
}
double[] exponential = { 1.0, 0.0 };
var progress = new ConsoleProgress("a·exp(b·x)", total: 20_000, every: 2000);
var adamClock = Stopwatch.StartNew();
TrainingResult<double> first = Trainer.Minimize(ParametricObjective.Create(new CurveLosses.ExponentialFunction(), x1, y1), exponential.AsSpan(), new Adam<double>(0.05),
    new TrainerOptions { MaxEpochs = 20_000, GradientTolerance = 1e-9, Progress = progress });
TimeSpan firstTime = adamClock.Elapsed;
progress.Complete();
Console.WriteLine($"a·exp(b·x):  {first.Status} after {first.Epochs} epochs, MSE {first.Loss:E3}");
Console.WriteLine($"   a = {exponential[0],9:F5}   (true {trueA})");
Console.WriteLine($"   b = {exponential[1],9:F5}   (true {trueB})");
Console.WriteLine();

// 2. A logistic growth curve y = k / (1 + exp(-r (x - m)))
const double trueK = 4.0, trueR = 1.7, trueM = 2.0;
double[] x2 = new double[300], y2 = new double[300];
for (int i = 0; i < x2.Length; i++)
{
    x2[i] = 5.0 * i / x2.Length;
    y2[i] = trueK / (1 + Math.Exp(-trueR * (x2[i] - trueM))) + Noise();
}
double[] logistic = { 1.0, 1.0, 1.0 };
progress = new ConsoleProgress("logistic", total: 20_000, every: 2000);
adamClock.Restart();
TrainingResult<double> second = Trainer.Minimize(ParametricObjective.Create(new CurveLosses.LogisticFunction(), x2, y2), logistic.AsSpan(), new Adam<double>(0.05),
    new TrainerOptions { MaxEpochs = 20_000, GradientTolerance = 1e-9, Progress = progress });
TimeSpan secondTime = adamClock.Elapsed;
progress.Complete();
Console.WriteLine($"logistic:    {second.Status} after {second.Epochs} epochs, MSE {second.Loss:E3}");
Console.WriteLine($"   k = {logistic[0],9:F5}   (true {trueK})");
Console.WriteLine($"   r = {logistic[1],9:F5}   (true {trueR})");
Console.WriteLine($"   m = {logistic[2],9:F5}   (true {trueM})");

Console.WriteLine();

// 3. The same fits by damped Newton with the exact Hessian, from the same starting points.
Console.WriteLine("Damped Newton (exact Hessian), from the same starting points:");
double[] newtonExponential = { 1.0, 0.0 }, newtonLogistic = { 1.0, 1.0, 1.0 };
FitByNewton("a·exp(b·x)", ParametricObjective.Create(new CurveLosses.ExponentialFunction(), x1, y1), newtonExponential, ["a", "b"], [trueA, trueB], firstTime, first.Epochs);
FitByNewton("logistic", ParametricObjective.Create(new CurveLosses.LogisticFunction(), x2, y2), newtonLogistic, ["k", "r", "m"], [trueK, trueR, trueM], secondTime, second.Epochs);
Console.WriteLine();

double worst = Math.Max(Math.Max(Math.Abs(exponential[0] - trueA), Math.Abs(exponential[1] - trueB)),
    Math.Max(Math.Abs(logistic[0] - trueK), Math.Max(Math.Abs(logistic[1] - trueR), Math.Abs(logistic[2] - trueM))));
Console.WriteLine();
Console.WriteLine($"largest parameter error: {worst:E2}");
double newtonWorst = Math.Max(Math.Max(Math.Abs(newtonExponential[0] - trueA), Math.Abs(newtonExponential[1] - trueB)),
    Math.Max(Math.Abs(newtonLogistic[0] - trueK), Math.Max(Math.Abs(newtonLogistic[1] - trueR), Math.Abs(newtonLogistic[2] - trueM))));
Console.WriteLine($"largest parameter error (Newton): {newtonWorst:E2}");
return worst < 0.02 && newtonWorst < 0.02 ? 0 : 1;

static void FitByNewton<TLoss>(string name, ParametricObjective<double, TLoss> objective, double[] theta, string[] names, double[] truth, TimeSpan adamTime, int adamEpochs)
    where TLoss : struct, IParametricLoss<double>, ISecondOrderParametricLoss<double>
{
    var clock = Stopwatch.StartNew();
    MinimizationResult<double> result = new Newton<double>(new NewtonOptions { GradientTolerance = 1e-12 }).Minimize(objective, theta);
    clock.Stop();
    ParameterUncertainty uncertainty = CurveFit.StandardErrors(objective, theta);
    Console.WriteLine($"{name + ":",-12} {result.Status} after {result.Iterations} iterations ({result.Evaluations} evaluations) in {clock.Elapsed.TotalMilliseconds:F1} ms"
        + $" (Adam: {adamEpochs} epochs in {adamTime.TotalMilliseconds:F0} ms), MSE {result.Loss:E3}");
    for (int i = 0; i < theta.Length; i++)
    {
        Console.WriteLine($"   {names[i]} = {theta[i],9:F5} ± {uncertainty.StandardErrors[i]:F5}   (true {truth[i]})");
    }
}

/// <summary>
/// The two models' losses: LossGen writes the gradients with respect to the scalar parameters, and a struct
/// per method (ExponentialFunction, LogisticFunction) through which ParametricObjective calls it.
/// </summary>
static partial class CurveLosses
{
    [Loss("(a * exp(b * x) - y)^2")]
    public static partial double Exponential(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db);

    // The same loss with its Hessian in (a, b): Newton's method and the standard errors use it.
    [Loss("(a * exp(b * x) - y)^2")]
    public static partial double Exponential(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db, Span<double> hessian);

    [Loss("(k * sigmoid(r * (x - m)) - y)^2")]
    public static partial double Logistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double k, double r, double m, out double dk, out double dr, out double dm);

    [Loss("(k * sigmoid(r * (x - m)) - y)^2")]
    public static partial double Logistic(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double k, double r, double m, out double dk, out double dr, out double dm, Span<double> hessian);
}
