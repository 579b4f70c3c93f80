using LossGen.Generator.Tests.Infrastructure;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Planning;

/// <summary>
/// Sigmoid's quotient is refined (<c>DivOnePlus</c>) where the loss value reads it, and one rounded division in float
/// kernels where only derivatives do; double kernels divide once in both cases (their <c>DivOnePlus</c> is a division).
/// Where a kernel also needs the sigmoid's slope, both read one reciprocal r = 1/(1 + e): one division per element.
/// </summary>
public class DerivativeQuotientTests
{
    /// <summary>
    /// The divisions in the per-element kernel's code (comments and the loop's 1/n are not in it): each <c>/</c>, and each
    /// <c>DivOnePlus(a, b)</c>, which divides inside; <c>DivOnePlus(a, b, r)</c> is refined from r without dividing.
    /// (Double <c>Log1pUnit</c> divides inside too, the same in both forms; it is not counted.)
    /// </summary>
    private static int Divisions(string generated)
    {
        int start = generated.IndexOf(" Element(Vector<", StringComparison.Ordinal);
        int end = generated.IndexOf(" ElementOutOfLine(Vector<", start + 1, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "no per-element kernel");
        return generated[start..end].Split('\n')
            .Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            .Sum(line => line.Split(" / ").Length - 1 + Regex.Matches(line, @"DivOnePlus\(\w+, \w+\)").Count);
    }

    /// <summary>The generator's output for <paramref name="declarations"/>, members of one static partial class.</summary>
    private static HarnessResult Run(string declarations)
    {
        HarnessResult result = GeneratorHarness.Run("using System;\nusing LossGen;\n\nnamespace Quotients;\n\npublic static partial class L\n{\n" + declarations + "\n}\n");
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        return result;
    }

    [Fact]
    public void ASigmoidAndItsSlopeShareOneDivision()
    {
        HarnessResult result = Run("""
                // The value reads q = σ(−z_t), the gradient q and its slope.
                [Loss("zt = (2 * y - 1) * z; q = sigmoid(-zt); (0.75 - 0.5 * y) * q^2 * softplus(-zt)")]
                public static partial float Focal(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);

                [Loss("zt = (2 * y - 1) * z; q = sigmoid(-zt); (0.75 - 0.5 * y) * q^2 * softplus(-zt)")]
                public static partial double FocalDouble(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz);

                // Only derivatives read the sigmoid (the gradient) and its slope (the second derivative).
                [Loss("softplus(z) - y * z")]
                public static partial float Logistic(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz, Span<float> d2z);

                // A slope without a sigmoid that any output reads.
                [Loss("softplus(z) - y * z")]
                public static partial float LogisticCurvature(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> d2z);
            """);
        string focal = result.GeneratedText("Focal");
        Assert.Equal(1, Divisions(focal));
        Assert.Contains("Vector<float> q = DivOnePlus(", focal, StringComparison.Ordinal);
        Assert.Equal(1, Divisions(result.GeneratedText("FocalDouble")));
        Assert.Equal(1, Divisions(result.GeneratedText("Logistic")));
        Assert.DoesNotContain("DivOnePlus(", result.GeneratedText("Logistic"), StringComparison.Ordinal);
        Assert.Equal(1, Divisions(result.GeneratedText("LogisticCurvature")));
    }

    [Fact]
    public void OnlyAQuotientThatTheValueReadsIsRefined()
    {
        HarnessResult result = Run("""
                // The gradient σ(z) − y reads the quotient; the value does not.
                [Loss("max(z, 0) - z * y + softplus(-abs(z))")]
                public static partial float Bce(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);

                [Loss("max(z, 0) - z * y + softplus(-abs(z))")]
                public static partial double BceDouble(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz);

                // The value reads q = σ(−z_t) (q² · softplus(−z_t)).
                [Loss("zt = (2 * y - 1) * z; q = sigmoid(-zt); (0.75 - 0.5 * y) * q^2 * softplus(-zt)")]
                public static partial float Focal(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);
            """);
        string bce = result.GeneratedText("Bce"), bceDouble = result.GeneratedText("BceDouble"), focal = result.GeneratedText("Focal");
        Assert.DoesNotContain("DivOnePlus(", bce, StringComparison.Ordinal);
        Assert.Contains(" / (Vector<float>.One + ", bce, StringComparison.Ordinal);
        Assert.Contains("DivOnePlus(", bceDouble, StringComparison.Ordinal);
        Assert.Contains("Vector<float> q = DivOnePlus(", focal, StringComparison.Ordinal);
    }
}
