using System.Globalization;
using System.Security.Cryptography;

namespace LossGen.Tests.Training;

/// <summary>The real data sets of samples/data (copied next to the tests), parsed and z-scored.</summary>
internal static class RealData
{
    private static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "data", file);

    public static string Sha256(string file) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(PathOf(file))));

    private static double[][] Rows(string file, char separator, int skip = 0) => File.ReadLines(PathOf(file))
        .Skip(skip)
        .Where(line => line.Length > 0)
        .Select(line => line.Split(separator, StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())
        .ToArray();

    /// <summary>442 × 10 diabetes features (z-scored, row-major) and the raw targets.</summary>
    public static (double[] X, double[] Y, int D) Diabetes()
    {
        double[][] rows = Rows("diabetes_data_raw.csv", ' ');
        double[] y = Rows("diabetes_target.csv", ' ').Select(r => r[0]).ToArray();
        return (ZScore(rows), y, rows[0].Length);
    }

    /// <summary>569 × 30 breast-cancer features (z-scored, row-major) and the 0/1 classes.</summary>
    public static (double[] X, double[] Y, int D) BreastCancer()
    {
        double[][] rows = Rows("breast_cancer.csv", ',', skip: 1);
        double[][] features = rows.Select(r => r[..^1]).ToArray();
        return (ZScore(features), rows.Select(r => r[^1]).ToArray(), features[0].Length);
    }

    /// <summary>150 × 4 iris features (z-scored over all rows, row-major) and the classes 0, 1, 2.</summary>
    public static (double[] X, int[] Labels, int D) Iris()
    {
        double[][] rows = Rows("iris.csv", ',', skip: 1);
        double[][] features = rows.Select(r => r[..^1]).ToArray();
        return (ZScore(features), rows.Select(r => (int)r[^1]).ToArray(), features[0].Length);
    }

    /// <summary>Each column minus its mean, over its population standard deviation; rows concatenated.</summary>
    public static double[] ZScore(double[][] rows)
    {
        int n = rows.Length, d = rows[0].Length;
        var x = new double[n * d];
        for (int j = 0; j < d; j++)
        {
            double mean = rows.Average(r => r[j]);
            double sd = Math.Sqrt(rows.Average(r => (r[j] - mean) * (r[j] - mean)));
            for (int i = 0; i < n; i++)
            {
                x[i * d + j] = (rows[i][j] - mean) / sd;
            }
        }
        return x;
    }
}

/// <summary>Small dense linear algebra for the independent reference solutions (Cholesky).</summary>
internal static class Dense
{
    /// <summary>Solves A x = b for a symmetric positive definite A (n × n, row-major) by Cholesky.</summary>
    public static double[] SolveSpd(double[] a, double[] b)
    {
        int n = b.Length;
        var l = new double[n * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i * n + j];
                for (int k = 0; k < j; k++)
                {
                    sum -= l[i * n + k] * l[j * n + k];
                }
                if (i == j)
                {
                    Assert.True(sum > 0, "the matrix is not positive definite");
                    l[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[i * n + j] = sum / l[j * n + j];
                }
            }
        }
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                sum -= l[i * n + k] * y[k];
            }
            y[i] = sum / l[i * n + i];
        }
        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = y[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= l[k * n + i] * x[k];
            }
            x[i] = sum / l[i * n + i];
        }
        return x;
    }

    /// <summary>‖a − b‖ / ‖b‖.</summary>
    public static double RelativeError(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double num = 0, den = 0;
        for (int i = 0; i < a.Length; i++)
        {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return Math.Sqrt(num / den);
    }
}
