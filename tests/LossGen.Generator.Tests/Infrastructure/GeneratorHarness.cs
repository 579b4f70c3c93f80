using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using LossGen.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace LossGen.Generator.Tests.Infrastructure;

/// <summary>The outcome of running the generator and the analyzer over a source text.</summary>
internal sealed record HarnessResult(
    Compilation Output,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<Diagnostic> CompilerDiagnostics,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<Diagnostic> AnalyzerAloneDiagnostics)
{
    /// <summary>
    /// The LG diagnostics a build shows: the generator's and the analyzer's together (the analyzer
    /// stays silent where the generator has reported the same diagnostics), in source order.
    /// </summary>
    public List<Diagnostic> LossGenDiagnostics => GeneratorDiagnostics.Concat(AnalyzerDiagnostics)
        .Where(d => d.Id.StartsWith("LG", StringComparison.Ordinal))
        .OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();

    public IEnumerable<SyntaxTree> GeneratedTrees => RunResult.GeneratedTrees;

    public string GeneratedText(string methodName) =>
        RunResult.GeneratedTrees.Single(t => Path.GetFileName(t.FilePath).Contains("." + methodName + ".", StringComparison.Ordinal)).GetText().ToString();

    public IEnumerable<Diagnostic> AllDiagnostics => AnalyzerDiagnostics.Concat(CompilerDiagnostics).Concat(GeneratorDiagnostics);
}

/// <summary>Runs <see cref="LossGenerator"/> and <see cref="LossDiagnosticAnalyzer"/> in process, as the compiler would.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        string tpa = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var references = tpa.Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "System.dll" or "netstandard.dll" or "mscorlib.dll"))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
        references.Add(MetadataReference.CreateFromFile(typeof(LossAttribute).Assembly.Location));
        return references.ToImmutableArray();
    });

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "LossGenTestAssembly",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Source{i}.cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new LossGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static HarnessResult Run(params string[] sources)
    {
        CSharpCompilation compilation = CreateCompilation(sources);
        GeneratorDriver driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        ImmutableArray<Diagnostic> analyzerDiagnostics = output
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LossDiagnosticAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        ImmutableArray<Diagnostic> compilerDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
        // The analyzer as the IDE runs it before the generator has produced anything.
        ImmutableArray<Diagnostic> analyzerAlone = compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new LossDiagnosticAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return new HarnessResult(output, analyzerDiagnostics, compilerDiagnostics, generatorDiagnostics, driver.GetRunResult(), analyzerAlone);
    }

    /// <summary>Emits the output compilation and loads it into a collectible context.</summary>
    public static Assembly Load(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException("Compilation failed:\n" + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }
        stream.Position = 0;
        var context = new AssemblyLoadContext("lossgen-test-" + Guid.NewGuid(), isCollectible: true);
        context.Resolving += (ctx, name) => name.Name == "LossGen" ? typeof(LossAttribute).Assembly : null;
        return context.LoadFromStream(stream);
    }
}
