using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Declarations;
using LossGen.Generator.Helpers;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Planning;

/// <summary>What an operand of a kernel statement is.</summary>
internal enum OperandKind
{
    /// <summary>A local computed by an earlier statement.</summary>
    Local,

    /// <summary>An element-wise input or a scalar input (a kernel parameter).</summary>
    Parameter,

    /// <summary>A numeric constant.</summary>
    Constant,

    /// <summary>The all-true lane mask.</summary>
    True,

    /// <summary>The all-false lane mask.</summary>
    False,
}

/// <summary>An operand: a local or parameter by name, or a constant by value.</summary>
internal sealed record PlanOperand(OperandKind Kind, string Name, double Value)
{
    public static PlanOperand Local(string name) => new(OperandKind.Local, name, 0);
}

/// <summary>
/// One statement of the per-element kernel: <c>Name = Op(Operands)</c>, with the math it computes
/// (<see cref="Comment"/>) and the stability rewrite it implements, if any (<see cref="Note"/>).
/// <see cref="ForValue"/> says whether the loss value needs it (else only derivatives do).
/// <see cref="Invariant"/> marks a statement of scalar inputs and constants only (<c>posWeight - 1</c>): the same
/// for every element, so <c>Run</c> computes it once before the loop and passes it to the kernel as a parameter.
/// </summary>
internal sealed record PlanStatement(string Name, Op Op, EquatableArray<PlanOperand> Operands, string Comment, string? Note, bool ForValue, bool Invariant = false);

/// <summary>
/// A requested derivative: into the span or <c>out</c> scalar <see cref="Parameter"/>, the derivative
/// with respect to <see cref="Input"/>. The kernel returns <see cref="Core"/>; the loop multiplies by
/// <see cref="Factor"/>/n under the mean (so a constant factor costs nothing per element). A null
/// <see cref="Core"/> is a derivative that is zero whatever the inputs: the loop fills it, the kernel
/// does not compute it.
/// </summary>
/// <param name="Parameter">The output parameter.</param>
/// <param name="Input">The input it is the derivative with respect to.</param>
/// <param name="IsScalar">Whether the output is an <c>out</c> scalar (summed over elements) rather than a span.</param>
/// <param name="Core">What the kernel returns for it; null when the derivative is structurally zero.</param>
/// <param name="Factor">The constant factor applied with 1/n under the mean (1 otherwise).</param>
/// <param name="Derivative">The derivative as math, as the user wrote the formula (for the XML docs).</param>
/// <param name="KernelText">The derivative in terms of the kernel's locals (for the kernel's comment).</param>
/// <param name="Order">1 for a gradient, 2 for a second derivative (<c>d2x</c>).</param>
/// <param name="Hessian">For an entry of the scalar Hessian: the output span, the row and column (row ≤ column), the size k and the column's parameter; else null.</param>
/// <param name="Component">For a row gradient of an unrolled row loss: the component j of the row (<see cref="Parameter"/> is then <c>dz_j</c>, <see cref="Span"/> the span); else -1.</param>
/// <param name="RowSpan">For a row gradient: the span it is stored into.</param>
internal sealed record PlanGradient(string Parameter, string Input, bool IsScalar, PlanOperand? Core, double Factor, string Derivative, string KernelText, int Order = 1, PlanHessianEntry? Hessian = null, int Component = -1, string? RowSpan = null)
{
    public bool IsZero => Core is null;

    /// <summary>The span the output is stored into (element-wise outputs).</summary>
    public string Span => RowSpan ?? Parameter;

    /// <summary>The derivative's symbol: ∂l/∂x, ∂²l/∂x² or ∂²l/∂a∂b.</summary>
    public string Symbol => Hessian is PlanHessianEntry h
        ? (h.Row == h.Column ? "∂²l/∂" + Input + "²" : "∂²l/∂" + Input + "∂" + h.ColumnInput)
        : Order == 2 ? "∂²l/∂" + Input + "²" : "∂l/∂" + Input + (Component >= 0 ? "_" + Component.ToString(System.Globalization.CultureInfo.InvariantCulture) : "");
}

