using System.Collections.Generic;
using System.Globalization;
using System.Text;
using LossGen.Generator.Emit;
using LossGen.Generator.Helpers;

namespace LossGen.Generator.Diagnostics;

/// <summary>A diagnostic with the file and span it points at, as plain values (the generator's diagnostics projection).</summary>
internal sealed record LocatedDiagnostic(DiagnosticInfo Info, string FilePath, int Start, int Length);

/// <summary>
/// LG diagnostics are reported twice over, on purpose: by the generator, so that they reach the user
/// whatever else is wrong (the compiler skips analyzers when a compilation has errors, and builds may
/// turn analyzers off), and by the analyzer, so that the IDE shows them live as the formula is typed.
/// To report each only once, the generator writes a marker line into the declaration's file naming
/// the method and a hash of the diagnostics it reported; the analyzer stays silent for a declaration
/// whose generated file carries the marker of exactly the diagnostics it would report (it speaks only
/// where the generator has not run yet, or ran on older text).
/// </summary>
internal static class ReportedDiagnostics
{
    /// <summary>The prefix of every marker line.</summary>
    public const string MarkerPrefix = "// LossGen reported diagnostics for ";

    /// <summary>The marker line for <paramref name="diagnostics"/> of the method <paramref name="key"/>; null when there are none.</summary>
    public static string? Marker(MethodKey key, IReadOnlyList<DiagnosticInfo> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return null;
        }
        var text = new StringBuilder();
        foreach (DiagnosticInfo d in diagnostics)
        {
            text.Append(d.Id).Append('|').Append(string.Join("\u001f", d.Arguments)).Append('|')
                .Append((int)d.Target).Append('|').Append(d.Start).Append('|').Append(d.Length).Append('|').Append(d.Index).Append('\u001e');
        }
        return MarkerPrefix + GeneratedText.Comment(key.Signature) + ": " + Fnv64(text.ToString()).ToString("x16", CultureInfo.InvariantCulture);
    }

    /// <summary>Places the diagnostics of one declaration at their source spans.</summary>
    public static EquatableArray<LocatedDiagnostic> Locate(IEnumerable<DiagnosticInfo> diagnostics, Declarations.SourceAnchors anchors)
    {
        var located = new List<LocatedDiagnostic>();
        foreach (DiagnosticInfo info in diagnostics)
        {
            Declarations.SourceSpan span = anchors.Locate(info);
            located.Add(new LocatedDiagnostic(info, anchors.FilePath, span.Start, span.Length));
        }
        return located.ToEquatableArray();
    }

    private static ulong Fnv64(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text)
        {
            hash = unchecked((hash ^ c) * 1099511628211UL);
        }
        return hash;
    }
}
