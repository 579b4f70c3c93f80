using System.Globalization;
using System.Text.RegularExpressions;
using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace LossGen.Generator.Tests.Docs;

/// <summary>
/// The message examples of docs/diagnostics.md (its <c>text</c> blocks: a formula or a parameter, two or more spaces,
/// the message; a message too long for the line continues on the next, indented) are what the generator says today:
/// each example is compiled and must draw its section's diagnostic with exactly that message (after the lead-in of
/// LG0001's messages). Formulas are declared with the inputs p, y, a and b; a parameter is added to a declaration with
/// the inputs p and y.
/// </summary>
public partial class DocMessageExampleTests
{
    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string id, string example, string message) in Read())
        {
            data.Add(id, example, message);
        }
        return data;
    }

    [Fact]
    public void TheDiagnosticsPageHasMessageExamples() =>
        Assert.True(Read().Select(e => e.Id).Distinct().Count() >= 4, "docs/diagnostics.md: message examples of LG0001, LG0002, LG0003 and LG0022 expected");

    [Theory]
    [MemberData(nameof(Examples))]
    public void TheMessageIsTheGeneratorsMessage(string id, string example, string message)
    {
        string declaration = example.StartsWith("Span<", StringComparison.Ordinal)
            ? $"[Loss(\"(p - y)^2\")] public static partial float M(ReadOnlySpan<float> p, ReadOnlySpan<float> y, {example});"
            : $"[Loss(@\"{example}\")] public static partial float M(ReadOnlySpan<float> p, ReadOnlySpan<float> y, ReadOnlySpan<float> a, ReadOnlySpan<float> b);";
        HarnessResult result = GeneratorHarness.Run("using System;\nusing LossGen;\npublic static partial class C\n{\n    " + declaration + "\n}\n");
        List<Diagnostic> diagnostics = result.LossGenDiagnostics;
        Assert.True(
            diagnostics.Any(d => d.Id == id && IsMessage(d.GetMessage(CultureInfo.InvariantCulture), message)),
            $"docs/diagnostics.md, {id}: '{example}' should draw \"{message}\"; it draws:\n" + string.Join("\n", diagnostics.Select(d => d.Id + ": " + d.GetMessage(CultureInfo.InvariantCulture))));
    }

    /// <summary>The documented text is the whole message, or all of it after LG0001's lead-in ("Syntax error in loss formula: "), not any tail of it.</summary>
    private static bool IsMessage(string actual, string documented) =>
        actual == documented || actual == "Syntax error in loss formula: " + documented;

    [GeneratedRegex(@"^(?<example>\S.*?)\s{2,}(?<message>\S.*)$")]
    private static partial Regex ExampleLine();

    private static List<(string Id, string Example, string Message)> Read()
    {
        string[] lines = File.ReadAllLines(Path.Combine(DocCodeBlocks.RepositoryRoot, "docs", "diagnostics.md"));
        var examples = new List<(string Id, string Example, string Message)>();
        string? section = null;
        string? pending = null;
        bool inText = false;
        foreach (string line in lines)
        {
            if (!inText && line.StartsWith("## LG", StringComparison.Ordinal))
            {
                section = line.Substring(3).Trim();
            }
            else if (!inText && line.Trim() == "```text")
            {
                inText = section is not null;
            }
            else if (inText && line.StartsWith("```", StringComparison.Ordinal))
            {
                Assert.True(pending is null, $"docs/diagnostics.md, {section}: the example '{pending}' has no message");
                inText = false;
            }
            else if (inText && line.Trim().Length > 0)
            {
                if (char.IsWhiteSpace(line[0]))
                {
                    Assert.True(pending is not null, $"docs/diagnostics.md, {section}: an indented message line without an example: {line}");
                    examples.Add((section!, pending!, line.Trim()));
                    pending = null;
                }
                else if (ExampleLine().Match(line) is { Success: true } match)
                {
                    examples.Add((section!, match.Groups["example"].Value, match.Groups["message"].Value));
                }
                else
                {
                    Assert.True(pending is null, $"docs/diagnostics.md, {section}: the example '{pending}' has no message");
                    pending = line.Trim();
                }
            }
        }
        return examples;
    }
}
