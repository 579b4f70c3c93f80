using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LossGen.Generator.Diagnostics;
using LossGen.Generator.Parsing;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Binding;

/// <summary>
/// Resolves names (let-bindings, then parameters, then <c>pi</c>), checks functions, arities and the
/// number/truth-value distinction, and builds the DAG of the per-element loss. Recursion follows the
/// syntax tree, whose height the parser bounds. Reports every error it finds, not just the first.
/// </summary>
internal sealed class FormulaBinder
{
    private enum Kind
    {
        Number,
        Truth,
        Error,
    }

    private readonly ExprGraph _graph = new();
    private readonly LossSignature _signature;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly Dictionary<string, (int Node, Kind Kind)> _bindings = new(StringComparer.Ordinal);
    private readonly Dictionary<int, string> _bindingNames = new();

    private FormulaBinder(LossSignature signature, List<DiagnosticInfo> diagnostics)
    {
        _signature = signature;
        _diagnostics = diagnostics;
    }

    /// <summary>The signature with its row inputs: those the formula uses inside a row reduction or indexes (see <see cref="RowVariables"/>).</summary>
    public LossSignature Signature => _signature;

    /// <summary>Binds <paramref name="formula"/>; returns null when it has errors (they are added to <paramref name="diagnostics"/>).</summary>
    public static BoundFormula? Bind(FormulaSyntax formula, LossSignature signature, int formulaLength, List<DiagnosticInfo> diagnostics) =>
        Bind(formula, ref signature, formulaLength, diagnostics);

