using System.Text.RegularExpressions;

namespace LossGen.Generator.Tests.Diagnostics;

/// <summary>The docs describe what the code does: every diagnostic has its section, every function its row.</summary>
public class DocsConsistencyTests
{
    private static string Docs(string name)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "docs", name);
            if (File.Exists(Path.Combine(dir.FullName, "LossGen.sln")) && File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }
        throw new FileNotFoundException("docs/" + name + " not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void EveryDiagnosticHasASectionInDiagnosticsMd()
    {
        string docs = Docs("diagnostics.md");
        foreach (var descriptor in new LossDiagnosticAnalyzer().SupportedDiagnostics)
        {
            Assert.Contains("## " + descriptor.Id + "\n", docs.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            Assert.Contains(descriptor.Title.ToString(), docs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryDiagnosticIsTrackedInTheReleaseFiles()
    {
        string unshipped = File.ReadAllText(Path.Combine(Path.GetDirectoryName(FindGenerator())!, "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in new LossDiagnosticAnalyzer().SupportedDiagnostics)
        {
            Assert.Matches(new Regex("^" + descriptor.Id + @"\s*\|", RegexOptions.Multiline), unshipped);
        }
    }

    [Fact]
    public void EveryFunctionIsDocumentedInDslMd()
    {
        string docs = Docs("dsl.md");
        foreach (string function in LossGen.Generator.Binding.Functions.Names.Split(", "))
        {
            Assert.Contains("`" + function + "(", docs, StringComparison.Ordinal);
        }
    }

    private static string FindGenerator()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "generator", "LossGen.Generator", "LossGen.Generator.csproj");
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException("generator project not found");
    }
}
