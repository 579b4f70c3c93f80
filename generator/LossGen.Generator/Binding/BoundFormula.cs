using System.Collections.Generic;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Binding;

/// <summary>
/// A formula bound to its declaration: the per-element loss as a node of an <see cref="ExprGraph"/>
/// whose leaves are the inputs (<see cref="Op.Input"/>/<see cref="Op.Scalar"/> with the parameter
/// index as value), plus the let-binding names for readable output.
/// </summary>
internal sealed class BoundFormula
{
    public BoundFormula(ExprGraph graph, int root, IReadOnlyDictionary<int, string> bindingNames)
    {
        Graph = graph;
        Root = root;
        BindingNames = bindingNames;
    }

    public ExprGraph Graph { get; }

    public int Root { get; }

    /// <summary>Node id → the let-binding that names it.</summary>
    public IReadOnlyDictionary<int, string> BindingNames { get; }
}
