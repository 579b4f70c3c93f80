using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LossGen.Package.Tests;

/// <summary>
/// What <c>dotnet pack</c> of src/LossGen produces, opened as nuget.org would open it: the metadata of
/// the nuspec, the exact list of files, the package README's links, the icon, the symbols package and
/// its SourceLink, the generator under analyzers/dotnet/cs. Expected values come from the repository
/// (Directory.Build.props, git, the files themselves), not from the package.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentsTests(PackedPackage package)
{
    private static readonly string RepositoryUrl = RepoPaths.BuildProperty("LossGenRepositoryUrl");
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    [Fact]
    public void TheNuspecHasTheMetadataNugetOrgShows()
    {
        XElement metadata = Nuspec(package.Nupkg);
        Assert.Equal("LossGen", Value(metadata, "id"));
        Assert.Equal(RepoPaths.BuildProperty("LossGenVersion"), Value(metadata, "version"));
        Assert.False(string.IsNullOrWhiteSpace(Value(metadata, "authors")));
        Assert.Contains("gradient", Value(metadata, "description"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("source-generator", Value(metadata, "tags").Split(' '));

        XElement license = Element(metadata, "license");
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal(RepositoryUrl, Value(metadata, "projectUrl"));
        Assert.Equal("PACKAGE.md", Value(metadata, "readme"));
        Assert.Equal("icon.png", Value(metadata, "icon"));

        XElement repository = Element(metadata, "repository");
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal(RepositoryUrl, repository.Attribute("url")?.Value);
        Assert.Equal(GitHead(), repository.Attribute("commit")?.Value);

        // No runtime dependencies: one empty group for the one target framework.
        XElement group = Assert.Single(Element(metadata, "dependencies").Elements());
        Assert.Equal("net10.0", group.Attribute("targetFramework")?.Value);
        Assert.Empty(group.Elements());
    }

    [Fact]
    public void ThePackageHoldsExactlyTheLibraryTheGeneratorTheReadmeAndTheIcon()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.Nupkg);
        var files = zip.Entries.Select(e => e.FullName).Where(name => !IsPackagingPart(name)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { "LossGen.nuspec", "PACKAGE.md", "analyzers/dotnet/cs/LossGen.Generator.dll", "icon.png", "lib/net10.0/LossGen.dll", "lib/net10.0/LossGen.xml" },
            files);
    }

    [Fact]
    public void TheGeneratorIsARoslynComponentForNetStandard()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.Nupkg);
        using var pe = new PEReader(new MemoryStream(Read(zip, "analyzers/dotnet/cs/LossGen.Generator.dll")));
        MetadataReader reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains("netstandard", references);
        Assert.Contains("Microsoft.CodeAnalysis", references);
        Assert.Contains("Microsoft.CodeAnalysis.CSharp", references);
    }

    [Fact]
    public void ThePackageReadmeIsTheOneInTheRepositoryAndAllItsLinksAreAbsolute()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.Nupkg);
        string readme = System.Text.Encoding.UTF8.GetString(Read(zip, "PACKAGE.md"));
        Assert.Equal(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "LossGen", "PACKAGE.md")), readme);

        MarkdownDocument document = Markdown.Parse(readme);
        Assert.Empty(document.Descendants<HtmlBlock>());
        Assert.Empty(document.Descendants<HtmlInline>());
        var urls = document.Descendants<LinkInline>().Select(link => link.Url ?? "")
            .Concat(document.Descendants<AutolinkInline>().Select(link => link.Url))
            .ToList();
        Assert.NotEmpty(urls);
        foreach (string url in urls)
        {
            Assert.True(Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) && uri.Scheme == "https", $"'{url}' is not an absolute https link");
            // A link into the repository names a file or folder that exists on its main branch.
            foreach (string prefix in new[] { RepositoryUrl + "/blob/main/", RepositoryUrl + "/tree/main/" })
            {
                if (url.StartsWith(prefix, StringComparison.Ordinal))
                {
                    string path = Path.Combine(RepoPaths.Root, url.Substring(prefix.Length).Split('#')[0]);
                    Assert.True(File.Exists(path) || Directory.Exists(path), $"'{url}' points at nothing in the repository");
                }
            }
        }
    }

    [Fact]
    public void TheIconIsA128PixelPng()
    {
        using ZipArchive zip = ZipFile.OpenRead(package.Nupkg);
        byte[] png = Read(zip, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(128, System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void TheSymbolsPackageHoldsTheLibrarysPdbWithSourceLinkIntoTheRepository()
    {
        Assert.True(package.Snupkg is not null, "dotnet pack produced no .snupkg:\n" + package.PackOutput);
        using ZipArchive symbols = ZipFile.OpenRead(package.Snupkg!);
        var files = symbols.Entries.Select(e => e.FullName).Where(name => !IsPackagingPart(name)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "LossGen.nuspec", "lib/net10.0/LossGen.pdb" }, files);
        XElement metadata = Nuspec(package.Snupkg!);
        Assert.Equal("SymbolsPackage", Element(Element(metadata, "packageTypes"), "packageType").Attribute("name")?.Value);

        // The PDB is the library's (same id in the DLL's CodeView entry), and the DLL is deterministic.
        using ZipArchive zip = ZipFile.OpenRead(package.Nupkg);
        using var pe = new PEReader(new MemoryStream(Read(zip, "lib/net10.0/LossGen.dll")));
        var debugDirectory = pe.ReadDebugDirectory();
        Assert.Contains(debugDirectory, entry => entry.Type == DebugDirectoryEntryType.Reproducible);
        CodeViewDebugDirectoryData codeView = pe.ReadCodeViewDebugDirectoryData(debugDirectory.Single(entry => entry.Type == DebugDirectoryEntryType.CodeView));

        using var pdb = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(Read(symbols, "lib/net10.0/LossGen.pdb")));
        MetadataReader reader = pdb.GetMetadataReader();
        Assert.Equal(codeView.Guid, new BlobContentId(reader.DebugMetadataHeader!.Id).Guid);

        string sourceLink = reader.CustomDebugInformation
            .Select(reader.GetCustomDebugInformation)
            .Where(info => reader.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(info.Value)))
            .Single();
        var documents = JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents").EnumerateObject().Select(p => p.Value.GetString()).ToList();
        string expected = RepositoryUrl.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal) + "/" + GitHead() + "/*";
        Assert.Contains(expected, documents);
    }

    private static bool IsPackagingPart(string name) =>
        name is "_rels/.rels" or "[Content_Types].xml" ||
        (name.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal) && name.EndsWith(".psmdcp", StringComparison.Ordinal));

    private static byte[] Read(ZipArchive zip, string name)
    {
        ZipArchiveEntry entry = zip.GetEntry(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not in the package");
        using Stream stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static XElement Nuspec(string packagePath)
    {
        using ZipArchive zip = ZipFile.OpenRead(packagePath);
        XDocument nuspec = XDocument.Load(new MemoryStream(Read(zip, "LossGen.nuspec")));
        return Element(nuspec.Root!, "metadata");
    }

    private static XElement Element(XElement parent, string name) =>
        parent.Elements().SingleOrDefault(e => e.Name.LocalName == name) ?? throw new Xunit.Sdk.XunitException($"<{name}> is missing in <{parent.Name.LocalName}>");

    private static string Value(XElement parent, string name) => Element(parent, name).Value;

    private static string GitHead()
    {
        (int exit, string output) = ProcessRunner.Run("git", "rev-parse HEAD", RepoPaths.Root);
        Assert.True(exit == 0, "git rev-parse HEAD failed: " + output);
        return output.Trim();
    }
}
