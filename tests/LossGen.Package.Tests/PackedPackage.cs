namespace LossGen.Package.Tests;

/// <summary>
/// src/LossGen packed once for the whole test collection (as the README's local-feed recipe does) into a
/// temporary folder feed: the package and its symbols package.
/// </summary>
public sealed class PackedPackage : IDisposable
{
    public PackedPackage()
    {
        Feed = Path.Combine(Root, "feed");
        // Without a build: the project reference of this test project has built src/LossGen already,
        // and a second build process must not write into its obj/ and bin/ while the solution builds.
        (int exit, string output) = ProcessRunner.Run("dotnet",
            $"pack \"{Path.Combine(RepoPaths.Root, "src", "LossGen", "LossGen.csproj")}\" -c {RepoPaths.Configuration} --no-build -o \"{Feed}\"",
            RepoPaths.Root);
        PackOutput = output;
        if (exit != 0)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + output);
        }
        Nupkg = Directory.GetFiles(Feed, "LossGen.*.nupkg").Single();
        Snupkg = Directory.GetFiles(Feed, "LossGen.*.snupkg").SingleOrDefault();
        Version = Path.GetFileNameWithoutExtension(Nupkg).Substring("LossGen.".Length);
    }

    /// <summary>A temporary folder of the test run; deleted at the end.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("lossgen-package-").FullName;

    public string Feed { get; }

    public string Nupkg { get; }

    /// <summary>The symbols package, or null when pack produced none.</summary>
    public string? Snupkg { get; }

    public string Version { get; }

    public string PackOutput { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The tests that share one packed package.</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackedPackage>
{
    public const string Name = "packed package";
}
