using LossGen;

namespace LossGen.Tests.Declarations;

/// <summary>
/// One Huber loss written every way a user may write it over several lines: each must generate the
/// same kernel values as the single-line form (MultiLineFormulaTests).
/// </summary>
public static partial class MultiLineLosses
{
    [Loss("d = abs(p - y); d < delta ? 0.5 * d^2 / delta : d - 0.5 * delta")]
    public static partial float HuberOneLine(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    [Loss("""
        // Huber loss, scaled so that it is smooth at |p - y| = delta.
        d = abs(p - y);                // the absolute error

        d < delta
            ? 0.5 * d^2 / delta        // quadratic near zero
            : d - 0.5 * delta          // linear beyond delta; "quotes", */ and --> are fine here
        """)]
    public static partial float HuberRaw(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    [Loss(@"d = abs(p - y); // a verbatim literal, with ""doubled"" quotes in a comment
        d < delta ? 0.5 * d^2 / delta
                  : d - 0.5 * delta")]
    public static partial float HuberVerbatim(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    [Loss("d = abs(p - y);\r\n// CRLF\rd < delta\u0085? 0.5 * d^2 / delta // NEL, LS and PS below\u2028: d - 0.5 * delta\u2029")]
    public static partial float HuberEveryTerminator(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    [Loss("d = abs(p - y);\n" +
          "d < delta ? 0.5 * d^2 / delta : d - 0.5 * delta // concatenated")]
    public static partial float HuberConcatenated(ReadOnlySpan<float> p, ReadOnlySpan<float> y, float delta, Span<float> dp);

    [Loss("""
        d = abs(p - y);
        d < delta ? 0.5 * d^2 / delta : d - 0.5 * delta
        """)]
    public static partial double HuberRawDouble(ReadOnlySpan<double> p, ReadOnlySpan<double> y, double delta, Span<double> dp);
}
