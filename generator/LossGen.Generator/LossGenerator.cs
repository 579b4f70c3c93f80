using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Diagnostics;
using LossGen.Generator.Emit;
using LossGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace LossGen.Generator;

/// <summary>
/// The incremental generator: <c>[Loss]</c> methods → <see cref="LossTarget"/> (the only step that
/// touches Roslyn: a <see cref="LossDeclaration"/> and its <see cref="SourceAnchors"/>) →
/// <see cref="LossCompiler.Compile"/> (pure) → one source file per method, named by <see cref="HintNames"/>.
/// Diagnostics take a separate projection: value-equatable <see cref="LocatedDiagnostic"/>s, turned
/// into real, <c>#pragma</c>-suppressible locations only in the (uncached) reporting step. The generator
/// never throws: whatever fails for one declaration becomes LG0099 on it, and every other file is still added.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LossGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the first transform (declaration model and source anchors).</summary>
    public const string DeclarationStep = "LossDeclaration";

    /// <summary>Tracking name of the declaration model alone, which decides whether code is regenerated.</summary>
    public const string ModelStep = "LossModel";

    /// <summary>Tracking name of the generated-source step.</summary>
    public const string SourceStep = "LossSource";

    /// <summary>Tracking name of the file names of all methods.</summary>
    public const string HintStep = "LossHintNames";

    /// <summary>Tracking name of the collected trainer-adapter models.</summary>
    public const string AdapterStep = "LossAdapters";

    /// <summary>Tracking name of the located diagnostics of each declaration.</summary>
    public const string DiagnosticStep = "LossDiagnostics";

    /// <summary>Tracking name of the step that joins located diagnostics with the compilation to report them (reruns on every change, by design).</summary>
    public const string ReportStep = "LossDiagnosticsReport";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<LossTarget> targets = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.AttributeMetadataName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (ctx, ct) => DeclarationReader.ReadTarget(ctx, ct))
            .WithTrackingName(DeclarationStep);

        IncrementalValuesProvider<LossDeclaration> declarations = targets
            .Where(static t => t.Declaration is not null)
            .Select(static (t, _) => t.Declaration!)
            .WithTrackingName(ModelStep);

        IncrementalValuesProvider<CompileResult> compiled = declarations
            .Select(static (declaration, _) => LossCompiler.Compile(declaration));

        IncrementalValuesProvider<GeneratedSource?> sources = compiled
            .Select(static (result, _) => result.Source)
            .WithTrackingName(SourceStep);

        // File names need the overload set (only overloads are disambiguated), so the small keys are collected.
        IncrementalValueProvider<EquatableArray<HintName>> hintNames = declarations
            .Select(static (d, _) => d.Key)
            .Collect()
            .Select(static (keys, _) => HintNames.ForMethods(keys))
            .WithTrackingName(HintStep);

        // The trainer adapters: float and double overloads of one method share a struct, so the
        // adapters are gathered and grouped; only the (small, value-equatable) models are collected.
        IncrementalValueProvider<EquatableArray<AdapterModel>> adapters = compiled
            .Select(static (result, _) => result.Adapter)
            .Where(static adapter => adapter is not null)
            .Select(static (adapter, _) => adapter!)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(AdapterStep);

        IncrementalValuesProvider<EquatableArray<LocatedDiagnostic>> diagnostics = targets
            .Select(static (target, _) => LossCompiler.Diagnose(target))
            .WithTrackingName(DiagnosticStep);

        context.RegisterSourceOutput(sources.Combine(hintNames), static (spc, pair) => AddMethodSource(spc, pair.Left, pair.Right));
        context.RegisterSourceOutput(adapters, static (spc, all) => AddAdapterSources(spc, all));
        context.RegisterSourceOutput(
            diagnostics.Where(static d => d.Count > 0).Collect().Combine(context.CompilationProvider).WithTrackingName(ReportStep),
            static (spc, pair) => Report(spc, pair.Left, pair.Right));
    }

    private static void AddMethodSource(SourceProductionContext spc, GeneratedSource? source, EquatableArray<HintName> names)
    {
        if (source is null)
        {
            return;
        }
        try
        {
            string hint = names.FirstOrDefault(n => n.Key.Equals(source.Key))?.Name
                ?? throw new InvalidOperationException("no file name was assigned to " + source.Key.Signature);
            spc.AddSource(hint, SourceText.From(source.Text, System.Text.Encoding.UTF8));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            ReportFailure(spc, source.Key.Signature, exception);
        }
    }

    private static void AddAdapterSources(SourceProductionContext spc, EquatableArray<AdapterModel> all)
    {
        var files = new List<(string Key, AdapterFile File)>();
        foreach (var group in all.GroupBy(a => a.GroupKey).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            try
            {
                if (AdapterEmitter.Emit(group.ToList()) is AdapterFile file)
                {
                    files.Add((group.Key, file));
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ReportFailure(spc, group.Key, exception);
            }
        }
        foreach (var (file, hint) in HintNames.Deduplicate(files.Select(f => (f.File, f.File.HintName)).ToList()))
        {
            try
            {
                spc.AddSource(hint, SourceText.From(file.Text, System.Text.Encoding.UTF8));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ReportFailure(spc, hint, exception);
            }
        }
    }

    private static void Report(SourceProductionContext spc, ImmutableArray<EquatableArray<LocatedDiagnostic>> all, Compilation compilation)
    {
        if (all.IsDefaultOrEmpty)
        {
            return;
        }
        var trees = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            trees[tree.FilePath] = tree;
        }
        foreach (EquatableArray<LocatedDiagnostic> located in all)
        {
            foreach (LocatedDiagnostic d in located)
            {
                try
                {
                    // A real location in the compilation's own tree: #pragma and .editorconfig severities apply.
                    Location location = trees.TryGetValue(d.FilePath, out SyntaxTree? tree) && d.Start + d.Length <= tree.Length
                        ? Location.Create(tree, new TextSpan(d.Start, d.Length))
                        : Location.None;
                    spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(d.Info.Id), location, d.Info.Arguments.ToArray<object>()));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    ReportFailure(spc, d.FilePath, exception);
                }
            }
        }
    }

    private static void ReportFailure(SourceProductionContext spc, string what, Exception exception) =>
        spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None,
            what + ": " + exception.GetType().Name + ": " + exception.Message));
}
