using LossGen.Generator.Tests.Infrastructure;

namespace LossGen.Generator.Tests.Emit;

/// <summary>
/// The XML docs on a generated method state facts of what it computes and where it writes, in the user's terms: a row
/// loss unrolled over a constant K speaks of samples and of its gradient span, a Hessian entry of the span's indices.
/// </summary>
public class GeneratedDocsTests
{
    private static string[] DocLines(string declarations, string method)
    {
        HarnessResult result = GeneratorHarness.Run("using System;\nusing LossGen;\npublic static partial class L\n{\n" + declarations + "\n}\n");
        Assert.Empty(result.LossGenDiagnostics);
        return result.GeneratedText(method).Split('\n').Select(line => line.Trim()).Where(line => line.StartsWith("///", StringComparison.Ordinal)).ToArray();
    }

    [Fact]
    public void AConstantRowLengthLossDocumentsItsRowDerivativeOncePerSample()
    {
        string[] docs = DocLines("""
                [Loss("w * (logsumexp(z) - z[t])", RowLength = "5")]
                public static partial float Ce(ReadOnlySpan<float> z, ReadOnlySpan<int> t, ReadOnlySpan<float> w, Span<float> dz, Span<float> dw);
            """, "Ce");
        Assert.Contains(docs, line => line.StartsWith("/// <para>Per sample: l = ", StringComparison.Ordinal));
        string row = Assert.Single(docs, line => line.StartsWith("/// <para>∂l/∂z", StringComparison.Ordinal));
        Assert.StartsWith("/// <para>∂l/∂z_j = ", row);
        Assert.EndsWith("(written to <c>dz</c>)</para>", row);
        Assert.Contains(docs, line => line.StartsWith("/// <para>∂l/∂w = ", StringComparison.Ordinal) && line.EndsWith("(written to <c>dw</c>)</para>", StringComparison.Ordinal));
        Assert.Contains("/// <para>Rows of K = 5 values, unrolled: one vector holds one component of consecutive samples.</para>", docs);
        Assert.Contains(docs, line => line.StartsWith("/// <para>Operations per sample, as written: ", StringComparison.Ordinal));
        Assert.DoesNotContain(docs, line => line.Contains("dz_", StringComparison.Ordinal) || line.Contains("Per element", StringComparison.Ordinal));
    }

    [Fact]
    public void HessianEntriesAreDocumentedAtTheIndicesOfTheUsersSpan()
    {
        string[] docs = DocLines("""
                [Loss("(a * exp(b * x) - y)^2")]
                public static partial double Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double a, double b, out double da, out double db, Span<double> hessian);
            """, "Fit");
        Assert.Contains(docs, line => line.StartsWith("/// <para>∂²l/∂a² = ", StringComparison.Ordinal) && line.EndsWith("(written to <c>hessian[0]</c>)</para>", StringComparison.Ordinal));
        Assert.Contains(docs, line => line.StartsWith("/// <para>∂²l/∂a∂b = ", StringComparison.Ordinal) && line.EndsWith("(written to <c>hessian[1]</c> and <c>hessian[2]</c>)</para>", StringComparison.Ordinal));
        Assert.Contains(docs, line => line.StartsWith("/// <para>∂²l/∂b² = ", StringComparison.Ordinal) && line.EndsWith("(written to <c>hessian[3]</c>)</para>", StringComparison.Ordinal));
        Assert.DoesNotContain(docs, line => line.Contains("hessian_", StringComparison.Ordinal));
        // The entries are reduced over the elements like the gradients (Mean: divided by n), not stored per element.
        Assert.Contains("/// <para>Reduction Mean: returns (1/n) Σ l_i (NaN when n = 0); derivatives are (1/n) times those of l_i in x_i; "
            + "those of a scalar input a are (1/n) Σ ∂l_i/∂a, the Hessian's entries (1/n) Σ ∂²l_i/∂a∂b.</para>", docs);
    }
}
