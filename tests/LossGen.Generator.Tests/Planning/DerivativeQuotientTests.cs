using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Planning;

/// <summary>
/// Sigmoid's quotient is refined (<c>DivOnePlus</c>) where the loss value reads it, and one rounded division in float
/// kernels where only derivatives do; double kernels divide once in both cases (their <c>DivOnePlus</c> is a division).
/// </summary>
public class DerivativeQuotientTests
{
    [Fact]
    public void OnlyAQuotientThatTheValueReadsIsRefined()
    {
        const string source = """
            using System;
            using LossGen;

            namespace Quotients;

            public static partial class L
            {
                // The gradient σ(z) − y reads the quotient; the value does not.
                [Loss("max(z, 0) - z * y + softplus(-abs(z))")]
                public static partial float Bce(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);

                [Loss("max(z, 0) - z * y + softplus(-abs(z))")]
                public static partial double BceDouble(ReadOnlySpan<double> z, ReadOnlySpan<double> y, Span<double> dz);

                // The value reads q = σ(−z_t) (q² · softplus(−z_t)).
                [Loss("zt = (2 * y - 1) * z; q = sigmoid(-zt); (0.75 - 0.5 * y) * q^2 * softplus(-zt)")]
                public static partial float Focal(ReadOnlySpan<float> z, ReadOnlySpan<float> y, Span<float> dz);
            }
            """;
        HarnessResult result = GeneratorHarness.Run(source);
        Assert.DoesNotContain(result.CompilerDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        string bce = result.GeneratedText("Bce"), bceDouble = result.GeneratedText("BceDouble"), focal = result.GeneratedText("Focal");
        Assert.DoesNotContain("DivOnePlus(", bce, StringComparison.Ordinal);
        Assert.Contains(" / (Vector<float>.One + ", bce, StringComparison.Ordinal);
        Assert.Contains("DivOnePlus(", bceDouble, StringComparison.Ordinal);
        Assert.Contains("Vector<float> q = DivOnePlus(", focal, StringComparison.Ordinal);
    }
}
