using System.Numerics;
using LossGen.Numerics;

// Exhaustive accuracy of VectorMath's float functions: every float argument of a range (all bit patterns, both
// signs), a vector at a time, against a double-precision reference; prints the largest error in float ulps and
// where it occurs. Takes 10-60 s per function on two cores. The figures are quoted in docs/benchmarks.md.
//   dotnet run -c Release --project tools/ExhaustiveUlp -- [function ...]     (default: all)

var functions = new Dictionary<string, (Func<Vector<float>, Vector<float>> Function, Func<double, double> Reference, float Low, float High)>
{
    ["exp"] = (VectorMath.Exp, Math.Exp, -104f, 89f),
    ["expNonPositive"] = (VectorMath.ExpNonPositive, Math.Exp, -104f, 0f),
    ["log"] = (VectorMath.Log, Math.Log, float.Epsilon, float.MaxValue),
    ["log1p"] = (VectorMath.Log1p, Log1p, -1f, float.MaxValue),
    ["log1pUnit"] = (VectorMath.Log1pUnit, Log1p, 0f, 1f),
    ["sigmoid"] = (VectorMath.Sigmoid, x => x >= 0 ? 1 / (1 + Math.Exp(-x)) : Math.Exp(x) / (1 + Math.Exp(x)), -110f, 110f),
    ["softplus"] = (VectorMath.Softplus, x => Math.Max(x, 0) + Log1p(Math.Exp(-Math.Abs(x))), -110f, 110f),
};

foreach (string name in args.Length > 0 ? args : functions.Keys.ToArray())
{
    if (!functions.TryGetValue(name, out var f))
    {
        Console.Error.WriteLine($"Unknown function '{name}'; known: {string.Join(", ", functions.Keys)}.");
        return 1;
    }
    var (worst, at, count) = MaxError(f.Function, f.Reference, f.Low, f.High);
    Console.WriteLine($"{name,-15} [{f.Low:R}, {f.High:R}]  {count,14:N0} floats  max {worst:F4} ulp at x = {at:R}");
}
return 0;

// log(1 + x) in double to about 1 double ulp: 1 + x as an exact sum u + lo, then log(u) + lo/u.
static double Log1p(double x)
{
    double u = 1 + x;
    if (u == 0 || double.IsInfinity(u))
    {
        return Math.Log(u);
    }
    double lo = x - (u - 1);
    return Math.Log(u) + lo / u;
}

// Error of a float result in ulps of the float format at the reference (subnormal ulp below 2^-126);
// an infinite result is exact when the reference is beyond float's range.
static double Ulps(float result, double reference)
{
    if (float.IsInfinity(result) || double.IsInfinity(reference))
    {
        // Rounding to float gives ∞ from MaxValue + ½ ulp (2^104) on; just below, the right answer is MaxValue.
        bool overflows = Math.Abs(reference) >= (double)float.MaxValue + Math.Pow(2, 103);
        return result == reference || overflows && Math.Sign(reference) == Math.Sign(result) ? 0 : double.PositiveInfinity;
    }
    if (float.IsNaN(result) || double.IsNaN(reference))
    {
        return float.IsNaN(result) && double.IsNaN(reference) ? 0 : double.PositiveInfinity;
    }
    double magnitude = Math.Abs(reference);
    double ulp = magnitude < Math.Pow(2, -126) ? Math.Pow(2, -149) : Math.Pow(2, Math.ILogB(magnitude) - 23);
    return Math.Abs(result - reference) / ulp;
}

static (double Worst, float At, long Count) MaxError(Func<Vector<float>, Vector<float>> function, Func<double, double> reference, float low, float high)
{
    // The range as runs of bit patterns of one sign (magnitudes): [low, min(high, -0)] and [max(low, +0), high].
    var runs = new List<(int From, int To, bool Negative)>();
    if (low < 0)
    {
        float smallest = high >= 0 ? 0f : -high;
        runs.Add((BitConverter.SingleToInt32Bits(smallest), BitConverter.SingleToInt32Bits(-low), true));
    }
    if (high >= 0)
    {
        runs.Add((BitConverter.SingleToInt32Bits(Math.Max(low, 0f)), BitConverter.SingleToInt32Bits(high), false));
    }
    double worst = 0;
    float worstAt = 0;
    long count = 0;
    var gate = new object();
    foreach (var (from, to, negative) in runs)
    {
        const int Chunks = 256;
        long total = (long)to - from + 1;
        Parallel.For(0, Chunks, chunk =>
        {
            long first = from + total * chunk / Chunks, end = from + total * (chunk + 1) / Chunks;
            int width = Vector<float>.Count;
            var input = new float[width];
            var output = new float[width];
            double localWorst = 0;
            float localAt = 0;
            for (long bits = first; bits < end; bits += width)
            {
                for (int lane = 0; lane < width; lane++)
                {
                    int pattern = (int)Math.Min(bits + lane, end - 1);
                    input[lane] = BitConverter.Int32BitsToSingle(negative ? pattern | int.MinValue : pattern);
                }
                function(new Vector<float>(input)).CopyTo(output);
                for (int lane = 0; lane < width; lane++)
                {
                    double error = Ulps(output[lane], reference(input[lane]));
                    if (error > localWorst)
                    {
                        localWorst = error;
                        localAt = input[lane];
                    }
                }
            }
            lock (gate)
            {
                count += end - first;
                if (localWorst > worst)
                {
                    (worst, worstAt) = (localWorst, localAt);
                }
            }
        });
    }
    return (worst, worstAt, count);
}
