using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace LossGen.Generator.Tests.Infrastructure;

/// <summary>
/// A small snapshot helper: compares text with the committed <c>Snapshots/NAME.verified.cs</c> next
/// to the calling test. On a mismatch it writes <c>NAME.received.cs</c> and fails with a unified
/// diff; with <c>LOSSGEN_ACCEPT_SNAPSHOTS=1</c> it (re)writes the verified file instead.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "LOSSGEN_ACCEPT_SNAPSHOTS";

    public static void Verify(string actual, string name, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(SourcePath(callerPath))!, "Snapshots");
        Directory.CreateDirectory(directory);
        string verifiedPath = Path.Combine(directory, name + ".verified.cs");
        string receivedPath = Path.Combine(directory, name + ".received.cs");
        actual = actual.ReplaceLineEndings("\n");

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }
        if (!File.Exists(verifiedPath))
        {
            File.WriteAllText(receivedPath, actual);
            Assert.Fail($"No snapshot {name}.verified.cs yet; the output was written to {name}.received.cs. Review it, then rename it or rerun with {AcceptVariable}=1.");
        }
        string verified = File.ReadAllText(verifiedPath).ReplaceLineEndings("\n");
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, actual);
        Assert.Fail($"Snapshot {name} differs (received written next to it; accept with {AcceptVariable}=1):\n" + UnifiedDiff(verified, actual));
    }

    /// <summary>
    /// The caller's source file on disk. Deterministic CI builds map source paths to "/_/" (the
    /// repository root); those are mapped back through the folder that holds LossGen.sln.
    /// </summary>
    private static string SourcePath(string callerPath)
    {
        if (File.Exists(callerPath))
        {
            return callerPath;
        }
        string relative = callerPath.Replace('\\', '/');
        relative = relative.StartsWith("/_/", StringComparison.Ordinal) ? relative.Substring(3) : relative.TrimStart('/');
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LossGen.sln")))
            {
                return Path.Combine(dir.FullName, relative);
            }
        }
        throw new FileNotFoundException("Cannot locate the test source " + callerPath);
    }

    private static string UnifiedDiff(string expected, string actual)
    {
        DiffPaneModel diff = InlineDiffBuilder.Diff(expected, actual);
        var text = new StringBuilder("--- verified\n+++ received\n");
        var lines = diff.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            bool nearChange = false;
            for (int j = Math.Max(0, i - 3); j <= Math.Min(lines.Count - 1, i + 3); j++)
            {
                nearChange |= lines[j].Type != ChangeType.Unchanged;
            }
            if (!nearChange)
            {
                continue;
            }
            string prefix = lines[i].Type switch
            {
                ChangeType.Inserted => "+",
                ChangeType.Deleted => "-",
                _ => " ",
            };
            text.Append(prefix).Append(lines[i].Text).Append('\n');
        }
        return text.ToString();
    }
}
