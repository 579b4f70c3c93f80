using LossGen.Generator.Declarations;
using LossGen.Generator.Helpers;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Planning;

/// <summary>What a kernel input of a run-time row loss is, per row.</summary>
internal enum RowInputKind
{
    /// <summary>A row of K values (loaded a vector at a time along the row).</summary>
    Row,

    /// <summary>One value per sample (broadcast over the row).</summary>
    Sample,

    /// <summary>A class index per sample (broadcast, converted to T).</summary>
    Index,

    /// <summary>A scalar input (broadcast once for the call).</summary>
    Scalar,
}

/// <summary>A kernel input of a run-time row loss.</summary>
internal sealed record RowPlanInput(string Name, RowInputKind Kind);

/// <summary>What one stage of a row's computation is.</summary>
internal enum RowStageKind
{
    /// <summary>Statements of scalar inputs, K and constants only, once per call before the loop over samples.</summary>
    PerCall,

    /// <summary>Statements on per-sample values, once per row (every lane holds the same value).</summary>
    PerSample,

    /// <summary>A pass over the row that reduces a row expression to one per-sample value.</summary>
    Reduce,

    /// <summary>The last pass over the row: the row gradients, stored.</summary>
    Outputs,
}

/// <summary>A row gradient stored by the output pass: the span, the value, and whether it is scaled by 1/n (mean).</summary>
internal sealed record RowStore(string Span, PlanOperand Value);

/// <summary>
/// One stage of a run-time row kernel. A <see cref="RowStageKind.Reduce"/> stage runs its statements for each
/// vector of the row and folds <see cref="Reduced"/> into <see cref="Target"/> with <see cref="Reduction"/>
/// (<see cref="Op.RowSum"/>, <see cref="Op.RowMax"/> or <see cref="Op.RowMin"/>); a per-sample stage runs once.
/// </summary>
internal sealed record RowStage(RowStageKind Kind, EquatableArray<PlanStatement> Statements, string? Target, Op Reduction, PlanOperand? Reduced, EquatableArray<RowStore> Stores, string Comment);

/// <summary>
/// The kernel of a row loss whose row length K is given at run time (or is a constant beyond
/// <see cref="RowExpansion.MaxUnrolled"/>): per row, per-sample statements and passes along the row, vectorized
/// over its K values, in dependency order, then one pass that stores the row gradients. Value-equatable.
/// </summary>
/// <param name="Element">float or double.</param>
/// <param name="Reduction">Mean, Sum or None.</param>
/// <param name="RowLength">The <c>int</c> parameter giving K, or null for a constant K.</param>
/// <param name="ConstantRowLength">K when it is a constant, else 0.</param>
/// <param name="Inputs">The inputs, in parameter order.</param>
/// <param name="Stages">The stages in order: at most one per call (first), then those of each row.</param>
/// <param name="Value">The per-sample loss.</param>
/// <param name="ValueText">The loss as math, for the docs.</param>
/// <param name="Gradients">Every derivative output: row gradients (stored by the output stage), per-sample gradients and scalar gradients (their per-sample value in <see cref="PlanGradient.Core"/>).</param>
/// <param name="Spans">Every span in parameter order.</param>
/// <param name="RowSpans">The spans that hold rows.</param>
/// <param name="IndexSpans">The class-index spans.</param>
/// <param name="LossSpan">The span of per-sample losses (Reduction.None), else null.</param>
/// <param name="ValueOperations">Operations of the value, as written.</param>
/// <param name="TotalOperations">Operations of the value and derivatives, as written.</param>
internal sealed record RowKernelPlan(
    ElementType Element,
    int Reduction,
    string? RowLength,
    int ConstantRowLength,
    EquatableArray<RowPlanInput> Inputs,
    EquatableArray<RowStage> Stages,
    PlanOperand Value,
    string ValueText,
    EquatableArray<PlanGradient> Gradients,
    EquatableArray<string> Spans,
    EquatableArray<string> RowSpans,
    EquatableArray<string> IndexSpans,
    string? LossSpan,
    int ValueOperations,
    int TotalOperations)
{
    public bool Reduces => Reduction != Binding.LossSignature.None;

    public bool IsMean => Reduction == Binding.LossSignature.Mean;
}
