using System.Collections.Generic;

namespace LossGen.Generator.Parsing;

/// <summary>A node of the formula's syntax tree, with the span of formula text it covers.</summary>
internal abstract class ExprSyntax
{
    protected ExprSyntax(int start, int end, int height = 1)
    {
        Start = start;
        End = end;
        Height = height;
    }

    /// <summary>The height of the tree below this node (a leaf is 1); bounded by <see cref="Parser.MaxDepth"/>.</summary>
    public int Height { get; }

    public int Start { get; }

    public int End { get; }

    public int Length => End - Start;
}

internal sealed class NumberSyntax(double value, string text, int start, int end) : ExprSyntax(start, end)
{
    public double Value { get; } = value;

    public string Text { get; } = text;
}

internal sealed class NameSyntax(string name, int start, int end) : ExprSyntax(start, end)
{
    public string Name { get; } = name;
}

internal sealed class CallSyntax(string name, int nameStart, IReadOnlyList<ExprSyntax> arguments, int start, int end) : ExprSyntax(start, end, 1 + MaxHeight(arguments))
{
    public string Name { get; } = name;

    public int NameStart { get; } = nameStart;

    public IReadOnlyList<ExprSyntax> Arguments { get; } = arguments;

    private static int MaxHeight(IReadOnlyList<ExprSyntax> arguments)
    {
        int height = 0;
        foreach (ExprSyntax argument in arguments)
        {
            height = System.Math.Max(height, argument.Height);
        }
        return height;
    }
}

internal sealed class UnarySyntax(TokenKind op, ExprSyntax operand, int start, int end) : ExprSyntax(start, end, operand.Height + 1)
{
    public TokenKind Operator { get; } = op;

    public ExprSyntax Operand { get; } = operand;
}

internal sealed class BinarySyntax(TokenKind op, ExprSyntax left, ExprSyntax right, int operatorStart, int operatorLength) : ExprSyntax(left.Start, right.End, 1 + System.Math.Max(left.Height, right.Height))
{
    public TokenKind Operator { get; } = op;

    public ExprSyntax Left { get; } = left;

    public ExprSyntax Right { get; } = right;

    public int OperatorStart { get; } = operatorStart;

    public int OperatorLength { get; } = operatorLength;
}

internal sealed class ParenthesizedSyntax(ExprSyntax inner, int start, int end) : ExprSyntax(start, end, inner.Height)
{
    public ExprSyntax Inner { get; } = inner;
}

internal sealed class ConditionalSyntax(ExprSyntax condition, ExprSyntax whenTrue, ExprSyntax whenFalse) : ExprSyntax(condition.Start, whenFalse.End, 1 + System.Math.Max(condition.Height, System.Math.Max(whenTrue.Height, whenFalse.Height)))
{
    public ExprSyntax Condition { get; } = condition;

    public ExprSyntax WhenTrue { get; } = whenTrue;

    public ExprSyntax WhenFalse { get; } = whenFalse;
}

/// <summary>A gather <c>row[index]</c>: the component of a row at a per-sample class index.</summary>
internal sealed class IndexSyntax(ExprSyntax row, ExprSyntax index, int end) : ExprSyntax(row.Start, end, 1 + System.Math.Max(row.Height, index.Height))
{
    public ExprSyntax Row { get; } = row;

    public ExprSyntax Index { get; } = index;
}

/// <summary>A let-binding <c>name = value;</c>.</summary>
internal sealed class BindingSyntax(string name, int nameStart, int nameLength, ExprSyntax value)
{
    public string Name { get; } = name;

    public int NameStart { get; } = nameStart;

    public int NameLength { get; } = nameLength;

    public ExprSyntax Value { get; } = value;
}

/// <summary>A whole formula: let-bindings, then the loss expression.</summary>
internal sealed class FormulaSyntax(IReadOnlyList<BindingSyntax> bindings, ExprSyntax body)
{
    public IReadOnlyList<BindingSyntax> Bindings { get; } = bindings;

    public ExprSyntax Body { get; } = body;
}
