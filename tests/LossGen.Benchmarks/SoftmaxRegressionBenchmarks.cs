using BenchmarkDotNet.Attributes;

namespace LossGen.Benchmarks;

/// <summary>
/// Time to reach within 1e-4 (relative) of the optimal objective of L2-regularized softmax regression (λ = 1e-3):
/// LossGen's float L-BFGS over a <c>SoftmaxRegressionObjective</c> against ML.NET's <c>LbfgsMaximumEntropy</c> (the
/// baseline), on the digits (1797 × 64, 10 classes) and on a synthetic 100,000 × 50 set with 10 classes (seeded).
/// As in <see cref="LogisticRegressionBenchmarks"/>, the global setup finds for each trainer the fewest iterations
/// that reach the target (each result scored by the same double objective); each benchmark then trains from
/// scratch with that budget. <typeparamref name="TLoss"/> is the cross-entropy LossGen trains with: the type
/// argument below names it (today the samples' stand-in; the catalogue's generated loss when it exists).
/// </summary>
/// <typeparam name="TLoss">The cross-entropy struct, float and double.</typeparam>
[GenericTypeArguments(typeof(Losses.CrossEntropyLossFunction))]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class SoftmaxRegressionBenchmarks<TLoss>
    where TLoss : struct, Training.IClassificationLoss<float>, Training.IClassificationLoss<double>
{
    private const double Target = 1e-4;
    private SoftmaxProblem<TLoss> _problem = null!;
    private int _lossGenLbfgs, _mlNetLbfgs;

    [Params("digits", "synthetic")]
    public string Data { get; set; } = "digits";

    [GlobalSetup]
    public void Setup()
    {
        _problem = Data == "digits" ? SoftmaxProblem<TLoss>.Digits() : SoftmaxProblem<TLoss>.Synthetic(100_000, 50, 10, 11);
        double optimum = _problem.OptimalObjective();
        Console.WriteLine($"// {_problem.Name}: optimal objective {optimum:R}");
        _lossGenLbfgs = Budget("LossGen L-BFGS", optimum, 1000, _problem.LossGenLbfgs);
        _mlNetLbfgs = Budget("ML.NET LbfgsMaximumEntropy", optimum, 1000, _problem.MlNetLbfgsMaximumEntropy);
    }

    /// <summary>The fewest iterations k ≤ max whose result is within the target (doubling, then bisection); max when none is.</summary>
    private int Budget(string name, double optimum, int max, Func<int, float[]> train)
    {
        double Gap(int k) => (_problem.Objective(train(k)) - optimum) / Math.Abs(optimum);
        int hi = 1;
        while (hi < max && Gap(hi) > Target)
        {
            hi = Math.Min(max, hi * 2);
        }
        if (Gap(hi) > Target)
        {
            Console.WriteLine($"// {name}: does not reach {Target} within {max} iterations (relative gap {Gap(max):E2}); timed at {max}");
            return max;
        }
        int lo = hi / 2;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (Gap(mid) <= Target)
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        Console.WriteLine($"// {name}: {hi} iterations reach the target (relative gap {Gap(hi):E2})");
        return hi;
    }

    [Benchmark(Baseline = true)] public float MlNetLbfgsMaximumEntropy() => _problem.MlNetLbfgsMaximumEntropy(_mlNetLbfgs)[^1];
    [Benchmark] public float LossGenLbfgs() => _problem.LossGenLbfgs(_lossGenLbfgs)[^1];
}
