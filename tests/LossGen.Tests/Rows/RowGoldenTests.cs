using System.Numerics;
using System.Text.Json;

namespace LossGen.Tests.Rows;

/// <summary>
/// The row-loss catalogue against tests/reference/golden_rows.json (PyTorch float64, made by
/// make_golden_rows.py): every entry × reduction × element type, with tied rows, a tie at the max and
/// logits of ±1e4. Float within 1e-5 relative (1e-6 absolute), double within 1e-12 relative (1e-13 absolute).
/// </summary>
public class RowGoldenTests
{
    public sealed record RowCase(string Loss, string Reduction, Dictionary<string, JsonElement> Params, int Classes, Dictionary<string, double[]> Inputs, JsonElement Value, double[] Grad)
    {
        public override string ToString() => Loss + " " + Reduction;
    }

    private static readonly Lazy<List<RowCase>> Cases = new(() =>
    {
        string path = Path.Combine(AppContext.BaseDirectory, "reference", "golden_rows.json");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path));
        var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
        return document.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Deserialize<RowCase>(options)!).ToList();
    });

    public static TheoryData<int> Indices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.Value.Count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Fact]
    public void EveryRowLossIsCoveredWithEveryReduction()
    {
        // Every public row loss of the catalogue (an int 'classes' parameter) × reduction has a PyTorch case.
        var covered = Cases.Value.Select(c => (c.Loss, c.Reduction)).ToHashSet();
        var entries = typeof(Losses).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.GetParameters().Any(p => p.ParameterType == typeof(int)))
            .Select(m => (Name: m.Name, Options: m.GetParameters().Any(p => p.ParameterType == typeof(CrossEntropyOptions))))
            .Select(m => m.Options
                ? (m.Name.EndsWith("None", StringComparison.Ordinal) ? ("CrossEntropyLossOptions", "none") : ("CrossEntropyLossOptions", "mean"))
                : m.Name.EndsWith("Sum", StringComparison.Ordinal) ? (m.Name[..^3], "sum") : m.Name.EndsWith("None", StringComparison.Ordinal) ? (m.Name[..^4], "none") : (m.Name, "mean"))
            .ToHashSet();
        Assert.Equal(9 * 3 - 1, entries.Count); // the options overload covers Mean and Sum with one method (its Reduction option)
        Assert.All(entries, e => Assert.Contains(e, covered));
        Assert.Contains(("CrossEntropyLossOptions", "sum"), covered);
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void DoubleMatchesPyTorch(int index)
    {
        RowCase c = Cases.Value[index];
        (double value, double[] loss, double[] grad) = Run<double>(c, x => x);
        Compare(c, value, loss, grad, 1e-12, 1e-13, "double");
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void FloatMatchesPyTorch(int index)
    {
        RowCase c = Cases.Value[index];
        (double value, double[] loss, double[] grad) = Run<float>(c, x => (float)x);
        Compare(c, value, loss, grad, 1e-5, 1e-6, "float");
    }

    private static void Compare(RowCase c, double value, double[] loss, double[] grad, double relative, double absolute, string type)
    {
        if (c.Reduction == "none")
        {
            double[] expected = c.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray();
            for (int i = 0; i < expected.Length; i++)
            {
                Close(expected[i], loss[i], relative, absolute, $"{type} {c} loss[{i}]");
            }
        }
        else
        {
            Close(c.Value.GetDouble(), value, relative, absolute, $"{type} {c} value");
        }
        Assert.All(grad, g => Assert.False(double.IsNaN(g), $"{type} {c}: NaN in the gradient"));
        for (int i = 0; i < c.Grad.Length; i++)
        {
            Close(c.Grad[i], grad[i], relative, absolute, $"{type} {c} dInput[{i}]");
        }
    }

    private static void Close(double expected, double actual, double relative, double absolute, string what) =>
        Assert.True(Math.Abs(actual - expected) <= Math.Max(relative * Math.Abs(expected), absolute),
            $"{what}: {actual:R}, reference {expected:R} (difference {Math.Abs(actual - expected):E2})");

    private static (double Value, double[] Loss, double[] Grad) Run<T>(RowCase c, Func<double, T> convert)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int k = c.Classes;
        T[] input = c.Inputs["input"].Select(convert).ToArray();
        int n = input.Length / k;
        double[] targetValues = c.Inputs["target"];
        int[] classes = targetValues.Select(v => (int)v).ToArray();
        T[] probabilities = targetValues.Select(convert).ToArray();
        T[] loss = new T[n];
        T[] grad = new T[input.Length];
        T P(string name) => convert(c.Params[name].GetDouble());
        double value = Dispatch(c, input, classes, probabilities, k, loss, grad, P);
        return (value, loss.Select(x => double.CreateChecked(x)).ToArray(), grad.Select(x => double.CreateChecked(x)).ToArray());
    }

    private static double Dispatch<T>(RowCase c, T[] input, int[] target, T[] probabilities, int k, T[] loss, T[] grad, Func<string, T> p)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(float))
        {
            return Float(c, (float[])(object)input, target, (float[])(object)probabilities, k, (float[])(object)loss, (float[])(object)grad, name => (float)(object)p(name));
        }
        return Double(c, (double[])(object)input, target, (double[])(object)probabilities, k, (double[])(object)loss, (double[])(object)grad, name => (double)(object)p(name));
    }

    private static CrossEntropyOptions Options(RowCase c, string reduction) => new()
    {
        Weight = c.Params["weight"].EnumerateArray().Select(v => v.GetDouble()).ToArray(),
        IgnoreIndex = c.Params["ignoreIndex"].GetInt32(),
        Reduction = reduction == "sum" ? Reduction.Sum : Reduction.Mean,
    };

    private static double Float(RowCase c, float[] z, int[] t, float[] y, int k, float[] loss, float[] dz, Func<string, float> p)
    {
        switch (c.Loss, c.Reduction)
        {
            case ("CrossEntropyLoss", "mean"): return Losses.CrossEntropyLoss(z, t, k, dz);
            case ("CrossEntropyLoss", "sum"): return Losses.CrossEntropyLossSum(z, t, k, dz);
            case ("CrossEntropyLoss", _): Losses.CrossEntropyLossNone(z, t, k, loss, dz); return 0;
            case ("CrossEntropyLossSmoothed", "mean"): return Losses.CrossEntropyLossSmoothed(z, t, p("labelSmoothing"), k, dz);
            case ("CrossEntropyLossSmoothed", "sum"): return Losses.CrossEntropyLossSmoothedSum(z, t, p("labelSmoothing"), k, dz);
            case ("CrossEntropyLossSmoothed", _): Losses.CrossEntropyLossSmoothedNone(z, t, p("labelSmoothing"), k, loss, dz); return 0;
            case ("SoftCrossEntropyLoss", "mean"): return Losses.SoftCrossEntropyLoss(z, y, k, dz);
            case ("SoftCrossEntropyLoss", "sum"): return Losses.SoftCrossEntropyLossSum(z, y, k, dz);
            case ("SoftCrossEntropyLoss", _): Losses.SoftCrossEntropyLossNone(z, y, k, loss, dz); return 0;
            case ("NllLoss", "mean"): return Losses.NllLoss(z, t, k, dz);
            case ("NllLoss", "sum"): return Losses.NllLossSum(z, t, k, dz);
            case ("NllLoss", _): Losses.NllLossNone(z, t, k, loss, dz); return 0;
            case ("MultiMarginLoss", "mean"): return Losses.MultiMarginLoss(z, t, p("margin"), k, dz);
            case ("MultiMarginLoss", "sum"): return Losses.MultiMarginLossSum(z, t, p("margin"), k, dz);
            case ("MultiMarginLoss", _): Losses.MultiMarginLossNone(z, t, p("margin"), k, loss, dz); return 0;
            case ("MultiMarginSquaredLoss", "mean"): return Losses.MultiMarginSquaredLoss(z, t, p("margin"), k, dz);
            case ("MultiMarginSquaredLoss", "sum"): return Losses.MultiMarginSquaredLossSum(z, t, p("margin"), k, dz);
            case ("MultiMarginSquaredLoss", _): Losses.MultiMarginSquaredLossNone(z, t, p("margin"), k, loss, dz); return 0;
            case ("KlDivRowLoss", "mean"): return Losses.KlDivRowLoss(z, y, k, dz);
            case ("KlDivRowLoss", "sum"): return Losses.KlDivRowLossSum(z, y, k, dz);
            case ("KlDivRowLoss", _): Losses.KlDivRowLossNone(z, y, k, loss, dz); return 0;
            case ("SoftmaxFocalLoss", "mean"): return Losses.SoftmaxFocalLoss(z, t, p("alpha"), p("gamma"), k, dz);
            case ("SoftmaxFocalLoss", "sum"): return Losses.SoftmaxFocalLossSum(z, t, p("alpha"), p("gamma"), k, dz);
            case ("SoftmaxFocalLoss", _): Losses.SoftmaxFocalLossNone(z, t, p("alpha"), p("gamma"), k, loss, dz); return 0;
            case ("CrossEntropyLossOptions", "none"): Losses.CrossEntropyLossNone(z, t, k, loss, dz, Options(c, "none")); return 0;
            case ("CrossEntropyLossOptions", _): return Losses.CrossEntropyLoss(z, t, k, dz, Options(c, c.Reduction));
            default: throw new InvalidOperationException("No dispatch for " + c);
        }
    }

    private static double Double(RowCase c, double[] z, int[] t, double[] y, int k, double[] loss, double[] dz, Func<string, double> p)
    {
        switch (c.Loss, c.Reduction)
        {
            case ("CrossEntropyLoss", "mean"): return Losses.CrossEntropyLoss(z, t, k, dz);
            case ("CrossEntropyLoss", "sum"): return Losses.CrossEntropyLossSum(z, t, k, dz);
            case ("CrossEntropyLoss", _): Losses.CrossEntropyLossNone(z, t, k, loss, dz); return 0;
            case ("CrossEntropyLossSmoothed", "mean"): return Losses.CrossEntropyLossSmoothed(z, t, p("labelSmoothing"), k, dz);
            case ("CrossEntropyLossSmoothed", "sum"): return Losses.CrossEntropyLossSmoothedSum(z, t, p("labelSmoothing"), k, dz);
            case ("CrossEntropyLossSmoothed", _): Losses.CrossEntropyLossSmoothedNone(z, t, p("labelSmoothing"), k, loss, dz); return 0;
            case ("SoftCrossEntropyLoss", "mean"): return Losses.SoftCrossEntropyLoss(z, y, k, dz);
            case ("SoftCrossEntropyLoss", "sum"): return Losses.SoftCrossEntropyLossSum(z, y, k, dz);
            case ("SoftCrossEntropyLoss", _): Losses.SoftCrossEntropyLossNone(z, y, k, loss, dz); return 0;
            case ("NllLoss", "mean"): return Losses.NllLoss(z, t, k, dz);
            case ("NllLoss", "sum"): return Losses.NllLossSum(z, t, k, dz);
            case ("NllLoss", _): Losses.NllLossNone(z, t, k, loss, dz); return 0;
            case ("MultiMarginLoss", "mean"): return Losses.MultiMarginLoss(z, t, p("margin"), k, dz);
            case ("MultiMarginLoss", "sum"): return Losses.MultiMarginLossSum(z, t, p("margin"), k, dz);
            case ("MultiMarginLoss", _): Losses.MultiMarginLossNone(z, t, p("margin"), k, loss, dz); return 0;
            case ("MultiMarginSquaredLoss", "mean"): return Losses.MultiMarginSquaredLoss(z, t, p("margin"), k, dz);
            case ("MultiMarginSquaredLoss", "sum"): return Losses.MultiMarginSquaredLossSum(z, t, p("margin"), k, dz);
            case ("MultiMarginSquaredLoss", _): Losses.MultiMarginSquaredLossNone(z, t, p("margin"), k, loss, dz); return 0;
            case ("KlDivRowLoss", "mean"): return Losses.KlDivRowLoss(z, y, k, dz);
            case ("KlDivRowLoss", "sum"): return Losses.KlDivRowLossSum(z, y, k, dz);
            case ("KlDivRowLoss", _): Losses.KlDivRowLossNone(z, y, k, loss, dz); return 0;
            case ("SoftmaxFocalLoss", "mean"): return Losses.SoftmaxFocalLoss(z, t, p("alpha"), p("gamma"), k, dz);
            case ("SoftmaxFocalLoss", "sum"): return Losses.SoftmaxFocalLossSum(z, t, p("alpha"), p("gamma"), k, dz);
            case ("SoftmaxFocalLoss", _): Losses.SoftmaxFocalLossNone(z, t, p("alpha"), p("gamma"), k, loss, dz); return 0;
            case ("CrossEntropyLossOptions", "none"): Losses.CrossEntropyLossNone(z, t, k, loss, dz, Options(c, "none")); return 0;
            case ("CrossEntropyLossOptions", _): return Losses.CrossEntropyLoss(z, t, k, dz, Options(c, c.Reduction));
            default: throw new InvalidOperationException("No dispatch for " + c);
        }
    }
}
