using Xunit.Abstractions;

namespace LossGen.Tests.Catalogue;

/// <summary>
/// The loss catalogue against tests/reference/golden.json (PyTorch float64, or torch autograd of the
/// closed form where PyTorch has no such loss): every entry × reduction × element type. Float within
/// 1e-5 relative (or 1e-6 absolute near 0), double within 1e-12 relative (1e-13 absolute near 0).
/// Where LossGen deliberately differs from PyTorch, the tests below assert LossGen's documented
/// behaviour and say why.
/// </summary>
public class GoldenTests(ITestOutputHelper output)
{
    public static TheoryData<int> CaseIndices() => GoldenAssert.CaseIndices();

    private static void Close(double expected, double actual, double relative, double absolute, string what) =>
        GoldenAssert.Close(expected, actual, relative, absolute, what);

    private static (double Value, double[] Loss, double[] DInput, double[] DVar) RunFloat(GoldenCase c)
    {
        float[] F(string name) => c.Inputs.TryGetValue(name, out double[]? v) ? v.Select(x => (float)x).ToArray() : Array.Empty<float>();
        int n = c.Inputs["input"].Length;
        float[] loss = new float[n], dInput = new float[n], dVar = c.Inputs.ContainsKey("var") ? new float[n] : Array.Empty<float>();
        double value = CatalogueDispatch.Float(c.Loss, c.Reduction, c.Params, F("input"), F("target"), F("var"), loss, dInput, dVar);
        return (value, loss.Select(x => (double)x).ToArray(), dInput.Select(x => (double)x).ToArray(), dVar.Select(x => (double)x).ToArray());
    }

    private static (double Value, double[] Loss, double[] DInput, double[] DVar) RunDouble(GoldenCase c)
    {
        double[] D(string name) => c.Inputs.TryGetValue(name, out double[]? v) ? (double[])v.Clone() : Array.Empty<double>();
        int n = c.Inputs["input"].Length;
        double[] loss = new double[n], dInput = new double[n], dVar = c.Inputs.ContainsKey("var") ? new double[n] : Array.Empty<double>();
        double value = CatalogueDispatch.Double(c.Loss, c.Reduction, c.Params, D("input"), D("target"), D("var"), loss, dInput, dVar);
        return (value, loss, dInput, dVar);
    }