/// <summary>Where an entry of the scalar Hessian goes: <c>Span[Row * Size + Column]</c> and, off the diagonal, its mirror.</summary>
internal sealed record PlanHessianEntry(string Span, int Row, int Column, int Size, string ColumnInput);

/// <summary>
/// The kernel of one declaration, decided before any text is printed: the statements with their
/// names and comments, the loss value, the derivatives with their scales, the zero derivatives, the
/// spans to validate, and the reduction. The emitters are printers of this plan, so every comment
/// they write states a fact of the plan. Value-equatable.
/// </summary>
/// <param name="Element">float or double.</param>
/// <param name="Reduction">Mean, Sum or None (<see cref="Binding.LossSignature"/> constants).</param>
/// <param name="Inputs">The kernel's inputs in parameter order, and whether each is a scalar (broadcast) input.</param>
/// <param name="Statements">The statements in dependency order.</param>
/// <param name="Value">The per-element loss.</param>
/// <param name="ValueText">The per-element loss as math, as written (for the XML docs).</param>
/// <param name="KernelValueText">The per-element loss in terms of the kernel's locals (for the kernel's comment).</param>
/// <param name="Gradients">Every requested derivative, in declaration order.</param>
/// <param name="Spans">Every span parameter, in declaration order: all must have the length of the first.</param>
/// <param name="LossSpan">The span receiving per-element losses (Reduction.None), else null.</param>
/// <param name="ValueOperations">Operations per element for the value, as written (before lowering).</param>
/// <param name="TotalOperations">Operations per element for the value and the derivatives, as written.</param>
/// <param name="RowLength">K for a row loss unrolled over a constant row length (row spans hold n·K values), else 0.</param>
/// <param name="RowSpans">The spans that hold rows (n·K values): row inputs and their gradients.</param>
/// <param name="IndexSpans">The class-index spans (<c>ReadOnlySpan&lt;int&gt;</c>, n values in [0, K)).</param>
internal sealed record KernelPlan(
    ElementType Element,
    int Reduction,
    EquatableArray<PlanInput> Inputs,
    EquatableArray<PlanStatement> Statements,
    PlanOperand Value,
    string ValueText,
    string KernelValueText,
    EquatableArray<PlanGradient> Gradients,
    EquatableArray<string> Spans,
    string? LossSpan,
    int ValueOperations,
    int TotalOperations,
    int RowLength,
    EquatableArray<string> RowSpans,
    EquatableArray<string> IndexSpans)
{
    /// <summary>Whether the kernel reduces to one value (Mean or Sum): only then are there accumulators and sums.</summary>
    public bool Reduces => Reduction != Binding.LossSignature.None;

    /// <summary>Whether the reduction is the mean.</summary>
    public bool IsMean => Reduction == Binding.LossSignature.Mean;

    /// <summary>The derivatives the kernel computes.</summary>
    public IEnumerable<PlanGradient> Computed => Gradients.Where(g => !g.IsZero);

    /// <summary>The statements the kernel executes per vector of elements, in dependency order.</summary>
    public IEnumerable<PlanStatement> PerElement => Statements.Where(s => !s.Invariant);

    /// <summary>The statements computed once per call, before the loop (<see cref="PlanStatement.Invariant"/>), in dependency order.</summary>
    public IEnumerable<PlanStatement> Invariants => Statements.Where(s => s.Invariant);

    /// <summary>
    /// The inputs the per-element kernel takes: every element-wise input, and the scalar inputs that a per-element
    /// statement, a derivative or the value reads (a scalar read only by <see cref="Invariants"/> stays in <c>Run</c>).
    /// </summary>
    public IEnumerable<PlanInput> KernelInputs
    {
        get
        {
            var read = new HashSet<string>(PerElement.SelectMany(s => s.Operands).Concat(Computed.Select(g => g.Core!)).Append(Value)
                .Where(o => o.Kind == OperandKind.Parameter).Select(o => o.Name));
            return Inputs.Where(p => !p.IsScalar || read.Contains(p.KernelName));
        }
    }

    /// <summary>Statements the kernel executes per vector of elements (after lowering and simplification).</summary>
    public int KernelStatements => PerElement.Count();

    /// <summary>Statements computed once per call (<see cref="Invariants"/>).</summary>
    public int InvariantStatements => Statements.Count - KernelStatements;

    /// <summary>Whether a per-element statement calls a transcendental function (see <see cref="KernelPlanner.CallsTranscendental"/>).</summary>
    public bool IsHeavy => KernelPlanner.CallsTranscendental(PerElement);

    /// <summary>
    /// Whether the main loop prefetches its spans (<c>KernelSupport.Prefetch</c>): for kernels that call two or more
    /// transcendental functions (sigmoid's refined division counts), whose vector takes 40 cycles or more, so that the
    /// hardware prefetcher falls behind on data far larger than the caches. Benchmarked at n = 10⁷ (docs/benchmarks.md):
    /// focal 2.32 → 2.07 ns per element (default job), written BCE 1.85 → 1.54; Poisson NLL (one exp, a short body close
    /// to the memory floor) ran 5% slower with it in an exploratory measurement, so one function is not enough.
    /// </summary>
    public bool Prefetches => PerElement.Count(s => OpTable.Of(s.Op).IsTranscendental) >= 2;

    /// <summary>
    /// Vectors per iteration of the main loop: 4 independent chains for light kernels (their latency needs hiding), 2
    /// for kernels with long bodies (<see cref="InterleavesPairs"/>), 1 for other kernels that call a transcendental
    /// function (one exp: a short chain that the processor already overlaps) and for heavy kernels over unrolled rows.
    /// </summary>
    public int VectorsPerIteration => !IsHeavy ? 4 : InterleavesPairs ? 2 : 1;

    /// <summary>
    /// Whether the main loop computes two vectors per iteration with the kernel's statements interleaved (each statement
    /// for the vector at i, then for the vector at i + width) written into the loop itself, instead of calling the
    /// kernel: for element-wise kernels with long bodies (two or more transcendental functions, as for
    /// <see cref="Prefetches"/>; Poisson NLL's one exp gained nothing measurable). Their vector is one long dependent chain
    /// (about 100 cycles for focal loss: exp, the division, log1p) of about 120 instructions, and the processor's
    /// window holds only two or three of them, so one vector per iteration left it waiting on latency; two chains side
    /// by side made focal 17–19% faster at both vector widths (docs/benchmarks.md). Calling the kernel twice instead
    /// leaves the chains one after the other, and an inlined copy per call, each with its special-value paths, made the
    /// JIT spill (measured: slower than one vector); a two-vector kernel method is too large for the JIT to inline into
    /// <c>Run</c>, whose own size sets its inlining budget. Float kernels only: the double BCE kernel, whose exp and log1p
    /// polynomials are twice as long, ran 1.7× slower at n = 10³ with two vectors (6.19 against 3.56–3.65 µs). Kernels
    /// over unrolled rows keep one vector (their body holds K components already; not measured).
    /// </summary>
    public bool InterleavesPairs => Element == ElementType.Float && Prefetches && RowLength == 0 && IndexSpans.Count == 0;

    /// <summary>
    /// Whether the vectors after the main loop (the tail) call the kernel out of line: for heavy kernels, so that
    /// <c>Run</c> inlines only the main loop's copy (same code, same bits), within the JIT's inlining budget.
    /// </summary>
    public bool RemainderOutOfLine => IsHeavy;
}

/// <summary>
/// A kernel input: its parameter name and whether it is a scalar broadcast to every lane; for an unrolled
/// row, the component j it holds (one kernel input per component); for class indices, <see cref="IsIndex"/>.
/// </summary>
internal sealed record PlanInput(string Name, bool IsScalar, int Component = -1, bool IsIndex = false)
{
    /// <summary>The input's name in the kernel: <c>z_3</c> for component 3 of the row z.</summary>
    public string KernelName => Component >= 0 ? Name + "_" + Component.ToString(System.Globalization.CultureInfo.InvariantCulture) : Name;
}
