using LossGen.Tests.Catalogue;
using Xunit.Abstractions;

namespace LossGen.Tests.SecondOrder;

/// <summary>
/// The catalogue's second-order overloads (<c>d2Input</c>, <c>d2Var</c>) against tests/reference/golden.json: the
/// diagonal of <c>torch.autograd.functional.hessian</c> (PyTorch's double backward, float64) for every entry ×
/// reduction × element type, with the same tolerances as the first-order golden tests (float 1e-5 relative, double
/// 1e-12). The value and the gradient of the second-order overload must match the references too: asking for
/// second derivatives changes nothing else.
/// </summary>
public class SecondOrderGoldenTests(ITestOutputHelper output)
{
    public static TheoryData<int> CaseIndices() => GoldenAssert.CaseIndices();

    private static void Close(double expected, double actual, double relative, double absolute, string what) =>
        GoldenAssert.Close(expected, actual, relative, absolute, what);

    private static void Compare(GoldenCase c, double value, double[] loss, Dictionary<string, double[]> grads, Dictionary<string, double[]> second,
        double relative, double absolute, string type)
    {
        string what = $"{type} {c}";
        if (c.Reduction == "none")
        {
            for (int i = 0; i < c.Value.Length; i++)
            {
                Close(c.Value[i], loss[i], relative, absolute, $"{what} loss[{i}]");
            }
        }
        else
        {
            Close(c.Value[0], value, relative, absolute, what + " value");
        }
        // Mean derivatives are of size 1/n: the absolute floor scales with them.
        double floor = c.Reduction == "mean" ? absolute / loss.Length : absolute;
        Assert.NotEmpty(c.Second);
        foreach ((string name, double[] expected) in c.Grads)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                Close(expected[i], grads[name][i], relative, floor, $"{what} d{name}[{i}]");
            }
        }
        foreach ((string name, double[] expected) in c.Second)
        {
            for (int i = 0; i < expected.Length; i++)
            {
                Close(expected[i], second[name][i], relative, floor, $"{what} d2{name}[{i}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void FloatSecondDerivativesMatchPyTorch(int index)
    {
        GoldenCase c = GoldenCases.Cases[index];
        float[] F(string name) => c.Inputs.TryGetValue(name, out double[]? v) ? v.Select(x => (float)x).ToArray() : Array.Empty<float>();
        int n = c.Inputs["input"].Length;
        bool hasVar = c.Inputs.ContainsKey("var");
        float[] loss = new float[n], dInput = new float[n], d2Input = new float[n];
        float[] dVar = hasVar ? new float[n] : [], d2Var = hasVar ? new float[n] : [];
        double value = SecondOrderDispatch.Float(c.Loss, c.Reduction, c.Params, F("input"), F("target"), F("var"), loss, dInput, dVar, d2Input, d2Var);
        static double[] D(float[] v) => v.Select(x => (double)x).ToArray();
        Compare(c, value, D(loss), new() { ["input"] = D(dInput), ["var"] = D(dVar) }, new() { ["input"] = D(d2Input), ["var"] = D(d2Var) }, 1e-5, 1e-6, "float");
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void DoubleSecondDerivativesMatchPyTorch(int index)
    {
        GoldenCase c = GoldenCases.Cases[index];
        double[] D(string name) => c.Inputs.TryGetValue(name, out double[]? v) ? (double[])v.Clone() : Array.Empty<double>();
        int n = c.Inputs["input"].Length;
        bool hasVar = c.Inputs.ContainsKey("var");
        double[] loss = new double[n], dInput = new double[n], d2Input = new double[n];
        double[] dVar = hasVar ? new double[n] : [], d2Var = hasVar ? new double[n] : [];
        double value = SecondOrderDispatch.Double(c.Loss, c.Reduction, c.Params, D("input"), D("target"), D("var"), loss, dInput, dVar, d2Input, d2Var);
        Compare(c, value, loss, new() { ["input"] = dInput, ["var"] = dVar }, new() { ["input"] = d2Input, ["var"] = d2Var }, 1e-12, 1e-13, "double");
    }

    [Fact]
    public void EveryElementwiseCatalogueEntryHasASecondOrderOverload()
    {
        var methods = typeof(Losses).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => !m.GetParameters().Any(p => p.ParameterType == typeof(int)))
            .ToList();
        var firstOrder = methods.Where(m => !m.GetParameters().Any(p => p.Name!.StartsWith("d2", StringComparison.Ordinal))).ToList();
        var secondOrder = methods.Where(m => m.GetParameters().Any(p => p.Name!.StartsWith("d2", StringComparison.Ordinal))).ToList();
        Assert.Equal(13 * 3 * 2, firstOrder.Count);
        foreach (var m in firstOrder)
        {
            string[] names = m.GetParameters().Select(p => p.Name!).ToArray();
            string[] expected = names.Concat(names.Where(n => n.Length > 1 && n[0] == 'd' && char.IsUpper(n[1])).Select(n => "d2" + n[1..])).ToArray();
            Assert.Contains(secondOrder, s => s.Name == m.Name && s.GetParameters().Select(p => p.Name!).SequenceEqual(expected)
                && s.ReturnType == m.ReturnType && s.GetParameters()[0].ParameterType == m.GetParameters()[0].ParameterType);
        }
        output.WriteLine($"{firstOrder.Count} first-order entries, {secondOrder.Count} second-order overloads");
    }
}
