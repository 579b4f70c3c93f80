using System.Text.Json;

namespace LossGen.Tests.Catalogue;

/// <summary>One reference case of tests/reference/golden.json (written by make_golden.py with PyTorch).</summary>
internal sealed record GoldenCase(
    string Loss,
    string Reduction,
    IReadOnlyDictionary<string, double> Params,
    string Source,
    IReadOnlyDictionary<string, double[]> Inputs,
    double[] Value,
    IReadOnlyDictionary<string, double[]> Grads,
    IReadOnlyDictionary<string, double[]> Second)
{
    public override string ToString() => $"{Loss} {Reduction} {string.Join(" ", Params.Select(kv => kv.Key + "=" + kv.Value))}";
}

internal static class GoldenCases
{
    private static readonly Lazy<(List<GoldenCase> Cases, List<GoldenCase> Differences)> Data = new(Load);

    public static IReadOnlyList<GoldenCase> Cases => Data.Value.Cases;

    public static IReadOnlyList<GoldenCase> Differences => Data.Value.Differences;

    private static (List<GoldenCase>, List<GoldenCase>) Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "reference", "golden.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        return (Read(document.RootElement.GetProperty("cases")), Read(document.RootElement.GetProperty("differences")));
    }

    private static List<GoldenCase> Read(JsonElement array) => array.EnumerateArray().Select(c => new GoldenCase(
        c.GetProperty("loss").GetString()!,
        c.GetProperty("reduction").GetString()!,
        c.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()),
        c.GetProperty("source").GetString()!,
        c.GetProperty("inputs").EnumerateObject().ToDictionary(p => p.Name, p => Numbers(p.Value)),
        Numbers(c.GetProperty("value")),
        c.GetProperty("grads").EnumerateObject().ToDictionary(p => p.Name, p => Numbers(p.Value)),
        c.TryGetProperty("second", out JsonElement second)
            ? second.EnumerateObject().ToDictionary(p => p.Name, p => Numbers(p.Value))
            : new Dictionary<string, double[]>())).ToList();

    private static double[] Numbers(JsonElement value) => value.ValueKind == JsonValueKind.Array
        ? value.EnumerateArray().Select(Number).ToArray()
        : new[] { Number(value) };

    private static double Number(JsonElement value) => value.ValueKind == JsonValueKind.String
        ? double.Parse(value.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
        : value.GetDouble();
}

/// <summary>The comparisons and the case list the golden tests share.</summary>
internal static class GoldenAssert
{
    /// <summary>Every case's index, for a theory over golden.json.</summary>
    public static TheoryData<int> CaseIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < GoldenCases.Cases.Count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    /// <summary>|actual − expected| ≤ max(relative·|expected|, absolute), or both the same infinity.</summary>
    public static void Close(double expected, double actual, double relative, double absolute, string what)
    {
        bool ok = Math.Abs(actual - expected) <= Math.Max(relative * Math.Abs(expected), absolute)
            || (double.IsInfinity(expected) && actual == expected);
        Assert.True(ok, $"{what}: {actual:R}, reference {expected:R} (difference {Math.Abs(actual - expected):E2})");
    }
}
