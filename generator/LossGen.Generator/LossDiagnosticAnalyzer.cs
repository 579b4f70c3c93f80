using System.Collections.Immutable;
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
/// Reports LossGen's diagnostics. It runs the same <see cref="LossCompiler"/> as the generator and
/// maps each <see cref="DiagnosticInfo"/> to a real source location: inside the formula literal
/// down to the character where the literal allows it, else the literal, the parameter, the method
/// name or the containing type. Real locations are what make <c>#pragma warning disable</c> work.
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
            start.RegisterSyntaxNodeAction(nodeContext => Analyze(nodeContext, attributeType), SyntaxKind.MethodDeclaration);
        });
    }

    private static void Analyze(SyntaxNodeAnalysisContext context, INamedTypeSymbol attributeType)
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
        foreach (DiagnosticInfo info in result.Diagnostics)
        {
            Location location = Locate(info, attributeSyntax, methodSyntax);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.Get(info.Id), location, info.Arguments.ToArray<object>()));
        }
    }

    private static Location Locate(DiagnosticInfo info, AttributeSyntax attribute, MethodDeclarationSyntax method)
    {
        SyntaxTree tree = method.SyntaxTree;
        ExpressionSyntax? formula = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals is null && a.NameColon is null || a.NameColon?.Name.Identifier.Text == "formula")?.Expression;
        switch (info.Target)
        {
            case DiagnosticTargetKind.FormulaSpan when formula is not null:
                return Location.Create(tree, MapFormulaSpan(formula, info.Start, info.Length));
            case DiagnosticTargetKind.FormulaSpan:
            case DiagnosticTargetKind.Formula:
                return (formula as SyntaxNode ?? attribute).GetLocation();
            case DiagnosticTargetKind.Parameter when info.Index >= 0 && info.Index < method.ParameterList.Parameters.Count:
                return method.ParameterList.Parameters[info.Index].Identifier.GetLocation();
            case DiagnosticTargetKind.ContainingType:
            {
                var types = method.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().ToList();
                return info.Index >= 0 && info.Index < types.Count ? types[info.Index].Identifier.GetLocation() : method.Identifier.GetLocation();
            }
            case DiagnosticTargetKind.Reduction:
            {
                AttributeArgumentSyntax? reduction = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Reduction");
                return (reduction as SyntaxNode ?? attribute).GetLocation();
            }
            default:
                return method.Identifier.GetLocation();
        }
    }

    /// <summary>
    /// Maps characters [start, start + length) of the formula's value to source text. Exact for a
    /// regular literal without escapes, a verbatim literal without doubled quotes and a single-line
    /// raw literal; the whole expression otherwise.
    /// </summary>
    internal static TextSpan MapFormulaSpan(ExpressionSyntax expression, int start, int length)
    {
        if (expression is LiteralExpressionSyntax { Token: var token } && token.IsKind(SyntaxKind.StringLiteralToken) || expression is LiteralExpressionSyntax { Token: var raw } && raw.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
        {
            SyntaxToken literal = ((LiteralExpressionSyntax)expression).Token;
            string text = literal.Text;
            string value = literal.ValueText;
            int prefix = -1;
            if (literal.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
            {
                int quotes = 0;
                while (quotes < text.Length && text[quotes] == '"')
                {
                    quotes++;
                }
                prefix = text.Length == value.Length + 2 * quotes ? quotes : -1;
            }
            else if (text.StartsWith("@\"", System.StringComparison.Ordinal))
            {
                prefix = text.Length == value.Length + 3 ? 2 : -1;
            }
            else if (text.StartsWith("\"", System.StringComparison.Ordinal))
            {
                prefix = text.Length == value.Length + 2 ? 1 : -1;
            }
            if (prefix >= 0 && start >= 0 && start + length <= value.Length)
            {
                return new TextSpan(literal.SpanStart + prefix + start, length);
            }
        }
        return expression.Span;
    }
}