    private static void Compare(GoldenCase c, (double Value, double[] Loss, double[] DInput, double[] DVar) result, double relative, double absolute, string type)
    {
        string what = $"{type} {c}";
        if (c.Reduction == "none")
        {
            for (int i = 0; i < c.Value.Length; i++)
            {
                Close(c.Value[i], result.Loss[i], relative, absolute, $"{what} loss[{i}]");
            }
        }
        else
        {
            Close(c.Value[0], result.Value, relative, absolute, what + " value");
        }
        // Mean gradients are of size 1/n: the absolute floor scales with them.
        double gradientFloor = c.Reduction == "mean" ? absolute / result.DInput.Length : absolute;
        for (int i = 0; i < result.DInput.Length; i++)
        {
            Close(c.Grads["input"][i], result.DInput[i], relative, gradientFloor, $"{what} dInput[{i}]");
        }
        if (c.Grads.TryGetValue("var", out double[]? dVar))
        {
            for (int i = 0; i < dVar.Length; i++)
            {
                Close(dVar[i], result.DVar[i], relative, gradientFloor, $"{what} dVar[{i}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void FloatCatalogueMatchesTheReference(int index)
    {
        GoldenCase c = GoldenCases.Cases[index];
        Compare(c, RunFloat(c), 1e-5, 1e-6, "float");
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void DoubleCatalogueMatchesTheReference(int index)
    {
        GoldenCase c = GoldenCases.Cases[index];
        Compare(c, RunDouble(c), 1e-12, 1e-13, "double");
    }

    [Fact]
    public void EveryCatalogueEntryAndReductionHasAReference()
    {
        var covered = GoldenCases.Cases.Select(c => (c.Loss, c.Reduction)).ToHashSet();
        // Element-wise entries; the row losses (an int 'classes' parameter) are covered by RowGoldenTests.
        var methods = typeof(Losses).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(int)))
            .Select(m => m.Name.EndsWith("Sum", StringComparison.Ordinal) ? (m.Name[..^3], "sum") : m.Name.EndsWith("None", StringComparison.Ordinal) ? (m.Name[..^4], "none") : (m.Name, "mean"))
            .ToHashSet();
        Assert.Equal(13 * 3, methods.Count);
        Assert.All(methods, m => Assert.Contains(m, covered));
        output.WriteLine($"{GoldenCases.Cases.Count} golden cases over {methods.Count} entry × reduction pairs, each in float and double");
    }

    [Fact]
    public void BceAtExactProbabilitiesZeroAndOneFollowsTheMathNotTheClamp()
    {
        // PyTorch clamps log at -100 (so -log 0 becomes 100) and divides its gradient by max(p(1-p), 1e-12),
        // which makes it 0 at p in {0, 1}. LossGen uses xlogy: 0·log 0 = 0 exactly, a wrong certainty is an
        // infinite loss, and the gradient is the derivative of the formula where it exists.
        GoldenCase torch = GoldenCases.Differences.Single(c => c.Loss == "BceLoss" && c.Reduction == "none");
        var (_, loss, dInput, _) = RunDouble(torch);
        // p = 0, t = 0 and p = 1, t = 1: no loss, as in PyTorch.
        Assert.Equal(0.0, loss[0]);
        Assert.Equal(0.0, loss[3]);
        Assert.Equal(torch.Value[0], loss[0]);
        // p = 0, t = 1 and p = 1, t = 0: PyTorch says 100, LossGen says +∞.
        Assert.Equal(100.0, torch.Value[1]);
        Assert.Equal(double.PositiveInfinity, loss[1]);
        Assert.Equal(double.PositiveInfinity, loss[2]);
        // d/dp of -log(1 - p) at p = 0 is 1 (PyTorch: 0); d/dp of -log p at p = 1 is -1 (PyTorch: 0).
        Assert.Equal(1.0, dInput[0]);
        Assert.Equal(-1.0, dInput[3]);
        Assert.Equal(0.0, torch.Grads["input"][0]);
    }

    [Fact]
    public void GaussianNllBelowEpsClampsTheVarianceAndItsGradient()
    {
        // Both clamp var at eps for the value and d/dinput. PyTorch clamps in place without autograd, so
        // its d/dvar is computed as if var were eps; LossGen's max(var, eps) gives d/dvar = 0 there.
        GoldenCase torch = GoldenCases.Differences.Single(c => c.Loss == "GaussianNllLoss" && c.Reduction == "none");
        var (_, loss, dInput, dVar) = RunDouble(torch);
        for (int i = 0; i < loss.Length; i++)
        {
            Close(torch.Value[i], loss[i], 1e-12, 1e-13, $"loss[{i}]");
            Close(torch.Grads["input"][i], dInput[i], 1e-12, 1e-13, $"dInput[{i}]");
        }
        Assert.Equal(0.0, dVar[0]);
        Assert.Equal(0.0, dVar[1]);
        Assert.NotEqual(0.0, torch.Grads["var"][0]);
        Close(torch.Grads["var"][2], dVar[2], 1e-12, 1e-13, "dVar[2] (above eps: the same)");
    }

    [Fact]
    public void SmoothL1WithBetaZeroHasTheL1GradientAtTheKink()
    {
        // With beta = 0 smooth L1 is L1. At input == target LossGen gives the L1 convention, sign(0) = 0
        // (as PyTorch's own l1_loss); torch 1.13's smooth_l1_loss backward gives -1 there.
        GoldenCase torch = GoldenCases.Differences.Single(c => c.Loss == "SmoothL1Loss" && c.Reduction == "none");
        var (_, loss, dInput, _) = RunDouble(torch);
        Assert.Equal(torch.Value, loss);
        Assert.Equal(0.0, dInput[0]);
        Assert.Equal(-1.0, torch.Grads["input"][0]);
        Assert.Equal(torch.Grads["input"][1], dInput[1]);
    }
}
