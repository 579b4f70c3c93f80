using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using LossGen.Generator.Declarations;
using LossGen.Generator.Helpers;

namespace LossGen.Generator.Emit;

/// <summary>The identity of a <c>[Loss]</c> method, as its file name needs it.</summary>
/// <param name="TypePath">Namespace and containing types: <c>MyApp.Outer`1+Inner</c> (nested types joined by '+', generic arity after '`').</param>
/// <param name="MethodName">The method's name.</param>
/// <param name="ParameterTypes">The parameters' types, short and readable: <c>ReadOnlySpan{float}</c>, <c>out-double</c>.</param>
/// <param name="Element">The element type, when the declaration has one.</param>
internal sealed record MethodKey(string TypePath, string MethodName, EquatableArray<string> ParameterTypes, ElementType Element)
{
    /// <summary>The full signature, unique per method in a compilation (C# forbids two methods with one signature).</summary>
    public string Signature => TypePath + "." + MethodName + "(" + string.Join(",", ParameterTypes) + ")";
}

/// <summary>A method's key and the hint name its file gets.</summary>
internal sealed record HintName(MethodKey Key, string Name);

/// <summary>
/// Names the generated files: readable, and unique by construction. A method's file is
/// <c>{TypePath}.{Method}.g.cs</c> (<c>MyApp.MyLosses.Huber.g.cs</c>); only overloads are told apart,
/// by the element type where that suffices (<c>Huber(float)</c>, <c>Huber(double)</c>), else by the
/// whole parameter list. A trainer adapter struct is a nested type, so its file is
/// <c>{TypePath}+{Struct}.g.cs</c>, which no method file can equal. Roslyn compares hint names
/// ignoring case (files on Windows), so names equal but for case get <c>.2</c>, <c>.3</c>, ... in
/// ordinal order of their signatures.
/// </summary>
internal static class HintNames
{
    /// <summary>The hint names of all methods, from the keys of every <c>[Loss]</c> declaration in the compilation.</summary>
    public static EquatableArray<HintName> ForMethods(IReadOnlyList<MethodKey> keys)
    {
        var distinct = keys.Distinct().OrderBy(k => k.Signature, StringComparer.Ordinal).ToList();
        var names = new List<(MethodKey Key, string Name)>();
        foreach (var overloads in distinct.GroupBy(k => k.TypePath + "." + k.MethodName, StringComparer.Ordinal))
        {
            var group = overloads.ToList();
            bool byElement = group.All(k => k.Element != ElementType.None) && group.Select(k => k.Element).Distinct().Count() == group.Count;
            foreach (MethodKey key in group)
            {
                string suffix = group.Count == 1 ? ""
                    : byElement ? "(" + (key.Element == ElementType.Double ? "double" : "float") + ")"
                    : "(" + string.Join(",", key.ParameterTypes) + ")";
                names.Add((key, Safe(key.TypePath + "." + key.MethodName + suffix)));
            }
        }
        return Deduplicate(names).Select(n => new HintName(n.Key, n.Name + ".g.cs")).ToEquatableArray();
    }

    /// <summary>The hint name of a trainer adapter struct nested in <paramref name="typePath"/>.</summary>
    public static string ForAdapter(string typePath, string structName) => Safe(typePath + "+" + structName) + ".g.cs";

    /// <summary>Makes names that differ only in case distinct: the first (ordinal order) keeps its name, the others get .2, .3, ...</summary>
    public static List<(T Key, string Name)> Deduplicate<T>(List<(T Key, string Name)> names)
    {
        var result = new List<(T, string)>(names.Count);
        foreach (var group in names.GroupBy(n => n.Name, StringComparer.OrdinalIgnoreCase))
        {
            int index = 0;
            foreach (var item in group.OrderBy(n => n.Name, StringComparer.Ordinal))
            {
                result.Add((item.Key, index == 0 ? item.Name : item.Name + "." + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                index++;
            }
        }
        return result;
    }

    /// <summary>The type path of a declaration: namespace, then containing types joined by '+', with generic arity.</summary>
    public static string TypePath(string? ns, IEnumerable<ContainingTypeModel> types)
    {
        string path = string.Join("+", types.Select(t => Arity(t.Name)));
        return ns is null ? path : ns + "." + path;
    }

    /// <summary>A parameter type as the file name shows it: <c>global::System.ReadOnlySpan&lt;float&gt;</c> → <c>ReadOnlySpan{float}</c>.</summary>
    public static string ShortType(ParameterModel p)
    {
        string unqualified = Qualifier.Replace(p.TypeDisplay.Replace("global::", ""), "");
        string type = unqualified.Replace('<', '{').Replace('>', '}').Replace(" ", "");
        return (p.ModifiersText.Length > 0 ? p.ModifiersText.Replace(' ', '-') + "-" : "") + type;
    }

    private static readonly Regex Qualifier = new(@"[^\s<>,.?\[\]]+\.", RegexOptions.CultureInvariant);

    private static string Arity(string name)
    {
        int open = name.IndexOf('<');
        return open < 0 ? name : name.Substring(0, open) + "`" + (name.Count(c => c == ',') + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Characters that are not valid in a file name on every platform become '_' (identifiers never contain them).</summary>
    private static string Safe(string name)
    {
        var chars = name.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '<' or '>' or ':' or '"' or '/' or '\\' or '|' or '?' or '*' || char.IsControl(chars[i]))
            {
                chars[i] = '_';
            }
        }
        return new string(chars);
    }
}