    /// <summary>Binds <paramref name="formula"/>, first finding the row inputs of a row loss (returned in <paramref name="signature"/>).</summary>
    public static BoundFormula? Bind(FormulaSyntax formula, ref LossSignature signature, int formulaLength, List<DiagnosticInfo> diagnostics)
    {
        if (signature.IsRowLoss)
        {
            signature = signature.WithRowInputs(RowVariables.Find(formula, signature));
        }
        var binder = new FormulaBinder(signature, diagnostics);
        int errorsBefore = diagnostics.Count;
        try
        {
            foreach (BindingSyntax binding in formula.Bindings)
            {
                binder.BindLet(binding);
            }
            (int root, Kind kind) = binder.BindExpression(formula.Body);
            if (kind == Kind.Truth)
            {
                binder.Report(DiagnosticDescriptors.TruthValueAsNumber.Id, formula.Body);
            }
            else if (kind == Kind.Number && binder._graph.IsRow(root))
            {
                diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.RowWhereValueNeeded.Id, formula.Body.Start, formula.Body.Length, "the loss"));
            }
            return diagnostics.Count == errorsBefore ? new BoundFormula(binder._graph, root, binder._bindingNames) : null;
        }
        catch (GraphTooLargeException)
        {
            diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.FormulaTooLarge.Id, 0, formulaLength,
                "its expression graph needs more than " + ExprGraph.MaxNodes.ToString(CultureInfo.InvariantCulture) + " nodes",
                ExprGraph.MaxNodes.ToString(CultureInfo.InvariantCulture) + " nodes"));
            return null;
        }
    }

    private void BindLet(BindingSyntax binding)
    {
        string? clash = null;
        if (_bindings.ContainsKey(binding.Name))
        {
            clash = "an earlier let-binding";
        }
        else
        {
            foreach (BoundParameter parameter in _signature.Parameters)
            {
                if (parameter.Name == binding.Name)
                {
                    clash = "the parameter '" + parameter.Name + "'";
                    break;
                }
            }
        }
        (int node, Kind kind) = BindExpression(binding.Value);
        if (clash is not null)
        {
            _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.DuplicateBinding.Id, binding.NameStart, binding.NameLength, binding.Name, clash));
            // Later uses of the name are not reported again (no cascade of LG0002 for the same cause).
            if (!_bindings.ContainsKey(binding.Name))
            {
                _bindings[binding.Name] = (_graph.Const(0), Kind.Error);
            }
            return;
        }
        _bindings[binding.Name] = (node, kind);
        if (kind == Kind.Number && !OpFacts.IsLeaf(_graph[node].Op) && !_bindingNames.ContainsKey(node))
        {
            _bindingNames[node] = binding.Name;
        }
    }

    private (int Node, Kind Kind) BindExpression(ExprSyntax syntax)
    {
        switch (syntax)
        {
            case NumberSyntax number:
                if (_signature.Element == Declarations.ElementType.Float && float.IsInfinity((float)number.Value))
                {
                    // A float kernel rounds constants to float: 1e39 would silently become +∞.
                    _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.InvalidNumber.Id, number.Start, number.Length, number.Text, "float"));
                    return (_graph.Const(0), Kind.Error);
                }
                return (_graph.Const(number.Value), Kind.Number);
            case NameSyntax name:
                return BindName(name);
            case ParenthesizedSyntax parenthesized:
                return BindExpression(parenthesized.Inner);
            case UnarySyntax unary:
                return BindUnary(unary);
            case BinarySyntax binary:
                return BindBinary(binary);
            case ConditionalSyntax conditional:
            {
                int condition = Truth(conditional.Condition);
                int whenTrue = Number(conditional.WhenTrue);
                int whenFalse = Number(conditional.WhenFalse);
                return (_graph.Select(condition, whenTrue, whenFalse), Kind.Number);
            }
            case CallSyntax call:
                return BindCall(call);
            case IndexSyntax index:
                return BindGather(index);
            default:
                throw new InvalidOperationException("Unknown syntax node " + syntax.GetType().Name);
        }
    }

    private (int, Kind) BindName(NameSyntax name)
    {
        if (_bindings.TryGetValue(name.Name, out var bound))
        {
            return bound.Kind == Kind.Error ? (_graph.Const(0), Kind.Error) : bound;
        }
        foreach (BoundParameter parameter in _signature.Parameters)
        {
            if (parameter.Name != name.Name)
            {
                continue;
            }
            if (parameter.Role == ParameterRole.ElementwiseInput)
            {
                return (_signature.RowInputs.Contains(parameter.Index) ? _graph.RowInput(parameter.Index) : _graph.Input(parameter.Index), Kind.Number);
            }
            if (parameter.Role == ParameterRole.RowLengthParameter)
            {
                return (_graph.RowLength(), Kind.Number);
            }
            if (parameter.Role == ParameterRole.IndexInput)
            {
                _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.ClassIndexOutsideGather.Id, name.Start, name.Length, name.Name));
                return (_graph.Const(0), Kind.Error);
            }
            if (parameter.Role == ParameterRole.ScalarInput)
            {
                return (_graph.Scalar(parameter.Index), Kind.Number);
            }
            if (parameter.Role == ParameterRole.Invalid)
            {
                return (_graph.Const(0), Kind.Error); // already reported on the parameter
            }
        }
        if (name.Name == "pi")
        {
            return (_graph.Const(Math.PI), Kind.Number);
        }
        var known = new List<string>(_bindings.Keys) { "pi" };
        foreach (BoundParameter parameter in _signature.Parameters)
        {
            if (parameter.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput)
            {
                known.Add(parameter.Name);
            }
        }
        _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.UnknownName.Id, name.Start, name.Length, name.Name,
            Suggestions.ForName(name.Name, known, Functions.All)));
        return (_graph.Const(0), Kind.Error);
    }

    private (int, Kind) BindUnary(UnarySyntax unary)
    {
        if (unary.Operator == TokenKind.Bang)
        {
            return (_graph.Not(Truth(unary.Operand)), Kind.Truth);
        }
        int operand = Number(unary.Operand);
        return (unary.Operator == TokenKind.Minus ? _graph.Neg(operand) : operand, Kind.Number);
    }

    private (int, Kind) BindBinary(BinarySyntax binary)
    {
        switch (binary.Operator)
        {
            case TokenKind.AndAnd:
            case TokenKind.OrOr:
            {
                int left = Truth(binary.Left);
                int right = Truth(binary.Right);
                return (binary.Operator == TokenKind.AndAnd ? _graph.And(left, right) : _graph.Or(left, right), Kind.Truth);
            }
            case TokenKind.Less:
            case TokenKind.LessEqual:
            case TokenKind.Greater:
            case TokenKind.GreaterEqual:
            case TokenKind.EqualEqual:
            case TokenKind.NotEqual:
            {
                int left = Number(binary.Left);
                int right = Number(binary.Right);
                Op op = binary.Operator switch
                {
                    TokenKind.Less => Op.Less,
                    TokenKind.LessEqual => Op.LessEqual,
                    TokenKind.Greater => Op.Greater,
                    TokenKind.GreaterEqual => Op.GreaterEqual,
                    TokenKind.EqualEqual => Op.Equal,
                    _ => Op.NotEqual,
                };
                return (_graph.Compare(op, left, right), Kind.Truth);
            }
            default:
            {
                int left = Number(binary.Left);
                int right = Number(binary.Right);
                int node = binary.Operator switch
                {
                    TokenKind.Plus => _graph.Add(left, right),
                    TokenKind.Minus => _graph.Sub(left, right),
                    TokenKind.Star => _graph.Mul(left, right),
                    TokenKind.Slash => _graph.Div(left, right),
                    TokenKind.Caret => _graph.Pow(left, right),
                    _ => throw new InvalidOperationException("Unknown operator " + binary.Operator),
                };
                return (node, Kind.Number);
            }
        }
    }

    /// <summary><c>row[t]</c>: the component of a row at the per-sample class index t (a <c>ReadOnlySpan&lt;int&gt;</c> input).</summary>
    private (int, Kind) BindGather(IndexSyntax index)
    {
        if (!_signature.IsRowLoss)
        {
            Number(index.Row);
            ReportNoRowLength(index.Start, index.Length, "Indexing");
            return (_graph.Const(0), Kind.Error);
        }
        (int row, Kind kind) = BindExpression(index.Row);
        int? classes = ClassIndex(index.Index);
        if (kind == Kind.Error || classes is null)
        {
            return (_graph.Const(0), Kind.Error);
        }
        if (kind == Kind.Truth)
        {
            Report(DiagnosticDescriptors.TruthValueAsNumber.Id, index.Row);
            return (_graph.Const(0), Kind.Error);
        }
        if (!_graph.IsRow(row))
        {
            Report(DiagnosticDescriptors.GatherFromNonRow.Id, index.Row);
            return (_graph.Const(0), Kind.Error);
        }
        return (_graph.Gather(row, _graph.Input(classes.Value)), Kind.Number);
    }

    /// <summary>LG0016, once per formula, and not when RowLength is set but invalid (LG0038 says why).</summary>
    private void ReportNoRowLength(int start, int length, string what)
    {
        if (!_signature.RowLengthInvalid && !_reportedNoRowLength)
        {
            _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.RowWithoutRowLength.Id, start, length, what));
        }
        _reportedNoRowLength = true;
    }

    private bool _reportedNoRowLength;

    /// <summary>The class-index parameter an index names, or null (reported).</summary>
    private int? ClassIndex(ExprSyntax syntax)
    {
        while (syntax is ParenthesizedSyntax parenthesized)
        {
            syntax = parenthesized.Inner;
        }
        string detail = "";
        if (syntax is NameSyntax name)
        {
            foreach (BoundParameter parameter in _signature.Parameters)
            {
                if (parameter.Name == name.Name)
                {
                    if (parameter.Role == ParameterRole.IndexInput)
                    {
                        return parameter.Index;
                    }
                    detail = "; '" + name.Name + "' is " + (parameter.Role == ParameterRole.Invalid ? "not a valid parameter" : "not one");
                }
            }
            if (detail.Length == 0)
            {
                var indices = _signature.Parameters.Where(p => p.Role == ParameterRole.IndexInput).Select(p => p.Name).ToList();
                detail = Suggestions.Closest(name.Name, indices) is string near ? "; did you mean '" + near + "'?" : "; the method declares no input named '" + name.Name + "'";
            }
        }
        else
        {
            detail = "; an expression or a number cannot index a row";
        }
        _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.InvalidClassIndex.Id, syntax.Start, syntax.Length, detail));
        return null;
    }

    /// <summary>sum, mean, logsumexp and one-argument max/min reduce a row to one value per sample.</summary>
    private (int, Kind)? BindRowReduction(CallSyntax call, int[] arguments)
    {
        if (!RowVariables.IsRowReduction(call))
        {
            return null;
        }
        if (!_signature.IsRowLoss)
        {
            ReportNoRowLength(call.NameStart, call.Name.Length, "'" + call.Name + "'");
            return (_graph.Const(0), Kind.Error);
        }
        int x = arguments[0];
        int node = call.Name switch
        {
            "sum" => _graph.RowSum(x),
            "mean" => _graph.Div(_graph.RowSum(x), _graph.RowLength()),
            "logsumexp" => _graph.LogSumExp(x),
            "max" => _graph.RowExtreme(true, x),
            _ => _graph.RowExtreme(false, x),
        };
        return (node, Kind.Number);
    }

    private (int, Kind) BindCall(CallSyntax call)
    {
        var arguments = new int[call.Arguments.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Number(call.Arguments[i]);
        }
        if (BindRowReduction(call, arguments) is (int, Kind) reduced)
        {
            return reduced;
        }
        if (!Functions.TryGet(call.Name, out int arity, out var build))
        {
            _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.UnknownFunction.Id, call.NameStart, call.Name.Length, call.Name,
                Suggestions.ForFunction(call.Name, Functions.All, Functions.Names)));
            return (_graph.Const(0), Kind.Error);
        }
        if (arity != arguments.Length)
        {
            _diagnostics.Add(DiagnosticInfo.AtFormula(DiagnosticDescriptors.WrongArgumentCount.Id, call.Start, call.Length,
                call.Name, arity.ToString(CultureInfo.InvariantCulture), arguments.Length.ToString(CultureInfo.InvariantCulture)));
            return (_graph.Const(0), Kind.Error);
        }
        return (build(_graph, arguments), Kind.Number);
    }

    private int Number(ExprSyntax syntax)
    {
        (int node, Kind kind) = BindExpression(syntax);
        if (kind == Kind.Truth)
        {
            Report(DiagnosticDescriptors.TruthValueAsNumber.Id, syntax);
            return _graph.Const(0);
        }
        return node;
    }

    private int Truth(ExprSyntax syntax)
    {
        (int node, Kind kind) = BindExpression(syntax);
        if (kind == Kind.Number)
        {
            Report(DiagnosticDescriptors.NumberAsTruthValue.Id, syntax);
            return _graph.False();
        }
        return kind == Kind.Error ? _graph.False() : node;
    }

    private void Report(string id, ExprSyntax at) => _diagnostics.Add(DiagnosticInfo.AtFormula(id, at.Start, at.Length));
}
