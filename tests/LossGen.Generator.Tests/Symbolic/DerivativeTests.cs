using LossGen.Generator.Binding;
using LossGen.Generator.Symbolic;
using LossGen.Generator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace LossGen.Generator.Tests.Symbolic;

/// <summary>
/// Every derivative rule, every standard loss and ≥ 1,000 random formulas against central finite
/// differences in double at random points away from kinks: relative error ≤ 1e-7
/// (|ad − fd| ≤ 1e-7 · max(1, |fd|)).
/// </summary>
public class DerivativeTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-7;

    /// <summary>One formula per operator and function, each away from its kinks on the sampled points.</summary>
    public static TheoryData<string> Rules => new()
    {
        "p + y", "p - y", "p * y", "p / y", "-p", "+p",
        "exp(p)", "log(p)", "log1p(p)", "sqrt(p)", "tanh(p)", "abs(p)", "sign(p) * y", "sigmoid(p)", "softplus(p)",
        "min(p, y)", "max(p, y)", "clamp(p, y, y + 1)", "pow(p, y)", "p ^ y", "p ^ 3", "p ^ -2", "p ^ 0.5", "p ^ 1.5", "2 ^ p",
        "xlogy(p, y)", "xlogy(y, p)", "p > y ? exp(p) : log(y)", "p < 1 && y > 0 ? p * y : p + y", "!(p > y) ? p : y",
        "p >= y || p <= 0.5 ? p : y", "p == y ? 1 : p * p", "p != y ? p * p : 1", "pi * p",
        "d = p - y; d * d", "s = sigmoid(p); u = s * (1 - s); u * y",
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void RuleMatchesFiniteDifferences(string formula) => Assert.True(CheckFormula(formula, new Random(formula.Aggregate(17, (hash, c) => unchecked(hash * 31 + c))), 5, out string report), report);

    [Fact]
    public void StandardLossesMatchFiniteDifferences()
    {
        foreach (string formula in Formulas.Standard)
        {
            Assert.True(CheckFormula(formula, new Random(7), 5, out string report), report);
        }
    }

    [Fact]
    public void ThousandRandomFormulasMatchFiniteDifferences()
    {
        const int seed = 20261125;
        var generator = new RandomFormulas(seed);
        var random = new Random(seed);
        int checkedFormulas = 0;
        double worst = 0;
        for (int i = 0; checkedFormulas < 1000; i++)
        {
            Assert.True(i < 2000, "too few formulas could be checked");
            string formula = generator.Smooth(3 + random.Next(25));
            bool ok = CheckFormula(formula, random, 1, out string report, out double error, out bool skipped);
            Assert.True(ok, $"seed {seed}, formula #{i}: {report}");
            if (!skipped)
            {
                checkedFormulas++;
                worst = Math.Max(worst, error);
            }
        }
        output.WriteLine($"{checkedFormulas} random formulas checked, worst relative error {worst:E2}");
    }

    private bool CheckFormula(string formula, Random random, int points, out string report) =>
        CheckFormula(formula, random, points, out report, out _, out _);

    /// <summary>Checks d/dp, d/dy and the scalar derivatives of <paramref name="formula"/> at random points where finite differences are trustworthy.</summary>
    internal static bool CheckFormula(string formula, Random random, int points, out string report, out double worstError, out bool skipped)
    {
        string[] scalars = Formulas.ScalarsOf(formula);
        (DerivedLoss loss, LossSignature signature) = Formulas.Derive(formula, scalars);
        var inputs = signature.Parameters.Where(p => p.Role is ParameterRole.ElementwiseInput or ParameterRole.ScalarInput).ToList();
        var gradients = loss.Gradients;
        worstError = 0;
        int accepted = 0;
        for (int attempt = 0; attempt < 40 * points && accepted < points; attempt++)
        {
            var point = inputs.ToDictionary(p => p.Index, p => Sample(p.Name, random));
            double[] values = GraphEvaluator.Evaluate(loss.Graph, point);
            if (!double.IsFinite(values[loss.Value]))
            {
                continue;
            }
            bool trustworthy = true;
            var pending = new List<(string Name, double Ad, double Fd)>();
            foreach (GradientOutput g in gradients)
            {
                double ad = g.Node is int node ? values[node] : 0;
                double fd = FiniteDifference.Derivative(loss.Graph, loss.Value, point, g.Input.Index, 1e-3);
                double fdFine = FiniteDifference.Derivative(loss.Graph, loss.Value, point, g.Input.Index, 2e-4);
                // Near a kink, or where rounding dominates, the two step sizes disagree: sample elsewhere.
                if (!double.IsFinite(fd) || Math.Abs(fd - fdFine) > 1e-9 * Math.Max(1, Math.Abs(fd)))
                {
                    trustworthy = false;
                    break;
                }
                pending.Add((g.Input.Name, ad, fd));
            }
            if (!trustworthy)
            {
                continue;
            }
            accepted++;
            foreach ((string name, double ad, double fd) in pending)
            {
                double error = Math.Abs(ad - fd) / Math.Max(1, Math.Abs(fd));
                worstError = Math.Max(worstError, error);
                if (!(error <= Tolerance))
                {
                    report = $"{formula}: d/d{name} at ({string.Join(", ", point.Select(kv => signature.Parameters[kv.Key].Name + "=" + kv.Value.ToString("R")))}) is {ad:R}, finite differences give {fd:R} (relative error {error:E2})";
                    skipped = false;
                    return false;
                }
            }
        }
        skipped = accepted == 0;
        report = skipped ? formula + ": no point where finite differences are trustworthy" : "ok";
        return true;
    }

    private static double Sample(string name, Random random) => name switch
    {
        "p" or "y" => 0.2 + random.NextDouble() * 1.6, // in (0.2, 1.8): inside the domain of log, sqrt, xlogy
        "tau" => 0.1 + random.NextDouble() * 0.8,
        "eps" => 1e-6,
        _ => 0.3 + random.NextDouble() * 1.5,
    };
}
