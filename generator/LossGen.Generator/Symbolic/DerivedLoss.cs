using System.Collections.Generic;
using System.Linq;
using LossGen.Generator.Binding;

namespace LossGen.Generator.Symbolic;

/// <summary>A derivative output (first, or second for <c>d2x</c>) and the DAG node that computes it; <see cref="Node"/> is null where the derivative is structurally zero.</summary>
/// For an entry of the scalar Hessian, <see cref="Row"/> and <see cref="Column"/> (≤ Row is never stored: the
/// upper triangle, Row ≤ Column) index the k × k matrix and <see cref="Input"/> is the row's parameter.
/// For a row gradient of an expanded row loss, <see cref="Component"/> is the component j of the row it holds (else -1).
internal sealed record GradientOutput(BoundParameter Parameter, BoundParameter Input, int? Node, int Row = -1, int Column = -1, int Size = 0, int Component = -1)
{
    /// <summary>1 for a gradient, 2 for a second derivative or a Hessian entry.</summary>
    public int Order => Parameter.Role is ParameterRole.ElementwiseSecondDerivative or ParameterRole.ScalarHessian ? 2 : 1;

    /// <summary>Whether this is an entry of the scalar parameters' Hessian.</summary>
    public bool IsHessianEntry => Row >= 0;
}

/// <summary>
/// The symbolic stage's result: the per-element loss and each requested derivative as nodes of one
/// shared DAG, with the operation counts that bound expression swell.
/// </summary>
internal sealed class DerivedLoss
{
    private DerivedLoss(ExprGraph graph, int value, IReadOnlyList<GradientOutput> gradients, IReadOnlyDictionary<int, string> bindingNames)
    {
        Graph = graph;
        Value = value;
        Gradients = gradients;
        BindingNames = bindingNames;
        ValueOperations = graph.CountOperations(new[] { value });
        TotalOperations = graph.CountOperations(Roots);
    }

    public ExprGraph Graph { get; }

    public int Value { get; }

    public IReadOnlyList<GradientOutput> Gradients { get; }

    public IReadOnlyDictionary<int, string> BindingNames { get; }

    /// <summary>Operations for the value alone.</summary>
    public int ValueOperations { get; }

    /// <summary>Operations for the value and every requested derivative together.</summary>
    public int TotalOperations { get; }

    /// <summary>The value and the non-zero derivatives.</summary>
    public IEnumerable<int> Roots => new[] { Value }.Concat(Gradients.Where(g => g.Node is not null).Select(g => g.Node!.Value));

    /// <summary>A derived loss over an existing graph (used by passes that rebuild the graph).</summary>
    public static DerivedLoss Create(ExprGraph graph, int value, IReadOnlyList<GradientOutput> gradients, IReadOnlyDictionary<int, string> bindingNames) =>
        new(graph, value, gradients, bindingNames);

    /// <summary>
    /// Differentiates <paramref name="formula"/> with respect to every input that <paramref name="signature"/> asks a
    /// gradient for, in one reverse sweep; then, for each second-derivative output <c>d2x</c>, differentiates the
    /// first derivative in x again (a second sweep from that node), sharing every node with value and gradients.
    /// </summary>
    public static DerivedLoss Derive(BoundFormula formula, LossSignature signature)
    {
        ExprGraph g = formula.Graph;
        var gradients = new List<GradientOutput>();
        var requested = signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseGradient or ParameterRole.ScalarGradient or ParameterRole.ElementwiseSecondDerivative).ToList();
        Dictionary<int, int> adjoints = requested.Count > 0 ? Differentiator.Adjoints(g, formula.Root) : new Dictionary<int, int>();
        foreach (BoundParameter output in requested)
        {
            BoundParameter input = signature.Parameters[output.Target];
            int leaf = input.Role != ParameterRole.ElementwiseInput ? g.Scalar(input.Index)
                : signature.RowInputs.Contains(input.Index) ? g.RowInput(input.Index) : g.Input(input.Index);
            int? node = adjoints.TryGetValue(leaf, out int d) && !g.IsZero(d) ? d : null;
            if (output.Role == ParameterRole.ElementwiseSecondDerivative && node is int first)
            {
                // The loss of element i depends on x[i] alone, so ∂/∂x of the first derivative is the Hessian's diagonal.
                Dictionary<int, int> second = Differentiator.Adjoints(g, first);
                node = second.TryGetValue(leaf, out int d2) && !g.IsZero(d2) ? d2 : null;
            }
            gradients.Add(new GradientOutput(output, input, node));
        }
        AddHessian(g, signature, adjoints, gradients);
        return new DerivedLoss(g, formula.Root, gradients, formula.BindingNames);
    }

    /// <summary>
    /// The Hessian of the scalar parameters that have gradient outputs, in the order of those outputs: entry
    /// (i, j), i ≤ j, is the derivative in a_j of the first derivative in a_i (a sweep from each first derivative).
    /// </summary>
    private static void AddHessian(ExprGraph g, LossSignature signature, Dictionary<int, int> adjoints, List<GradientOutput> gradients)
    {
        BoundParameter? hessian = signature.Parameters.FirstOrDefault(p => p.Role == ParameterRole.ScalarHessian);
        if (hessian is null)
        {
            return;
        }
        var scalars = signature.Parameters.Where(p => p.Role == ParameterRole.ScalarGradient).Select(p => signature.Parameters[p.Target]).ToList();
        int k = scalars.Count;
        for (int i = 0; i < k; i++)
        {
            int? first = adjoints.TryGetValue(g.Scalar(scalars[i].Index), out int d) && !g.IsZero(d) ? d : null;
            Dictionary<int, int>? sweep = first is int f ? Differentiator.Adjoints(g, f) : null;
            for (int j = i; j < k; j++)
            {
                int? node = sweep is not null && sweep.TryGetValue(g.Scalar(scalars[j].Index), out int h) && !g.IsZero(h) ? h : null;
                gradients.Add(new GradientOutput(hessian, scalars[i], node, i, j, k));
            }
        }
    }
}
