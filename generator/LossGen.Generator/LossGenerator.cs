using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Emit;
using LossGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGen.Generator;

/// <summary>
/// The incremental generator: <c>[Loss]</c> methods → <see cref="LossDeclaration"/> (the only step
/// that touches Roslyn) → <see cref="LossCompiler.Compile"/> (pure) → one source file per method.
/// Diagnostics are reported by <see cref="LossDiagnosticAnalyzer"/>, which runs the same compiler,
/// so that they carry real, suppressible locations and no pipeline step holds a <c>Location</c>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class LossGenerator : IIncrementalGenerator
{
    /// <summary>Tracking name of the declaration-model step.</summary>
    public const string DeclarationStep = "LossDeclaration";

    /// <summary>Tracking name of the generated-source step.</summary>
    public const string SourceStep = "LossSource";

    /// <summary>Tracking name of the collected trainer-adapter models.</summary>
    public const string AdapterStep = "LossAdapters";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<LossDeclaration> declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.AttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => DeclarationReader.Read((IMethodSymbol)ctx.TargetSymbol, (MethodDeclarationSyntax)ctx.TargetNode, ctx.Attributes.Length > 0 ? ctx.Attributes[0] : null, ct))
            .WithTrackingName(DeclarationStep);

        IncrementalValuesProvider<CompileResult> compiled = declarations
            .Select(static (declaration, _) => LossCompiler.Compile(declaration));

        IncrementalValuesProvider<GeneratedSource?> sources = compiled
            .Select(static (result, _) => result.Source)
            .WithTrackingName(SourceStep);

        // The trainer adapters: float and double overloads of one method share a struct, so the
        // adapters are gathered and grouped; only the (small, value-equatable) models are collected.
        IncrementalValueProvider<EquatableArray<AdapterModel>> adapters = compiled
            .Select(static (result, _) => result.Adapter)
            .Where(static adapter => adapter is not null)
            .Select(static (adapter, _) => adapter!)
            .Collect()
            .Select(static (all, _) => all.ToEquatableArray())
            .WithTrackingName(AdapterStep);

        context.RegisterSourceOutput(sources, static (spc, source) =>
        {
            if (source is not null)
            {
                spc.AddSource(source.HintName, source.Text);
            }
        });

        context.RegisterSourceOutput(adapters, static (spc, all) =>
        {
            foreach (var group in all.GroupBy(a => a.GroupKey).OrderBy(g => g.Key, System.StringComparer.Ordinal))
            {
                if (AdapterEmitter.Emit(group.ToList()) is GeneratedSource source)
                {
                    spc.AddSource(source.HintName, source.Text);
                }
            }
        });
    }
}
