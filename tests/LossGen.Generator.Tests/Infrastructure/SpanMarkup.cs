namespace LossGen.Generator.Tests.Infrastructure;

/// <summary>
/// Test markup for expected spans: <c>[|text|]</c> marks where a diagnostic must point. Parse
/// returns the source without the markers and the marked span.
/// </summary>
internal static class SpanMarkup
{
    public static (string Source, int Start, int Length) Parse(string marked)
    {
        int open = marked.IndexOf("[|", StringComparison.Ordinal);
        int close = marked.IndexOf("|]", open + 2, StringComparison.Ordinal);
        if (open < 0 || close < 0)
        {
            throw new ArgumentException("No [| |] markup in: " + marked);
        }
        string source = marked.Remove(close, 2).Remove(open, 2);
        return (source, open, close - open - 2);
    }
}
