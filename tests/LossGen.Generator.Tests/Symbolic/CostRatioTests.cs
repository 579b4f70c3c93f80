using LossGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// No expression swell: computing the value and all first derivatives costs at most 4× the
/// operations of the value alone, for every formula here. The test prints each ratio and the worst.
/// Single-operator formulas are reported but not bounded: min(p, y) is one operation, and its
/// gradient needs two comparisons and three selects whatever the method (a constant, not swell);
/// see docs/architecture.md, "Cost bound".
/// </summary>
public class CostRatioTests(ITestOutputHelper output)
{
    private const double Bound = 4.0;

    public static IEnumerable<(string Name, string Formula)> Cases()
    {
        string nest = "p";
        string[] functions = { "exp", "sigmoid", "log" };
        for (int i = 0; i < 50; i++)
        {
            nest = functions[i % 3] + "(" + nest + ")";
        }
        yield return ("50-deep nest of exp/log/sigmoid", nest);
        yield return ("product of 50 factors", string.Join(" * ", Enumerable.Range(1, 50).Select(k => $"(p + {k} * y)")));
        foreach ((int seed, string formula) in Random300(20))
        {
            yield return ($"300-node random formula (seed {seed})", formula);
        }
        foreach (string formula in Formulas.Standard)
        {
            yield return ("standard: " + formula, formula);
        }
    }

    /// <summary>The first <paramref name="count"/> seeds whose 300-node formula fits the depth limit (deterministic).</summary>
    private static IEnumerable<(int Seed, string Formula)> Random300(int count)
    {
        for (int seed = 1; count > 0; seed++)
        {
            string formula = new RandomFormulas(seed).Any(300);
            if (LossGen.Generator.Parsing.Parser.Parse(formula).Error is null)
            {
                count--;
                yield return (seed, formula);
            }
        }
    }

    [Fact]
    public void ValueAndAllGradientsCostAtMostFourTimesTheValue()
    {
        double worst = 0;
        string worstName = "";
        foreach ((string name, string formula) in Cases())
        {
            var (loss, _) = Formulas.Derive(formula, Formulas.ScalarsOf(formula));
            double ratio = (double)loss.TotalOperations / Math.Max(1, loss.ValueOperations);
            output.WriteLine($"{ratio,5:F2}  ({loss.ValueOperations,4} → {loss.TotalOperations,4} ops)  {name}");
            if (ratio > worst)
            {
                worst = ratio;
                worstName = name;
            }
            Assert.True(ratio <= Bound, $"{name}: value {loss.ValueOperations} ops, with gradients {loss.TotalOperations} ops, ratio {ratio:F2} > {Bound}");
        }
        output.WriteLine($"worst ratio {worst:F2} ({worstName})");
    }

    [Fact]
    public void SmallRandomFormulasAreReported()
    {
        // Small formulas dominated by min/max/clamp/conditionals pay a constant for comparisons and
        // selects; reported here (and bounded loosely against regressions), not held to 4×.
        var random = new RandomFormulas(4242);
        var ratios = new List<double>();
        for (int i = 0; i < 300; i++)
        {
            string formula = random.Any(10 + i % 50);
            if (LossGen.Generator.Parsing.Parser.Parse(formula).Error is not null)
            {
                continue;
            }
            var (loss, _) = Formulas.Derive(formula, Formulas.ScalarsOf(formula));
            ratios.Add((double)loss.TotalOperations / Math.Max(1, loss.ValueOperations));
        }
        ratios.Sort();
        output.WriteLine($"{ratios.Count} formulas of 10-60 nodes: median ratio {ratios[ratios.Count / 2]:F2}, 95th percentile {ratios[ratios.Count * 95 / 100]:F2}, worst {ratios[^1]:F2}");
        Assert.True(ratios[^1] <= 8, "worst small-formula ratio " + ratios[^1]);
    }

    [Fact]
    public void SingleOperatorRatiosAreReported()
    {
        foreach (string formula in DerivativeTests.Rules)
        {
            var (loss, _) = Formulas.Derive(formula, Formulas.ScalarsOf(formula));
            output.WriteLine($"{loss.ValueOperations,3} → {loss.TotalOperations,3} ops  {formula}");
            // A power with a varying exponent pays for PyTorch's conventions at 0 (two comparisons, an
            // and, two selects) beside its two derivatives: 12 operations for pow(p, y).
            bool varyingPower = formula is "pow(p, y)" or "p ^ y";
            Assert.True(loss.TotalOperations <= 4 * loss.ValueOperations + (varyingPower ? 12 : 6), formula);
        }
    }
}
