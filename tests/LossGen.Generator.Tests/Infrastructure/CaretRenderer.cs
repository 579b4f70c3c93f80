using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Infrastructure;

/// <summary>Draws a diagnostic as a snapshot: its id, severity and message, then the source line with carets under the span.</summary>
internal static class CaretRenderer
{
    public static string Render(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        string text = diagnostic.Location.SourceTree!.GetText().Lines[span.StartLinePosition.Line].ToString();
        int start = span.StartLinePosition.Character;
        int end = span.EndLinePosition.Line == span.StartLinePosition.Line ? span.EndLinePosition.Character : text.Length;
        string trimmed = text.TrimStart();
        int indent = text.Length - trimmed.Length;
        string carets = new string(' ', start - indent) + new string('^', Math.Max(1, end - start));
        return $"{diagnostic.Id} {diagnostic.Severity}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}\n{trimmed}\n{carets}";
    }
}
