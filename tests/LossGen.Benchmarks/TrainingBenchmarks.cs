using BenchmarkDotNet.Attributes;
using LossGen.Training;

namespace LossGen.Benchmarks;

/// <summary>
/// Time to reach within 1e-4 of the optimal objective on a 100,000 × 50 logistic regression (λ = 0.01):
/// LossGen Newton (exact Hessian, damped Cholesky), L-BFGS and Adam against ML.NET's L-BFGS (the baseline) and SDCA. The global setup finds, for
/// each trainer, the fewest iterations or epochs that reach 1e-4 (each result scored by the same double
/// objective); each benchmark then trains from scratch with that budget.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class LogisticRegressionBenchmarks
{
    private const double Target = 1e-4;
    private LogisticProblem _problem = null!;
    private int _lossGenNewton, _lossGenLbfgs, _lossGenAdam, _mlNetLbfgs, _mlNetSdca;

    [GlobalSetup]
    public void Setup()
    {
        _problem = new LogisticProblem(100_000, 50, 7);
        double optimum = _problem.OptimalObjective();
        Console.WriteLine($"// optimal objective {optimum:R}");
        _lossGenNewton = Budget("LossGen Newton", optimum, 50, k => _problem.LossGenNewton(k));
        _lossGenLbfgs = Budget("LossGen L-BFGS", optimum, 200, k => _problem.LossGenLbfgs(k));
        _lossGenAdam = Budget("LossGen Adam", optimum, 5000, k => _problem.LossGenAdam(k));
        _mlNetLbfgs = Budget("ML.NET L-BFGS", optimum, 500, k => _problem.MlNetLbfgs(k));
        _mlNetSdca = Budget("ML.NET SDCA", optimum, 500, k => _problem.MlNetSdca(k));
    }

    /// <summary>The fewest steps k ≤ max whose result is within the target (doubling, then bisection); max when none is.</summary>
    private int Budget(string name, double optimum, int max, Func<int, (float[] W, float B)> train)
    {
        bool Reaches(int k)
        {
            (float[] w, float b) = train(k);
            return _problem.Objective(w, b) - optimum <= Target;
        }
        int hi = 1;
        while (hi < max && !Reaches(hi))
        {
            hi = Math.Min(max, hi * 2);
        }
        if (!Reaches(hi))
        {
            (float[] w, float b) = train(hi);
            Console.WriteLine($"// {name}: does not reach {Target} within {max} (gap {_problem.Objective(w, b) - optimum:E2}); timed at {max}");
            return max;
        }
        int lo = hi / 2;
        while (hi - lo > 1)
        {
            int mid = (lo + hi) / 2;
            if (Reaches(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }
        (float[] wf, float bf) = train(hi);
        Console.WriteLine($"// {name}: {hi} steps reach the target (gap {_problem.Objective(wf, bf) - optimum:E2})");
        return hi;
    }

    [Benchmark(Baseline = true)] public float MlNetLbfgs() => _problem.MlNetLbfgs(_mlNetLbfgs).B;
    [Benchmark] public float MlNetSdca() => _problem.MlNetSdca(_mlNetSdca).B;
    [Benchmark] public float LossGenNewton() => _problem.LossGenNewton(_lossGenNewton).B;
    [Benchmark] public float LossGenLbfgs() => _problem.LossGenLbfgs(_lossGenLbfgs).B;
    [Benchmark] public float LossGenAdam() => _problem.LossGenAdam(_lossGenAdam).B;
}

/// <summary>One gradient of the 100,000 × 50 logistic objective on one thread (baseline) and on all.</summary>
public class ParallelGradientBenchmarks
{
    private LinearObjective<float, Losses.BceWithLogitsLossFunction> _one = null!, _all = null!;
    private float[] _theta = [], _gradient = [];

    [GlobalSetup]
    public void Setup()
    {
        var problem = new LogisticProblem(100_000, 50, 7);
        _one = new(problem.X, problem.D, problem.Y, new Losses.BceWithLogitsLossFunction(1), new LinearObjectiveOptions { L2 = LogisticProblem.Lambda, Threads = 1 });
        _all = new(problem.X, problem.D, problem.Y, new Losses.BceWithLogitsLossFunction(1), new LinearObjectiveOptions { L2 = LogisticProblem.Lambda });
        _theta = Enumerable.Range(0, 51).Select(i => (float)Math.Sin(i)).ToArray();
        _gradient = new float[51];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _one.Dispose();
        _all.Dispose();
    }

    [Benchmark(Baseline = true)] public float OneThread() => _one.Evaluate(_theta, _gradient);
    [Benchmark] public float AllThreads() => _all.Evaluate(_theta, _gradient);
}
