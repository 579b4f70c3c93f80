using LossGen;
using Xunit.Abstractions;

namespace LossGen.Tests.Reductions;

/// <summary>The identity loss l = p, so that a kernel's returned value is exactly its reduction of the data.</summary>
public static partial class IdentityLosses
{
    [Loss("p", Reduction = Reduction.Sum)]
    public static partial float SumF(ReadOnlySpan<float> p, Span<float> dp);

    [Loss("p")]
    public static partial float MeanF(ReadOnlySpan<float> p, Span<float> dp);
}

/// <summary>
/// Adversarial data for the float reductions of generated kernels, n = 10^7, bounded at the documented
/// ~1e-7 relative against an exact reference (closed forms n·v, exact in double): 10^7 copies of
/// 1 + 2^-20, whose low bits a float accumulator drops once it passes 32, and magnitudes 1e4 and 1e-4
/// mixed (alternating, and in a period of three that does not divide the vector width). Each test
/// also shows that the bound has teeth: a plain float loop violates it, and for 1 + 2^-20 so does the
/// same blocked scheme with float blocks 16 times longer than the kernels' (256 terms per lane
/// instead of 16 before the flush into double).
/// </summary>
public class AdversarialSumTests(ITestOutputHelper output)
{
    private const int N = 10_000_000;
    private const double Bound = 1e-7;

    private static double PlainFloatSum(float[] values)
    {
        float sum = 0;
        foreach (float v in values)
        {
            sum += v;
        }
        return sum;
    }

    /// <summary>The kernels' scheme with another block length: 8 float lanes each summing <paramref name="perLane"/> terms, then flushed into double.</summary>
    private static double BlockedSum(float[] values, int perLane)
    {
        const int lanes = 8;
        double total = 0;
        var acc = new float[lanes];
        for (int start = 0; start < values.Length; start += lanes * perLane)
        {
            Array.Clear(acc);
            int end = Math.Min(values.Length, start + lanes * perLane);
            for (int i = start; i < end; i++)
            {
                acc[i % lanes] += values[i];
            }
            foreach (float a in acc)
            {
                total += a;
            }
        }
        return total;
    }

    private static double Relative(double value, double exact) => Math.Abs(value - exact) / Math.Abs(exact);

    private void Check(string name, float[] values, double exactSum, bool blockLengthMatters)
    {
        float sum = IdentityLosses.SumF(values, new float[values.Length]);
        float mean = IdentityLosses.MeanF(values, new float[values.Length]);
        double sumError = Relative(sum, exactSum);
        double meanError = Relative(mean, exactSum / values.Length);
        double plainError = Relative(PlainFloatSum(values), exactSum);
        double longBlockError = Relative(BlockedSum(values, 256), exactSum);
        double kernelBlockError = Relative(BlockedSum(values, 16), exactSum);
        output.WriteLine($"{name}: Sum {sumError:E2}, Mean {meanError:E2}; plain float loop {plainError:E2}, blocks of 16 per lane {kernelBlockError:E2}, blocks of 256 per lane {longBlockError:E2}");
        Assert.True(sumError <= Bound, $"Sum relative error {sumError:E2}");
        Assert.True(meanError <= Bound, $"Mean relative error {meanError:E2}");
        Assert.True(plainError > Bound, $"the data should defeat a plain float loop ({plainError:E2})");
        if (blockLengthMatters)
        {
            Assert.True(longBlockError > Bound, $"the data should defeat 16x longer float blocks ({longBlockError:E2})");
        }
    }

    [Fact]
    public void TenMillionCopiesOfOnePlusTwoToTheMinus20()
    {
        float v = 1f + MathF.Pow(2, -20);
        var values = new float[N];
        Array.Fill(values, v);
        Check("10^7 x (1 + 2^-20)", values, (double)N * v, blockLengthMatters: true);
    }

    [Fact]
    public void AlternatingMagnitudes()
    {
        var values = new float[N];
        for (int i = 0; i < N; i++)
        {
            values[i] = i % 2 == 0 ? 1e4f : 1e-4f;
        }
        Check("alternating 1e4, 1e-4", values, N / 2 * (double)1e4f + N / 2 * (double)1e-4f, blockLengthMatters: false);
    }

    [Fact]
    public void MagnitudesInAPeriodOfThree()
    {
        var values = new float[N];
        for (int i = 0; i < N; i++)
        {
            values[i] = i % 3 == 0 ? 1e4f : 1e-4f;
        }
        int large = (N + 2) / 3;
        Check("period 3: 1e4, 1e-4, 1e-4", values, large * (double)1e4f + (N - large) * (double)1e-4f, blockLengthMatters: false);
    }
}
