using System.Collections.Immutable;
using LossGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGen.Generator.Tests.Docs;

/// <summary>
/// Every C# block of README.md, the package README and docs/*.md compiles against the real LossGen
/// runtime with the real generator and analyzer, as it would in a new console project (implicit usings,
/// nullable on): no error and no warning. A block marked <c>expect LGnnnn</c> must draw that diagnostic
/// (and no other LG one); an excerpt of generated code must be what the generator writes. A block of a
/// sample's README must be an excerpt of the sample's own code (and, marked as members, compile too). The
/// conventions are described in docs/publishing.md, "Docs that compile".
/// </summary>
public class DocCodeBlockTests
{
    /// <summary>The global usings of a console project with ImplicitUsings enabled (Microsoft.NET.Sdk).</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    public static TheoryData<string> Blocks() => new(DocCodeBlocks.All.Keys);

    [Fact]
    public void TheDocsHaveCSharpBlocksToCheck()
    {
        // Guards the discovery itself: the README's example and the diagnostics' examples are found.
        Assert.Contains(DocCodeBlocks.All.Values, block => block.Document == "README.md" && block.Code.Contains("[Loss(", StringComparison.Ordinal));
        Assert.True(DocCodeBlocks.All.Values.Count(block => block.Document == "docs/diagnostics.md" && block.ExpectedDiagnostic is not null) >= 25);
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public void CodeBlockCompiles(string id)
    {
        DocCodeBlock block = DocCodeBlocks.All[id];
        if (block.Document.StartsWith("samples/", StringComparison.Ordinal) && block.Kind != SnippetKind.Generated)
        {
            CheckSampleExcerpt(block);
            if (block.Kind == SnippetKind.File)
            {
                return; // an excerpt of the sample's program, which the solution's build compiles
            }
        }
        if (block.Kind == SnippetKind.Generated)
        {
            CheckExcerpt(block);
            return;
        }
        ImmutableArray<Diagnostic> diagnostics = Compile(block);
        if (block.ExpectedDiagnostic is null)
        {
            Assert.True(diagnostics.IsEmpty, $"{id} does not compile cleanly:\n" + string.Join("\n", diagnostics));
        }
        else
        {
            Assert.True(diagnostics.Any(d => d.Id == block.ExpectedDiagnostic), $"{id} should draw {block.ExpectedDiagnostic}; it draws:\n" + string.Join("\n", diagnostics));
            var others = diagnostics.Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal) && d.Id != block.ExpectedDiagnostic).ToList();
            Assert.True(others.Count == 0, $"{id} should draw only {block.ExpectedDiagnostic} of the LG diagnostics; it also draws:\n" + string.Join("\n", others));
        }
    }

    /// <summary>The block's lines (trimmed, blank ones skipped) appear in this order, one after the other, in a file generated for the previous block.</summary>
    private static void CheckExcerpt(DocCodeBlock block)
    {
        Assert.True(block.Previous is not null, $"{block.Id}: a generated excerpt needs a C# block before it on the page");
        (_, GeneratorDriverRunResult run) = CompileWithGenerator(block.Previous!);
        string[] excerpt = Lines(block.Code);
        Assert.NotEmpty(excerpt);
        foreach (SyntaxTree tree in run.GeneratedTrees)
        {
            string[] generated = Lines(tree.GetText().ToString());
            for (int start = 0; start + excerpt.Length <= generated.Length; start++)
            {
                if (generated.AsSpan(start, excerpt.Length).SequenceEqual(excerpt))
                {
                    return;
                }
            }
        }
        Assert.Fail($"{block.Id} is not an excerpt of the code generated for {block.Previous!.Id}. Generated:\n" +
            string.Join("\n\n", run.GeneratedTrees.Select(t => t.FilePath + "\n" + t.GetText())));
    }

    /// <summary>A sample README's block is an excerpt of the sample's own code: its lines (trimmed, blank ones skipped) appear in this order in one of the sample's .cs files (lines between them may be left out, marked or not by <c>// …</c>).</summary>
    private static void CheckSampleExcerpt(DocCodeBlock block)
    {
        string folder = Path.Combine(DocCodeBlocks.RepositoryRoot, Path.GetDirectoryName(block.Document)!);
        // "// …" marks code left out.
        string[] excerpt = Lines(block.Code).Where(line => line != "// …").ToArray();
        Assert.NotEmpty(excerpt);
        foreach (string file in Directory.GetFiles(folder, "*.cs"))
        {
            // In order; lines of the code between them may be left out.
            int matched = 0;
            foreach (string line in Lines(File.ReadAllText(file)))
            {
                if (matched < excerpt.Length && line == excerpt[matched])
                {
                    matched++;
                }
            }
            if (matched == excerpt.Length)
            {
                return;
            }
        }
        Assert.Fail($"{block.Id} is not an excerpt of the sample's code ({string.Join(", ", Directory.GetFiles(folder, "*.cs").Select(Path.GetFileName))}).");
    }

    private static string[] Lines(string text) =>
        text.ReplaceLineEndings("\n").Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();

    private static ImmutableArray<Diagnostic> Compile(DocCodeBlock block)
    {
        (Compilation output, GeneratorDriverRunResult run) = CompileWithGenerator(block);
        ImmutableArray<Diagnostic> analyzer = output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LossDiagnosticAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return analyzer
            .Concat(output.GetDiagnostics())
            .Concat(run.Diagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
    }

    private static (Compilation Output, GeneratorDriverRunResult Run) CompileWithGenerator(DocCodeBlock block)
    {
        // #line maps diagnostics back to the document's own lines.
        string directive = $"#line {block.Line + 1} \"{block.Document}\"\n";
        string source = block.Kind == SnippetKind.Members
            ? "using LossGen;\n\npublic static partial class Snippet\n{\n" + directive + block.Code + "\n#line default\n}\n"
            : directive + block.Code;
        SyntaxTree tree = CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions, path: block.Document);
        bool hasTopLevelStatements = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(ImplicitUsings);
        compilation = compilation
            .AddSyntaxTrees(tree)
            .WithOptions(compilation.Options.WithOutputKind(hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary));
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return (output, driver.GetRunResult());
    }
}
