using Xunit.Abstractions;

namespace LossGen.Tests.Reductions;

/// <summary>
/// Accurate reductions: for n = 10^7 positive terms, a float loss's returned value is within 1e-6
/// relative of the exact sum (computed here in double with compensation), and a double loss's within
/// 1e-12. For contrast the test also reports a plain float loop and a 4-accumulator float sum.
/// </summary>
public class AccurateSumTests(ITestOutputHelper output)
{
    private const int N = 10_000_000;

    private static double CompensatedSum(IEnumerable<double> values)
    {
        double sum = 0, compensation = 0;
        foreach (double x in values)
        {
            double t = sum + x;
            compensation += Math.Abs(sum) >= Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
            sum = t;
        }
        return sum + compensation;
    }

    [Fact]
    public void FloatSumOfTenMillionPositiveTermsIsAccurateToOnePartPerMillion()
    {
        var random = new Random(10);
        var p = new float[N];
        var y = new float[N];
        for (int i = 0; i < N; i++)
        {
            p[i] = (float)random.NextDouble();
        }
        var dp = new float[N];
        float sum = Matrix.MatrixLosses.LogSumF(p.Select(v => v + 0.5f).ToArray(), y, dp, new float[N]);
        float[] q = p.Select(v => v + 0.5f).ToArray();
        double exact = CompensatedSum(q.Select(v => Math.Log(v)));
        double error = Math.Abs(sum - exact) / Math.Abs(exact);

        float naive = 0;
        foreach (float v in q)
        {
            naive += MathF.Log(v);
        }
        var lanes = new float[4];
        for (int i = 0; i < N; i++)
        {
            lanes[i % 4] += MathF.Log(q[i]);
        }
        float fourAccumulators = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
        output.WriteLine($"float, n = 10^7: relative error {error:E2} (plain loop {Math.Abs(naive - exact) / Math.Abs(exact):E2}, 4 accumulators {Math.Abs(fourAccumulators - exact) / Math.Abs(exact):E2})");
        Assert.True(error <= 1e-6, $"relative error {error:E2}");

        // Mean of positive squares as well (the MSE shape).
        float mse = Matrix.MatrixLosses.MseF(p, y, dp, new float[N]);
        double exactMse = CompensatedSum(p.Select(v => (double)v * v)) / N;
        double mseError = Math.Abs(mse - exactMse) / exactMse;
        output.WriteLine($"float MSE, n = 10^7: relative error {mseError:E2}");
        Assert.True(mseError <= 1e-6, $"MSE relative error {mseError:E2}");
    }

    [Fact]
    public void DoubleSumOfTenMillionPositiveTermsIsAccurateTo1e12()
    {
        var random = new Random(11);
        var p = new double[N];
        for (int i = 0; i < N; i++)
        {
            p[i] = random.NextDouble();
        }
        var y = new double[N];
        double mse = Matrix.MatrixLosses.MseD(p, y, new double[N], new double[N]);
        double exact = CompensatedSum(p.Select(v => v * v)) / N;
        double error = Math.Abs(mse - exact) / exact;
        double naive = 0;
        foreach (double v in p)
        {
            naive += v * v;
        }
        output.WriteLine($"double MSE, n = 10^7: relative error {error:E2} (plain loop {Math.Abs(naive / N - exact) / exact:E2})");
        Assert.True(error <= 1e-12, $"relative error {error:E2}");
    }
}
