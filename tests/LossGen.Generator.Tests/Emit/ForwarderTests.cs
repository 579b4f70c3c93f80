using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Emit;

/// <summary>
/// The generated body of the user's method forwards to the kernel's <c>Run</c> and is marked for inlining, so that
/// callers call the kernel directly; a <c>[MethodImpl]</c> the user wrote is kept as the only one.
/// </summary>
public class ForwarderTests
{
    private const string Inline = "[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    [Fact]
    public void TheForwarderIsInlinedUnlessTheUserChoseOtherwise()
    {
        const string source = """
            using System;
            using System.Runtime.CompilerServices;
            using LossGen;
            using Impl = System.Runtime.CompilerServices.MethodImplAttribute;

            namespace Forwarders;

            public static partial class L
            {
                [Loss("(p - y)^2")]
                public static partial float Plain(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

                [Loss("(p - y)^2")]
                [MethodImpl(MethodImplOptions.NoInlining)]
                public static partial float Theirs(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

                [Loss("logsumexp(z) - z[t]", RowLength = nameof(k))]
                [Impl(MethodImplOptions.NoOptimization)]
                public static partial float Aliased(ReadOnlySpan<float> z, ReadOnlySpan<int> t, int k, Span<float> dz);

                public static float Call(float[] p, float[] y, float[] dp) => Plain(p, y, dp) + Theirs(p, y, dp);
            }
            """;
        HarnessResult result = GeneratorHarness.Run(source);
        var problems = result.CompilerDiagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(Inline, result.GeneratedText("Plain"), StringComparison.Ordinal);
        Assert.DoesNotContain(Inline, result.GeneratedText("Theirs"), StringComparison.Ordinal);
        Assert.DoesNotContain(Inline, result.GeneratedText("Aliased"), StringComparison.Ordinal);

        // Both still compute the loss: mean of (p − y)² = (1 + 4)/2 each, dp = 2(p − y)/2.
        var call = GeneratorHarness.Load(result.Output).GetType("Forwarders.L")!.GetMethod("Call")!;
        float[] p = { 1, 2 }, y = { 0, 0 }, dp = new float[2];
        Assert.Equal(5f, (float)call.Invoke(null, new object[] { p, y, dp })!);
        Assert.Equal(new[] { 1f, 2f }, dp);
    }
}
