using System.Globalization;

namespace LossGen.Package.Tests;

/// <summary>
/// The packed LossGen package, consumed as a user would: a fresh console project in a temporary
/// folder that references only the package (from a local folder feed, with an empty package cache),
/// declares losses, builds, runs and prints values that the test checks against closed forms.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ConsumerTests(PackedPackage package) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lossgen-consumer-").FullName;

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void PackedPackageWorksInAFreshConsoleProject()
    {
        string project = Path.Combine(_work, "consumer");
        ConsumerProject.Write(project, package, """
            using System;
            using System.Globalization;
            using LossGen;

            float[] p = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
            float[] y = new float[p.Length];
            float[] dp = new float[p.Length];
            float mse = MyLosses.Mse(p, y, dp);
            double[] x = { 0.0, 0.5, 1.0 };
            double[] t = { 1.0, 2.0, 3.0 };
            double sse = MyLosses.Line(x, t, 2.0, 1.0, out double da, out double db);
            // The trainer through the adapter struct the packaged generator writes beside Line.
            double[] fit = { 0, 0 };
            new LossGen.Training.Lbfgs<double>(new LossGen.Training.LbfgsOptions { GradientTolerance = 1e-12, ChangeTolerance = 0 }).Minimize(new LossGen.Training.ParametricObjective<double, MyLosses.LineFunction>(new MyLosses.LineFunction(), x, t), fit);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mse={mse:R} dp10={dp[10]:R} sse={sse:R} da={da:R} db={db:R} a={fit[0]:R} b={fit[1]:R}"));

            static partial class MyLosses
            {
                [Loss("(p - y)^2")]
                public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

                [Loss("(a * x + b - y)^2", Reduction = Reduction.Sum)]
                public static partial double Line(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db);
            }
            """);

        string packages = Path.Combine(_work, "packages");
        (int buildExit, string buildOutput) = ConsumerProject.Dotnet("build -c Release", project, packages);
        Assert.True(buildExit == 0, "consumer build failed:\n" + buildOutput);
        string generated = Path.Combine(project, "obj");
        (int runExit, string runOutput) = ConsumerProject.Dotnet("run -c Release --no-build", project, packages);
        Assert.True(runExit == 0, "consumer run failed:\n" + runOutput);

        var values = runOutput.Trim().Split(' ').Select(part => part.Split('=')).ToDictionary(kv => kv[0], kv => double.Parse(kv[1], CultureInfo.InvariantCulture));
        // Closed forms: mean of k^2 for k = 1..11 is 46; d/dp_i = 2 p_i / n.
        Assert.Equal(46.0, values["mse"], 4);
        Assert.Equal(2.0 * 11 / 11, values["dp10"], 6);
        // Line with a = 2, b = 1: residuals r = 2x + 1 - y = (0, 0, 0) → sse = 0, gradients 0.
        Assert.Equal(0.0, values["sse"], 12);
        Assert.Equal(0.0, values["da"], 12);
        Assert.Equal(0.0, values["db"], 12);
        // The exact line through the three points: a = 2, b = 1.
        Assert.Equal(2.0, values["a"], 6);
        Assert.Equal(1.0, values["b"], 6);
    }
}
