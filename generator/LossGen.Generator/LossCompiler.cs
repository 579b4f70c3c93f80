using System;
using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Binding;
using LossGen.Generator.Declarations;
using LossGen.Generator.Diagnostics;
using LossGen.Generator.Emit;
using LossGen.Generator.Helpers;
using LossGen.Generator.Parsing;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator;

/// <summary>A generated file: the method it belongs to (its hint name is given by <see cref="HintNames"/>) and its text.</summary>
internal sealed record GeneratedSource(MethodKey Key, string Text);

/// <summary>Everything the pipeline makes of one declaration: diagnostics, the file where a body can be written, and the trainer adapter where the shape has one.</summary>
internal sealed record CompileResult(EquatableArray<DiagnosticInfo> Diagnostics, GeneratedSource? Source, AdapterModel? Adapter = null);

/// <summary>
/// The pipeline after the Roslyn-facing transform, as one pure function of a <see cref="LossDeclaration"/>:
/// parse → bind → derive (symbolic) → emit. The generator keeps its <see cref="CompileResult.Source"/>;
/// the analyzer reports its <see cref="CompileResult.Diagnostics"/> at real source locations.
/// </summary>
internal static class LossCompiler
{
    /// <summary>Runs every stage; with <paramref name="emit"/> false (the analyzer's use) it stops after the symbolic stage and produces no text.</summary>
    public static CompileResult Compile(LossDeclaration declaration, bool emit = true)
    {
        var diagnostics = new List<DiagnosticInfo>();
        try
        {
            string? text = CompileInto(declaration, diagnostics, emit, out AdapterModel? adapter);
            return emit ? Result(declaration, diagnostics, text, adapter) : new CompileResult(diagnostics.ToEquatableArray(), null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug in LossGen must surface as a diagnostic, never as a generator crash (CS8785).
            diagnostics.Add(DiagnosticInfo.AtMethod(DiagnosticDescriptors.InternalError.Id, exception.GetType().Name + ": " + exception.Message));
            return Result(declaration, diagnostics, null, null);
        }
    }

    /// <summary>The generator's diagnostics projection: the declaration's diagnostics placed at their source spans.</summary>
    public static EquatableArray<LocatedDiagnostic> Diagnose(LossTarget target)
    {
        if (target.Declaration is null)
        {
            var failure = DiagnosticInfo.AtMethod(DiagnosticDescriptors.InternalError.Id, target.ReadFailure ?? "the declaration could not be read");
            return target.Anchors is null
                ? new[] { new LocatedDiagnostic(failure, "", 0, 0) }.ToEquatableArray()
                : ReportedDiagnostics.Locate(new[] { failure }, target.Anchors);
        }
        CompileResult result = Compile(target.Declaration, emit: false);
        return target.Anchors is null ? EquatableArray<LocatedDiagnostic>.Empty : ReportedDiagnostics.Locate(result.Diagnostics, target.Anchors);
    }

    private static string? CompileInto(LossDeclaration declaration, List<DiagnosticInfo> diagnostics, bool emit, out AdapterModel? adapter)
    {
        adapter = null;
        LossSignature signature = SignatureBinder.Bind(declaration, diagnostics);
        if (declaration.Formula is null)
        {
            return null;
        }
        ParseResult parsed = Parser.Parse(declaration.Formula);
        if (parsed.Error is not null)
        {
            diagnostics.Add(parsed.Error);
            return null;
        }
        BoundFormula? bound = FormulaBinder.Bind(parsed.Formula!, ref signature, declaration.Formula.Length, diagnostics);
        if (signature.IsRowLoss && signature.RowInputs.Count == 0 && !diagnostics.Any(d => d.IsError))
        {
            diagnostics.Add(DiagnosticInfo.At(DiagnosticTargetKind.RowLength, DiagnosticDescriptors.RowLengthWithoutRows.Id, -1));
        }
        if (bound is null)
        {
            return null;
        }
        if (diagnostics.Any(d => d.IsError))
        {
            return null;
        }
        ReportUnusedInputs(bound, signature, diagnostics);
        DerivedLoss derived;
        try
        {
            derived = DerivedLoss.Derive(bound, signature);
        }
        catch (GraphTooLargeException)
        {
            diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.FormulaTooLarge.Id, 0, declaration.Formula.Length,
                "its derivatives need more than " + ExprGraph.MaxNodes + " nodes", ExprGraph.MaxNodes + " nodes"));
            return null;
        }
        if (!emit)
        {
            return null;
        }
        adapter = signature.IsRowLoss ? null : AdapterModel.For(declaration, signature);
        if (signature.IsRowLoss && signature.RowLength is > 0 and <= RowExpansion.MaxUnrolled)
        {
            DerivedLoss unrolled = RowExpansion.Expand(derived, signature.RowLength, signature);
            return SourceEmitter.Emit(declaration, Planning.KernelPlanner.Plan(unrolled, signature, derived, signature.RowLength));
        }
        if (signature.IsRowLoss)
        {
            return SourceEmitter.EmitRows(declaration, Planning.RowKernelPlanner.Plan(derived, signature));
        }
        return SourceEmitter.Emit(declaration, Planning.KernelPlanner.Plan(derived, signature));
    }

    private static void ReportUnusedInputs(BoundFormula bound, LossSignature signature, List<DiagnosticInfo> diagnostics)
    {
        var used = new HashSet<int>();
        foreach (int id in bound.Graph.Reachable(new[] { bound.Root }))
        {
            Node n = bound.Graph[id];
            if (n.Op is Op.Input or Op.Scalar or Op.RowInput)
            {
                used.Add((int)n.Value);
            }
        }
        foreach (BoundParameter p in signature.Parameters)
        {
            if (p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput && !used.Contains(p.Index))
            {
                BoundParameter? gradient = signature.Parameters.FirstOrDefault(g => g.Role is ParameterRole.ElementwiseGradient or ParameterRole.ScalarGradient && g.Target == p.Index);
                string suffix = gradient is null ? "" : "; its gradient '" + gradient.Name + "' is filled with zeros";
                diagnostics.Add(DiagnosticInfo.AtParameter(DiagnosticDescriptors.UnusedInput.Id, p.Index, p.Name, suffix));
            }
        }
    }

    private static CompileResult Result(LossDeclaration declaration, List<DiagnosticInfo> diagnostics, string? text, AdapterModel? adapter)
    {
        // A body can only be added to a partial declaration without one, inside partial types.
        bool canEmit = declaration.IsPartial && !declaration.HasImplementation && declaration.ContainingTypes.All(t => t.IsPartial);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        string? marker = ReportedDiagnostics.Marker(declaration.Key, diagnostics);
        string? file = !canEmit ? SourceEmitter.EmitMarkerOnly(declaration, marker)
            : text is not null && errors.Count == 0 ? SourceEmitter.WithMarker(text, marker)
            : SourceEmitter.EmitError(declaration, errors, marker);
        GeneratedSource? source = file is null ? null : new GeneratedSource(declaration.Key, file);
        bool clean = text is not null && canEmit && errors.Count == 0;
        return new CompileResult(diagnostics.ToEquatableArray(), source, clean ? adapter : null);
    }
}
