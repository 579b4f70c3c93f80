using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Diagnostics;
using LossGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGen.Generator.Declarations;

/// <summary>A span of source text as two integers.</summary>
internal readonly record struct SourceSpan(int Start, int Length);

/// <summary>
/// Where the parts of one <c>[Loss]</c> declaration stand in its file, as plain values: what a
/// <see cref="DiagnosticInfo"/> (which speaks of "parameter 2" or "formula characters 5–7") needs to
/// become a real source location. Kept apart from <see cref="LossDeclaration"/> so that an edit that
/// only moves a declaration (a line added above it) changes the anchors but not the declaration, and
/// the generated code stays cached.
/// </summary>
internal sealed record SourceAnchors(
    string FilePath,
    SourceSpan MethodName,
    SourceSpan Attribute,
    SourceSpan? Formula,
    FormulaSourceMap? FormulaMap,
    SourceSpan? Reduction,
    EquatableArray<SourceSpan> Parameters,
    EquatableArray<SourceSpan> ContainingTypes,
    SourceSpan? RowLength = null)
{
    /// <summary>Reads the anchors from the method's syntax and the <c>[Loss]</c> attribute on it (if found).</summary>
    public static SourceAnchors Read(MethodDeclarationSyntax method, AttributeSyntax? attribute)
    {
        ExpressionSyntax? formula = attribute?.ArgumentList?.Arguments
            .FirstOrDefault(a => a.NameEquals is null && a.NameColon is null || a.NameColon?.Name.Identifier.Text == "formula")?.Expression;
        AttributeArgumentSyntax? reduction = attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Reduction");
        SourceSpan attributeSpan = Span(attribute is null ? method.Identifier.Span : attribute.Span);
        return new SourceAnchors(
            method.SyntaxTree.FilePath,
            Span(method.Identifier.Span),
            attributeSpan,
            formula is null ? null : Span(formula.Span),
            formula is null ? null : MapOf(formula),
            reduction is null ? null : Span(reduction.Span),
            method.ParameterList.Parameters.Select(p => Span(p.Identifier.Span)).ToEquatableArray(),
            method.Ancestors().OfType<TypeDeclarationSyntax>().Reverse().Select(t => Span(t.Identifier.Span)).ToEquatableArray(),
            attribute?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "RowLength") is { } rowLength ? Span(rowLength.Span) : null);
    }

    /// <summary>The source span a diagnostic points at: down to the characters inside the formula literal where it can be mapped.</summary>
    public SourceSpan Locate(DiagnosticInfo info)
    {
        switch (info.Target)
        {
            case DiagnosticTargetKind.FormulaSpan when FormulaMap?.Map(info.Start, info.Length) is (int start, int length):
                return new SourceSpan(start, length);
            case DiagnosticTargetKind.FormulaSpan:
            case DiagnosticTargetKind.Formula:
                return Formula ?? Attribute;
            case DiagnosticTargetKind.Parameter when info.Index >= 0 && info.Index < Parameters.Count:
                return Parameters[info.Index];
            case DiagnosticTargetKind.ContainingType when info.Index >= 0 && info.Index < ContainingTypes.Count:
                return ContainingTypes[info.Index];
            case DiagnosticTargetKind.Reduction:
                return Reduction ?? Attribute;
            case DiagnosticTargetKind.RowLength:
                return RowLength ?? Attribute;
            default:
                return MethodName;
        }
    }

    private static SourceSpan Span(Microsoft.CodeAnalysis.Text.TextSpan span) => new(span.Start, span.Length);

    /// <summary>The map of a literal or a concatenation of literals; null for anything else (a constant, nameof, an interpolation).</summary>
    internal static FormulaSourceMap? MapOf(ExpressionSyntax expression)
    {
        var parts = new List<FormulaSourceMap>();
        return Collect(expression, parts) ? FormulaSourceMap.Concat(parts) : null;
    }

    private static bool Collect(ExpressionSyntax expression, List<FormulaSourceMap> parts)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Collect(parenthesized.Expression, parts);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Collect(binary.Left, parts) && Collect(binary.Right, parts);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
            {
                SyntaxToken token = literal.Token;
                LiteralKind? kind = token.Kind() switch
                {
                    SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", System.StringComparison.Ordinal) => LiteralKind.Verbatim,
                    SyntaxKind.StringLiteralToken => LiteralKind.Regular,
                    SyntaxKind.SingleLineRawStringLiteralToken => LiteralKind.SingleLineRaw,
                    SyntaxKind.MultiLineRawStringLiteralToken => LiteralKind.MultiLineRaw,
                    _ => null,
                };
                FormulaSourceMap? map = kind is LiteralKind k ? FormulaSourceMap.ForLiteral(k, token.Text, token.SpanStart, token.ValueText) : null;
                if (map is null)
                {
                    return false;
                }
                parts.Add(map);
                return true;
            }
            default:
                return false;
        }
    }
}
