namespace LossGen.Package.Tests;

/// <summary>Locates the repository (the folder holding LossGen.sln) from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration =>
#if RELEASE
        "Release";
#else
        "Debug";
#endif

    /// <summary>A property as written in the repository's Directory.Build.props (a literal value).</summary>
    public static string BuildProperty(string name)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(Root, "Directory.Build.props"));
        return props.Descendants(name).Single().Value.Trim();
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
