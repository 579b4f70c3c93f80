using LossGen.Generator.Declarations;
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

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<LossDeclaration> declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DeclarationReader.AttributeMetadataName,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => DeclarationReader.Read((IMethodSymbol)ctx.TargetSymbol, (MethodDeclarationSyntax)ctx.TargetNode, ctx.Attributes.Length > 0 ? ctx.Attributes[0] : null, ct))
            .WithTrackingName(DeclarationStep);

        IncrementalValuesProvider<GeneratedSource?> sources = declarations
            .Select(static (declaration, _) => LossCompiler.Compile(declaration).Source)
            .WithTrackingName(SourceStep);

        context.RegisterSourceOutput(sources, static (spc, source) =>
        {
            if (source is not null)
            {
                spc.AddSource(source.HintName, source.Text);
            }
        });
    }
}
