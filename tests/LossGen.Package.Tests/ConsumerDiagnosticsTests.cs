using System.Text.RegularExpressions;

namespace LossGen.Package.Tests;

/// <summary>
/// LG diagnostics reach the user of the packed package on the command line whatever else is wrong:
/// with a C# error elsewhere in the project (the compiler then skips analyzers), and with analyzers
/// turned off; each once, at its place in the formula; and a multi-line formula with comments builds.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed partial class ConsumerDiagnosticsTests(PackedPackage package) : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("lossgen-diagnostics-").FullName;

    private const string ThreeBadFormulas = """"
        using System;
        using LossGen;

        Console.WriteLine(MyLosses.Good(new float[] { 1 }, new float[] { 0 }));
        int notAnInt = "a C# error elsewhere";

        static partial class MyLosses
        {
            [Loss("""
                // a multi-line formula with comments is fine
                d = p - y;   // the residual
                d^2
                """)]
            public static partial float Good(ReadOnlySpan<float> p, ReadOnlySpan<float> y);

            [Loss("""
                d = abs(p - y);
                Exp(d)
                """)]
            public static partial float BadFunction(ReadOnlySpan<float> p, ReadOnlySpan<float> y);

            [Loss("(p - y)**2")]
            public static partial float BadOperator(ReadOnlySpan<float> p, ReadOnlySpan<float> y);

            [Loss("(p - y)^2")]
            public static partial float BadGradient(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> gradP);
        }
        """";

    public void Dispose()
    {
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ABuildWithACSharpErrorListsEveryLGErrorOnce(bool analyzersOff)
    {
        string project = Path.Combine(_work, analyzersOff ? "off" : "on");
        ConsumerProject.Write(project, package, ThreeBadFormulas, analyzersOff ? "<RunAnalyzers>false</RunAnalyzers>" : "");
        (int exit, string output) = ConsumerProject.Dotnet("build -c Release -nologo", project, Path.Combine(_work, "packages"));
        Assert.NotEqual(0, exit);

        // The positions are those of "Exp", "**" and "gradP" in the program (line, column).
        var errors = ErrorLine().Matches(output).Select(m => m.Groups["where"].Value + " " + m.Groups["id"].Value).ToList();
        var distinct = errors.Distinct().OrderBy(e => e.Split(' ')[1], StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "(5,16) CS0029", "(22,19) LG0001", "(18,9) LG0003", "(26,103) LG0022" }, distinct.OrderBy(e => e.Split(' ')[1], StringComparer.Ordinal));
        // MSBuild prints each error the same number of times (inline and in its summary); an LG error
        // reported by both the generator and the analyzer would show up more often than the C# error.
        int perError = errors.Count(e => e.EndsWith("CS0029", StringComparison.Ordinal));
        Assert.All(distinct, d => Assert.Equal(perError, errors.Count(e => e == d)));
        Assert.Contains("did you mean 'exp'?", output, StringComparison.Ordinal);
        Assert.Contains("'**' is not an operator", output, StringComparison.Ordinal);
        Assert.Contains("did you mean 'dp'?", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8795", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Program\.cs(?<where>\(\d+,\d+\)): error (?<id>(CS|LG)\d{4})")]
    private static partial Regex ErrorLine();
}
