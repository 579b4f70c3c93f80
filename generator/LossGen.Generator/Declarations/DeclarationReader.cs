using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LossGen.Generator.Helpers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace LossGen.Generator.Declarations;

/// <summary>
/// The pipeline's first transform: copies what LossGen needs out of Roslyn's symbols and syntax
/// into a <see cref="LossDeclaration"/>. Nothing Roslyn-owned survives past this point.
/// </summary>
internal static class DeclarationReader
{
    public const string AttributeMetadataName = "LossGen.LossAttribute";

    private static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .WithMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.UseSpecialTypes
            | SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers
            | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>
    /// The generator's transform: the declaration model and its source anchors. Never throws (but for
    /// cancellation): a failure becomes <see cref="LossTarget.ReadFailure"/>, reported as LG0099 on the method.
    /// </summary>
    public static LossTarget ReadTarget(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var syntax = (MethodDeclarationSyntax)context.TargetNode;
        AttributeData? attribute = context.Attributes.Length > 0 ? context.Attributes[0] : null;
        SourceAnchors? anchors = null;
        try
        {
            anchors = SourceAnchors.Read(syntax, attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);
            return new LossTarget(Read((IMethodSymbol)context.TargetSymbol, syntax, attribute, cancellationToken), anchors);
        }
        catch (System.Exception exception) when (exception is not System.OperationCanceledException)
        {
            return new LossTarget(null, anchors, exception.GetType().Name + ": " + exception.Message);
        }
    }

    public static LossDeclaration Read(IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData? attribute, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        (string? formula, int reduction, string? rowLength) = ReadAttribute(attribute);

        var parameters = new List<ParameterModel>();
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            ParameterSyntax? parameterSyntax = i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null;
            (ParameterShape shape, ElementType element) = Classify(parameter.Type);
            parameters.Add(new ParameterModel(
                parameter.Name,
                shape,
                element,
                Passing(parameter.RefKind),
                parameter.Type.ToDisplayString(TypeFormat),
                parameterSyntax is null ? "" : string.Join(" ", parameterSyntax.Modifiers.Select(m => m.Text))));
        }

        (ParameterShape returnShape, ElementType returnElement) = Classify(method.ReturnType);
        string returnType = (method.ReturnsByRef ? "ref " : method.ReturnsByRefReadonly ? "ref readonly " : "")
            + method.ReturnType.ToDisplayString(TypeFormat);

        return new LossDeclaration(
            method.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null,
            ReadContainingTypes(method.ContainingType, cancellationToken),
            method.Name,
            string.Join(" ", syntax.Modifiers.Select(m => m.Text)),
            syntax.Modifiers.Any(SyntaxKind.PartialKeyword),
            syntax.Body is not null || syntax.ExpressionBody is not null,
            syntax.TypeParameterList?.ToString() ?? "",
            string.Join(" ", syntax.ConstraintClauses.Select(c => c.ToString())),
            returnType,
            returnShape,
            returnElement,
            method.ReturnsVoid,
            parameters.ToEquatableArray(),
            formula,
            reduction,
            method.ContainingType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", ""),
            syntax.GetLeadingTrivia().Any(t => t.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || t.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia)),
            !method.ContainingType.GetMembers(method.Name + Emit.AdapterModel.Suffix).IsEmpty,
            rowLength,
            method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "System.Runtime.CompilerServices.MethodImplAttribute"));
    }

    private static (string? Formula, int Reduction, string? RowLength) ReadAttribute(AttributeData? attribute)
    {
        if (attribute is null)
        {
            return (null, 0, null);
        }
        string? rowLength = null;
        string? formula = attribute.ConstructorArguments.Length == 1 && !attribute.ConstructorArguments[0].IsNull
            ? attribute.ConstructorArguments[0].Value as string
            : null;
        int reduction = 0;
        foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
        {
            if (named.Key == "Reduction" && named.Value.Value is int value)
            {
                reduction = value;
            }
            if (named.Key == "RowLength" && named.Value.Value is string text)
            {
                rowLength = text;
            }
        }
        return (formula, reduction, rowLength);
    }

    private static EquatableArray<ContainingTypeModel> ReadContainingTypes(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var types = new List<ContainingTypeModel>();
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TypeDeclarationSyntax? declaration = current.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .FirstOrDefault();
            bool isPartial = current.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<TypeDeclarationSyntax>()
                .Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword));
            string keyword = current.IsRecord
                ? (current.IsValueType ? "record struct" : "record")
                : current.TypeKind switch
                {
                    TypeKind.Struct => "struct",
                    TypeKind.Interface => "interface",
                    _ => "class",
                };
            var modifiers = new List<string>();
            if (current.IsStatic)
            {
                modifiers.Add("static");
            }
            if (declaration is not null && declaration.Modifiers.Any(SyntaxKind.RefKeyword))
            {
                modifiers.Add("ref");
            }
            string name = current.Name;
            if (current.TypeParameters.Length > 0)
            {
                name += "<" + string.Join(", ", current.TypeParameters.Select(t => t.Name)) + ">";
            }
            types.Add(new ContainingTypeModel(keyword, name, string.Join(" ", modifiers), isPartial));
        }
        types.Reverse();
        return types.ToEquatableArray();
    }

    private static (ParameterShape, ElementType) Classify(ITypeSymbol type)
    {
        ElementType Element(ITypeSymbol t) => t.SpecialType switch
        {
            SpecialType.System_Single => ElementType.Float,
            SpecialType.System_Double => ElementType.Double,
            SpecialType.System_Int32 => ElementType.Int,
            _ => ElementType.None,
        };

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            && named.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true })
        {
            ElementType element = Element(named.TypeArguments[0]);
            if (element != ElementType.None)
            {
                if (named.Name == "ReadOnlySpan")
                {
                    return (ParameterShape.ReadOnlySpan, element);
                }
                if (named.Name == "Span")
                {
                    return (ParameterShape.Span, element);
                }
            }
            return (ParameterShape.Other, ElementType.None);
        }
        ElementType scalar = Element(type);
        return scalar == ElementType.None ? (ParameterShape.Other, ElementType.None) : (ParameterShape.Scalar, scalar);
    }

    private static ParameterPassing Passing(RefKind refKind) => refKind switch
    {
        RefKind.Out => ParameterPassing.Out,
        RefKind.Ref => ParameterPassing.Ref,
        RefKind.In => ParameterPassing.In,
        RefKind.None => ParameterPassing.Value,
        _ => ParameterPassing.RefReadOnly,
    };
}
