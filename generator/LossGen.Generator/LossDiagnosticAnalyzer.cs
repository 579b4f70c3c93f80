using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace LossGen.Generator;

/// <summary>
/// Reports LossGen's diagnostics live in the IDE. It runs the same <see cref="LossCompiler"/> as the
/// generator and places each <see cref="DiagnosticInfo"/> with the same <see cref="SourceAnchors"/>:
/// inside the formula literal down to the character, else the literal, the parameter, the method name
/// or the containing type. It stays silent for a declaration whose diagnostics the generator has
/// already reported (<see cref="ReportedDiagnostics"/>), so a build shows each diagnostic once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LossDiagnosticAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = DiagnosticDescriptors.All.ToImmutableArray();

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? attributeType = start.Compilation.GetTypeByMetadataName(DeclarationReader.AttributeMetadataName);
            if (attributeType is null)
            {
                return;
            }
            var markers = new Lazy<HashSet<string>>(() => ReadGeneratorMarkers(start.Compilation, start.CancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterSyntaxNodeAction(nodeContext => Analyze(nodeContext, attributeType, markers), SyntaxKind.MethodDeclaration);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType, Lazy<HashSet<string>> generatorMarkers)
    {
        var methodSyntax = (MethodDeclarationSyntax)context.Node;
        if (methodSyntax.AttributeLists.Count == 0 || context.SemanticModel.GetDeclaredSymbol(methodSyntax, context.CancellationToken) is not IMethodSymbol method)
        {
            return;
        }
        AttributeData? attribute = method.GetAttributes().FirstOrDefault(a =>
            SymbolEqualityComparer.Default.Equals(a.AttributeClass, attributeType)
            && a.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).Parent?.Parent == methodSyntax);
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is not AttributeSyntax attributeSyntax)
        {
            return;
        }
        LossDeclaration declaration = DeclarationReader.Read(method, methodSyntax, attribute, context.CancellationToken);
        CompileResult result = LossCompiler.Compile(declaration, emit: false);
        if (result.Diagnostics.Count == 0)
        {
            return;
        }
        // The generator has already reported exactly these diagnostics (see ReportedDiagnostics): stay silent.
        string? marker = ReportedDiagnostics.Marker(declaration.Key, result.Diagnostics);
        if (marker is not null && generatorMarkers.Value.Contains(marker))
        {
            return;
        }
        SourceAnchors anchors = SourceAnchors.Read(methodSyntax, attributeSyntax);
        foreach (DiagnosticInfo info in result.Diagnostics)
        {
            SourceSpan span = anchors.Locate(info);
            Location location = Location.Create(methodSyntax.SyntaxTree, new TextSpan(span.Start, span.Length));
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, info.Arguments.ToArray<object>()));
        }
    }

    /// <summary>The marker lines in the files LossGen's generator has added to this compilation.</summary>
    private static HashSet<string> ReadGeneratorMarkers(Compilation compilation, CancellationToken cancellationToken)
    {
        var markers = new HashSet<string>(StringComparer.Ordinal);
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            if (tree.FilePath.IndexOf(typeof(LossGenerator).FullName, StringComparison.Ordinal) < 0)
            {
                continue;
            }
            SourceText text = tree.GetText(cancellationToken);
            // The marker is the second line of a generated file.
            for (int i = 0; i < Math.Min(2, text.Lines.Count); i++)
            {
                string line = text.Lines[i].ToString();
                if (line.StartsWith(ReportedDiagnostics.MarkerPrefix, StringComparison.Ordinal))
                {
                    markers.Add(line);
                }
            }
        }
        return markers;
    }
}
