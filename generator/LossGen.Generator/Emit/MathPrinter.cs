using System;
using System.Collections.Generic;
using System.Globalization;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Emit;

/// <summary>
/// Prints DAG nodes as plain infix math for comments and XML docs. Shared sub-expressions are
/// printed in full up to a length bound; past it, named nodes (let-bindings, locals) stand in.
/// The recursion stops as soon as the text outgrows the bound, so its depth is bounded too.
/// </summary>
internal sealed class MathPrinter
{
    private readonly ExprGraph _graph;
    private readonly Func<int, string> _leafName;
    private readonly IReadOnlyDictionary<int, string> _names;

    public MathPrinter(ExprGraph graph, Func<int, string> leafName, IReadOnlyDictionary<int, string> names)
    {
        _graph = graph;
        _leafName = leafName;
        _names = names;
    }

    /// <summary>The node in full if it fits <paramref name="maxLength"/>, else null.</summary>
    public string? TryPrint(int id, int maxLength, bool useNames = false)
    {
        // The budget counts visited nodes: every node prints at least one character, so a text that
        // fits never needs more visits than its length, and a shared DAG cannot explode the work.
        var budget = new int[] { maxLength };
        string? text = Print(id, 0, budget, useNames, top: true);
        return text is not null && text.Length <= maxLength ? text : null;
    }

    /// <summary>The node in full if it fits, else the node with its children replaced by their names.</summary>
    public string Describe(int id, int maxLength) => TryPrint(id, maxLength) ?? TryPrint(id, maxLength, useNames: true) ?? "…";

    private string? Print(int id, int parentPrecedence, int[] budget, bool useNames, bool top)
    {
        if (--budget[0] < 0)
        {
            return null;
        }
        if (!top && useNames && _names.TryGetValue(id, out string? named))
        {
            return named;
        }
        Node n = _graph[id];
        int precedence = Precedence(n.Op, n);
        string? text;
        switch (n.Op)
        {
            case Op.Const:
                text = Number(n.Value);
                break;
            case Op.Input:
            case Op.Scalar:
            case Op.RowInput:
                text = _leafName(id);
                break;
            case Op.Component:
                text = "j";
                break;
            case Op.RowLength:
                text = "K";
                break;
            case Op.Gather:
            {
                string? row = Print(n.A, 10, budget, useNames, false);
                string? index = Print(n.B, 0, budget, useNames, false);
                text = row is null || index is null ? null : row + "[" + index + "]";
                break;
            }
            case Op.Add when _graph.TryGetLogSumExp(id, out LogSumExpParts lse):
            {
                string? row = Print(lse.Row, 0, budget, useNames, false);
                text = row is null ? null : "logsumexp(" + row + ")";
                precedence = 10;
                break;
            }
            case Op.Mul when SigmoidSlopeOperand(n) is int e:
            {
                // e · r · r with r = 1/(1 + e) reads as sigmoid's slope: e / (1 + e)^2.
                string? a = Print(e, 5, budget, useNames, false);
                string? b = Print(e, 4, budget, useNames, false);
                text = a is null || b is null ? null : a + " / (1 + " + b + ")^2";
                break;
            }
            case Op.Mul when _graph[n.B].Op == Op.ReciprocalOnePlus && _graph[n.A].Op != Op.ReciprocalOnePlus:
            {
                // x · 1/(1 + b) reads as the quotient it is: x / (1 + b).
                string? numerator = Print(n.A, 5, budget, useNames, false);
                string? denominator = Print(_graph[n.B].A, 4, budget, useNames, false);
                text = numerator is null || denominator is null ? null : numerator + " / (1 + " + denominator + ")";
                break;
            }
            case Op.PositivePart:
                text = Join(Join("max(", Print(n.A, 0, budget, useNames, false)), ", 0)");
                break;
            case Op.ReciprocalOnePlus:
                text = Join("1 / (1 + ", Print(n.A, 4, budget, useNames, false));
                text = text is null ? null : text + ")";
                precedence = 5;
                break;
            case Op.True:
                text = "true";
                break;
            case Op.False:
                text = "false";
                break;
            case Op.Neg:
                text = Join("-", Print(n.A, 7, budget, useNames, false));
                break;
            case Op.Not:
                text = Join("!", Print(n.A, 7, budget, useNames, false));
                break;
            case Op.Mul when n.A == n.B:
                text = Join(Print(n.A, 9, budget, useNames, false), "^2");
                break;
            case Op.Add:
            case Op.Sub:
            case Op.Mul:
            case Op.Div:
            case Op.Less:
            case Op.LessEqual:
            case Op.Greater:
            case Op.GreaterEqual:
            case Op.Equal:
            case Op.NotEqual:
            case Op.And:
            case Op.Or:
            {
                bool rightAssociates = n.Op is Op.Add or Op.Mul or Op.And or Op.Or;
                // Constants read first in products: 2 * (p - y), not (p - y) * 2.
                (int first, int second) = n.Op == Op.Mul && _graph[n.B].Op == Op.Const ? (n.B, n.A) : (n.A, n.B);
                string? left = Print(first, precedence, budget, useNames, false);
                string? right = Print(second, rightAssociates ? precedence : precedence + 1, budget, useNames, false);
                text = left is null || right is null ? null : left + " " + Symbol(n.Op) + " " + right;
                break;
            }
            case Op.Select:
            {
                string? c = Print(n.A, 1, budget, useNames, false);
                string? a = Print(n.B, 0, budget, useNames, false);
                string? b = Print(n.C, 0, budget, useNames, false);
                text = c is null || a is null || b is null ? null : c + " ? " + a + " : " + b;
                break;
            }
            default:
            {
                string? a = Print(n.A, 0, budget, useNames, false);
                string? b = n.Arity > 1 ? Print(n.B, 0, budget, useNames, false) : "";
                text = a is null || b is null ? null : OpFacts.FunctionName(n.Op) + "(" + a + (n.Arity > 1 ? ", " + b : "") + ")";
                break;
            }
        }
        if (text is null)
        {
            return null;
        }
        if (precedence < parentPrecedence)
        {
            text = "(" + text + ")";
        }
        return text;
    }

    /// <summary>e when <paramref name="n"/> is r · (e · r) (in any order) with r = 1/(1 + e); null otherwise.</summary>
    private int? SigmoidSlopeOperand(Node n)
    {
        int? Match(int r, int product)
        {
            if (_graph[r].Op != Op.ReciprocalOnePlus || _graph[product] is not { Op: Op.Mul } p)
            {
                return null;
            }
            int e = _graph[r].A;
            return p.A == e && p.B == r || p.B == e && p.A == r ? e : null;
        }
        return Match(n.A, n.B) ?? Match(n.B, n.A);
    }

    private static string? Join(string? a, string? b) => a is null || b is null ? null : a + b;

    private static int Precedence(Op op, Node n) => op switch
    {
        Op.Mul when n.A == n.B => 8,
        Op.Const when n.Value < 0 => 6,
        _ => OpTable.Of(op).Precedence,
    };

    private static string Symbol(Op op) => OpTable.Of(op).Symbol;

    public static string Number(double value)
    {
        if (value == Math.PI)
        {
            return "pi";
        }
        return value.ToString("R", CultureInfo.InvariantCulture);
    }
}
