namespace LossGen.Benchmarks;

/// <summary>
/// `--validate`: runs every implementation of every benchmarked loss on the benchmarks' data (n = 1,000
/// and an odd n = 100,003 that exercises the tails) and compares each value and gradient with the
/// hand-written kernel's. Returns the number of mismatches (the process exit code).
/// </summary>
public static class Validation
{
    private delegate float Kernel(float[] p, float[] y, float[] g);

    private const double ValueTolerance = 1e-4;     // relative
    private const double GradientTolerance = 1e-4;  // of the largest |gradient|

    public static int Run()
    {
        int failures = 0;
        foreach (int n in new[] { 1_000, 100_003 })
        {
            var random = new Random(1);
            float[] p = Enumerable.Range(0, n).Select(_ => (float)(random.NextDouble() * 8 - 4)).ToArray();
            float[] y = Enumerable.Range(0, n).Select(_ => (float)random.Next(2)).ToArray();
            float[] t1 = new float[n], t2 = new float[n], t3 = new float[n];
            var losses = new (string Name, (string Name, Kernel Kernel)[] Kernels)[]
            {
                ("MSE", new (string, Kernel)[] { ("Hand", (a, b, g) => HandWritten.Mse(a, b, g)), ("Generated", (a, b, g) => GeneratedLosses.Mse(a, b, g)), ("TensorPrimitives", (a, b, g) => Baselines.MseTensor(a, b, g)), ("Scalar", (a, b, g) => Baselines.MseScalar(a, b, g)) }),
                ("Huber", new (string, Kernel)[] { ("Hand", (a, b, g) => HandWritten.Huber(a, b, 1f, g)), ("Generated", (a, b, g) => GeneratedLosses.Huber(a, b, 1f, g)), ("TensorPrimitives", (a, b, g) => Baselines.HuberTensor(a, b, 1f, g, t1, t2)), ("Scalar", (a, b, g) => Baselines.HuberScalar(a, b, 1f, g)) }),
                ("BCE with logits", new (string, Kernel)[] { ("Hand", (a, b, g) => HandWritten.BceWithLogits(a, b, g)), ("Generated", (a, b, g) => GeneratedLosses.BceWithLogits(a, b, g)), ("Catalogue", (a, b, g) => Losses.BceWithLogitsLoss(a, b, 1f, g)), ("TensorPrimitives", (a, b, g) => Baselines.BceTensor(a, b, g, t1, t2)), ("Scalar", (a, b, g) => Baselines.BceScalar(a, b, g)) }),
                ("log-cosh", new (string, Kernel)[] { ("Hand", (a, b, g) => HandWrittenMore.LogCosh(a, b, g)), ("Generated", (a, b, g) => GeneratedLosses.LogCosh(a, b, g)), ("TensorPrimitives", (a, b, g) => Baselines.LogCoshTensor(a, b, g, t1)), ("Scalar", (a, b, g) => Baselines.LogCoshScalar(a, b, g)) }),
                ("Poisson NLL", new (string, Kernel)[] { ("Hand", (a, b, g) => HandWrittenMore.PoissonNll(a, b, g)), ("Generated", (a, b, g) => GeneratedLosses.PoissonNll(a, b, g)), ("TensorPrimitives", (a, b, g) => Baselines.PoissonTensor(a, b, g)), ("Scalar", (a, b, g) => Baselines.PoissonScalar(a, b, g)) }),
                ("focal (γ = 2, α = 0.25)", new (string, Kernel)[] { ("Hand", (a, b, g) => HandWrittenMore.Focal(a, b, g)), ("Generated", (a, b, g) => GeneratedLosses.Focal(a, b, g)), ("GeneratedSoftLabels", (a, b, g) => GeneratedLosses.FocalSoftLabels(a, b, g)), ("TensorPrimitives", (a, b, g) => Baselines.FocalTensor(a, b, g, t1, t2, t3)), ("Scalar", (a, b, g) => Baselines.FocalScalar(a, b, g)) }),
            };
            foreach (var (loss, kernels) in losses)
            {
                var referenceGradient = new float[n];
                float reference = kernels[0].Kernel(p, y, referenceGradient);
                double scale = referenceGradient.Max(v => Math.Abs((double)v));
                foreach (var (name, kernel) in kernels.Skip(1))
                {
                    var gradient = new float[n];
                    float value = kernel(p, y, gradient);
                    double valueError = Math.Abs(value - reference) / Math.Abs(reference);
                    double gradientError = Enumerable.Range(0, n).Max(i => Math.Abs((double)gradient[i] - referenceGradient[i])) / scale;
                    bool ok = valueError <= ValueTolerance && gradientError <= GradientTolerance;
                    failures += ok ? 0 : 1;
                    Console.WriteLine($"{(ok ? "ok  " : "FAIL")} n = {n,7:N0} {loss,-24} {name,-16} value {value,12:G8} vs {reference,12:G8} (rel {valueError:E1}), gradient max diff {gradientError:E1} of max |g|");
                }
            }

            // The double kernels (DoubleKernelBenchmarks): the catalogue against the hand-written BCL kernel.
            double[] pd = Array.ConvertAll(p, v => (double)v), yd = Array.ConvertAll(y, v => (double)v);
            double[] handGradient = new double[n], catalogueGradient = new double[n];
            double handValue = HandWrittenDouble.BceWithLogits(pd, yd, handGradient);
            double catalogueValue = Losses.BceWithLogitsLoss(pd, yd, 1.0, catalogueGradient);
            double doubleValueError = Math.Abs(catalogueValue - handValue) / Math.Abs(handValue);
            double doubleGradientError = Enumerable.Range(0, n).Max(i => Math.Abs(catalogueGradient[i] - handGradient[i])) / handGradient.Max(Math.Abs);
            bool doubleOk = doubleValueError <= 1e-12 && doubleGradientError <= 1e-12;
            failures += doubleOk ? 0 : 1;
            Console.WriteLine($"{(doubleOk ? "ok  " : "FAIL")} n = {n,7:N0} {"BCE with logits, double",-24} {"Catalogue",-16} value {catalogueValue,12:G8} vs {handValue,12:G8} (rel {doubleValueError:E1}), gradient max diff {doubleGradientError:E1} of max |g|");
        }
        Console.WriteLine(failures == 0 ? "All implementations agree." : $"{failures} mismatches.");
        return failures;
    }
}
