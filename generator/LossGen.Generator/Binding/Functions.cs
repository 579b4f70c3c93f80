using System;
using System.Collections.Generic;
using LossGen.Generator.Symbolic;

namespace LossGen.Generator.Binding;

/// <summary>The functions of the formula language, with their arity and how each is built in the DAG.</summary>
internal static class Functions
{
    private static readonly Dictionary<string, (int Arity, Func<ExprGraph, int[], int> Build)> Table = new()
    {
        ["exp"] = (1, (g, a) => g.Exp(a[0])),
        ["log"] = (1, (g, a) => g.Log(a[0])),
        ["log1p"] = (1, (g, a) => g.Log1p(a[0])),
        ["sqrt"] = (1, (g, a) => g.Sqrt(a[0])),
        ["tanh"] = (1, (g, a) => g.Tanh(a[0])),
        ["abs"] = (1, (g, a) => g.Abs(a[0])),
        ["sign"] = (1, (g, a) => g.Sign(a[0])),
        ["sigmoid"] = (1, (g, a) => g.Sigmoid(a[0])),
        ["softplus"] = (1, (g, a) => g.Softplus(a[0])),
        ["min"] = (2, (g, a) => g.Min(a[0], a[1])),
        ["max"] = (2, (g, a) => g.Max(a[0], a[1])),
        ["pow"] = (2, (g, a) => g.Pow(a[0], a[1])),
        ["xlogy"] = (2, (g, a) => Xlogy(g, a[0], a[1])),
        ["clamp"] = (3, (g, a) => Clamp(g, a[0], a[1], a[2])),
    };

    /// <summary>Every function name, for "did you mean".</summary>
    public static IReadOnlyCollection<string> All => Table.Keys;

    /// <summary>The names, for the "unknown function" message.</summary>
    public static string Names => "exp, log, log1p, sqrt, tanh, abs, sign, sigmoid, softplus, min, max, pow, xlogy, clamp";

    public static bool TryGet(string name, out int arity, out Func<ExprGraph, int[], int> build)
    {
        if (Table.TryGetValue(name, out var entry))
        {
            (arity, build) = entry;
            return true;
        }
        arity = 0;
        build = null!;
        return false;
    }

    /// <summary>xlogy(x, y) = (x == 0 ? 0 : x * log(y)): the select makes 0·log 0 = 0 and keeps the derivatives branch-safe.</summary>
    private static int Xlogy(ExprGraph g, int x, int y) =>
        g.Select(g.Compare(Op.Equal, x, g.Const(0)), g.Const(0), g.Mul(x, g.Log(y)));

    /// <summary>
    /// clamp(x, lo, hi) = min(max(x, lo), hi) with inclusive bounds for the gradient: t = x &lt; lo ? lo : x;
    /// t &gt; hi ? hi : t. Where lo &gt; hi the result is hi, as torch.clamp.
    /// </summary>
    private static int Clamp(ExprGraph g, int x, int lo, int hi)
    {
        int lower = g.Select(g.Compare(Op.Less, x, lo), lo, x);
        return g.Select(g.Compare(Op.Greater, lower, hi), hi, lower);
    }
}
