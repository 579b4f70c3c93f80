using System;
using System.Collections.Generic;
using System.Linq;

namespace LossGen.Generator.Binding;

/// <summary>
/// "Did you mean" for the usual slips in a formula: a name written in another case (<c>Exp</c>,
/// <c>P</c>), a small typo (<c>sigmod</c>), a name from another language (<c>ln</c>, <c>relu</c>),
/// or a row reduction where element-wise formulas have none (<c>sum</c>).
/// </summary>
internal static class Suggestions
{
    /// <summary>Names from other languages and libraries, with what to write in LossGen.</summary>
    private static readonly Dictionary<string, string> FunctionAliases = new(StringComparer.Ordinal)
    {
        ["ln"] = "log",
        ["log2"] = "log(x) / log(2)",
        ["log10"] = "log(x) / log(10)",
        ["logistic"] = "sigmoid",
        ["expit"] = "sigmoid",
        ["relu"] = "max(x, 0)",
        ["square"] = "x^2",
        ["fabs"] = "abs",
        ["power"] = "pow",
        ["exp1m"] = "exp(x) - 1",
        ["expm1"] = "exp(x) - 1",
        ["clip"] = "clamp",
        ["where"] = "c ? a : b",
        ["if"] = "c ? a : b",
    };

    /// <summary>Reductions over a sample's values, which element-wise losses do not have.</summary>
    private static readonly HashSet<string> RowReductions = new(StringComparer.OrdinalIgnoreCase)
    {
        "sum", "mean", "logsumexp", "softmax", "log_softmax", "logsoftmax", "prod", "avg", "average",
    };

    /// <summary>The hint for an unknown function <paramref name="name"/>: a near miss, an alias, or the list of functions.</summary>
    public static string ForFunction(string name, IReadOnlyCollection<string> functions, string allFunctions)
    {
        if (name.Equals("softmax", StringComparison.OrdinalIgnoreCase) || name.Replace("_", "").Equals("logsoftmax", StringComparison.OrdinalIgnoreCase))
        {
            return "softmax over a row is exp(z - logsumexp(z)) in a row loss (RowLength); its log is z - logsumexp(z)";
        }
        if (RowReductions.Contains(name))
        {
            return "'" + name + "' is not a row reduction; a row loss (RowLength) reduces a row with sum, mean, max, min or logsumexp, "
                + "and an element-wise loss is averaged or summed over its elements by the attribute's Reduction";
        }
        if (FunctionAliases.TryGetValue(name, out string? alias) || FunctionAliases.TryGetValue(name.ToLowerInvariant(), out alias))
        {
            return "write '" + alias + "' instead";
        }
        return Closest(name, functions) is string near
            ? "did you mean '" + near + "'?"
            : "the functions are " + allFunctions;
    }

    /// <summary>The hint for an unknown name, or "" when nothing is close.</summary>
    public static string ForName(string name, IEnumerable<string> names, IReadOnlyCollection<string> functions)
    {
        if (functions.Contains(name))
        {
            return "; '" + name + "' is a function: write '" + name + "(x)'";
        }
        return Closest(name, names) is string near ? "; did you mean '" + near + "'?" : "";
    }

    /// <summary>
    /// The candidate equal to <paramref name="name"/> but for case, else the nearest within a small
    /// edit distance (1 for names of 2 to 4 characters, 2 beyond); null when none is that close.
    /// </summary>
    public static string? Closest(string name, IEnumerable<string> candidates)
    {
        var list = candidates.Distinct(StringComparer.Ordinal).OrderBy(c => c, StringComparer.Ordinal).ToList();
        string? sameButCase = list.FirstOrDefault(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        if (sameButCase is not null)
        {
            return sameButCase;
        }
        // One-letter names are only matched but for case: 'q' is no typo of 'p'.
        int limit = name.Length <= 1 ? 0 : name.Length <= 4 ? 1 : 2;
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string candidate in list)
        {
            int distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant(), limit);
            if (distance <= limit && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>Optimal string alignment distance (edits and adjacent swaps), cut off above <paramref name="limit"/>.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
