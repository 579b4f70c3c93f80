using System.Xml.Linq;
using LossGen.Generator.Tests.Docs;

namespace LossGen.Generator.Tests.Diagnostics;

/// <summary>The diagnostics' help links start at the project's home as Directory.Build.props states it (the one place).</summary>
public class HelpLinkTests
{
    [Fact]
    public void EveryHelpLinkIsTheDiagnosticsSectionAtTheRepositoryUrlOfDirectoryBuildProps()
    {
        XDocument props = XDocument.Load(Path.Combine(DocCodeBlocks.RepositoryRoot, "Directory.Build.props"));
        string url = props.Descendants("LossGenRepositoryUrl").Single().Value.Trim();
        string branch = props.Descendants("LossGenRepositoryBranch").Single().Value.Trim();
        Assert.StartsWith("https://", url, StringComparison.Ordinal);
        foreach (var descriptor in new LossDiagnosticAnalyzer().SupportedDiagnostics)
        {
            Assert.Equal($"{url}/blob/{branch}/docs/diagnostics.md#{descriptor.Id.ToLowerInvariant()}", descriptor.HelpLinkUri);
        }
    }
}
