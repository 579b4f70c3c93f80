// QuickStart: the article's experiment, done right.
// Data: y = 3x + noise, noise ~ U(0, 1). Model: ŷ = 3x + θ. We fit the intercept θ by gradient
// descent on the mean squared error, whose gradient LossGen derives at compile time.
// Expected: θ → mean(y - 3x) ≈ 0.5 (the noise mean), MSE → var(y - 3x) ≈ 1/12 (the noise variance).
using System;
using System.Globalization;
using LossGen;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

const int n = 1000;
var random = new Random(42);
float[] x = new float[n];
float[] y = new float[n];
for (int i = 0; i < n; i++)
{
    x[i] = (float)random.NextDouble();
    y[i] = 3 * x[i] + (float)random.NextDouble();
}

float theta = 0;
const float learningRate = 0.1f;
const int epochs = 60;
Console.WriteLine("Fitting ŷ = 3x + θ to y = 3x + U(0,1) noise (n = 1000, seed 42) by gradient descent");
Console.WriteLine();
Console.WriteLine(" epoch        θ        MSE      dMSE/dθ");
for (int epoch = 1; epoch <= epochs; epoch++)
{
    float loss = IntroLosses.InterceptMse(x, y, theta, out float dTheta);
    theta -= learningRate * dTheta;
    if (epoch <= 3 || epoch % 6 == 0)
    {
        Console.WriteLine($"{epoch,6} {theta,10:F6} {loss,10:F6} {dTheta,12:0.000e+00}");
    }
}

// The exact optimum, computed directly from the data: θ* = mean(r), MSE* = mean((r - θ*)²) with r = y - 3x.
double mean = 0;
for (int i = 0; i < n; i++)
{
    mean += y[i] - 3.0 * x[i];
}
mean /= n;
double variance = 0;
for (int i = 0; i < n; i++)
{
    double d = y[i] - 3.0 * x[i] - mean;
    variance += d * d;
}
variance /= n;
float finalLoss = IntroLosses.InterceptMse(x, y, theta, out _);

Console.WriteLine();
Console.WriteLine($"fitted θ   = {theta:F6}   exact optimum mean(y - 3x) = {mean:F6}   (noise mean 0.5)");
Console.WriteLine($"final MSE  = {finalLoss:F6}   exact optimum var(y - 3x)  = {variance:F6}   (noise variance 1/12 = {1.0 / 12:F6})");
Console.WriteLine($"|θ - θ*|   = {Math.Abs(theta - mean):E2}");
Console.WriteLine();
Console.WriteLine("The generated source of InterceptMse is samples/QuickStart/obj/Release/net10.0/generated/LossGen.Generator/");
Console.WriteLine("LossGen.Generator.LossGenerator/IntroLosses.InterceptMse.g.cs, or in your IDE under Analyzers → LossGen.Generator.");
return Math.Abs(theta - mean) < 1e-4 ? 0 : 1;

static partial class IntroLosses
{
    /// <summary>Mean squared error of ŷ = 3x + θ, with its derivative with respect to θ.</summary>
    [Loss("(3 * x + theta - y)^2")]
    public static partial float InterceptMse(ReadOnlySpan<float> x, ReadOnlySpan<float> y, float theta, out float dtheta);
}
