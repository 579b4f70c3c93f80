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
