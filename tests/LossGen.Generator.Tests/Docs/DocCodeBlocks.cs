using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;

namespace LossGen.Generator.Tests.Docs;

/// <summary>How a C# block of the docs is compiled; set by an HTML comment <c>&lt;!-- snippet: … --&gt;</c> just before it.</summary>
internal enum SnippetKind
{
    /// <summary>No comment: the block is a whole C# file of a console project (top-level statements allowed).</summary>
    File,

    /// <summary><c>&lt;!-- snippet: members --&gt;</c>: members of a class, compiled inside <c>public static partial class Snippet</c>.</summary>
    Members,

    /// <summary><c>&lt;!-- snippet: generated --&gt;</c>: an excerpt of the code LossGen generates for the previous C# block of the page.</summary>
    Generated,
}

/// <summary>One fenced C# block of README.md, the package README, docs/*.md or a sample's README.</summary>
internal sealed record DocCodeBlock(string Document, int Line, string Code, SnippetKind Kind, string? ExpectedDiagnostic, DocCodeBlock? Previous)
{
    /// <summary>Where the block is: the document and the line of its opening fence.</summary>
    public string Id => Document + ":" + Line;
}

/// <summary>
/// Finds every block fenced as <c>csharp</c>, <c>cs</c> or <c>c#</c> in the user-facing Markdown of the
/// repository, with the snippet comment before it:
/// <c>&lt;!-- snippet: members --&gt;</c>, <c>&lt;!-- snippet: members; expect LG0001 --&gt;</c> (the block
/// must draw that diagnostic), <c>&lt;!-- snippet: generated --&gt;</c>.
/// </summary>
internal static partial class DocCodeBlocks
{
    private static readonly string[] CSharpInfos = { "csharp", "cs", "c#" };

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The documents whose C# blocks must compile, relative to the repository root, '/'-separated.</summary>
    public static IReadOnlyList<string> Documents { get; } =
        new[] { "README.md", "src/LossGen/PACKAGE.md" }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot, "docs"), "*.md").Select(path => "docs/" + Path.GetFileName(path)).Order(StringComparer.Ordinal))
            .Concat(Directory.GetDirectories(Path.Combine(RepositoryRoot, "samples"))
                .Where(folder => File.Exists(Path.Combine(folder, "README.md")))
                .Select(folder => "samples/" + Path.GetFileName(folder) + "/README.md").Order(StringComparer.Ordinal))
            .ToList();

    public static IReadOnlyDictionary<string, DocCodeBlock> All { get; } = Documents.SelectMany(Read).ToDictionary(block => block.Id);

    [GeneratedRegex(@"^<!--\s*snippet:\s*(?<kind>file|members|generated)\s*(;\s*expect\s+(?<id>LG\d{4})\s*)?-->\s*$")]
    private static partial Regex SnippetComment();

    private static IEnumerable<DocCodeBlock> Read(string document)
    {
        string text = File.ReadAllText(Path.Combine(RepositoryRoot, document)).ReplaceLineEndings("\n");
        MarkdownDocument markdown = Markdown.Parse(text, new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build());
        var blocks = markdown.Descendants().ToList();
        DocCodeBlock? previous = null;
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not FencedCodeBlock fence || !CSharpInfos.Contains(fence.Info?.Trim(), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            SnippetKind kind = SnippetKind.File;
            string? expected = null;
            if (i > 0 && blocks[i - 1] is HtmlBlock html && html.Line + html.Lines.Count == fence.Line)
            {
                Match match = SnippetComment().Match(html.Lines.ToString().Trim());
                Assert.True(match.Success, $"{document}:{html.Line + 1}: an HTML comment before a C# block must be a snippet comment, got: {html.Lines}");
                kind = Enum.Parse<SnippetKind>(match.Groups["kind"].Value, ignoreCase: true);
                expected = match.Groups["id"].Success ? match.Groups["id"].Value : null;
            }
            var block = new DocCodeBlock(document, fence.Line + 1, fence.Lines.ToString(), kind, expected, previous);
            previous = block;
            yield return block;
        }
    }

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LossGen.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("LossGen.sln not found above " + AppContext.BaseDirectory);
    }
}
