using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace LossGen.Benchmarks;

/// <summary>
/// How the placement of the caller's arrays moves a cheap kernel at n = 10³ (Poisson NLL, one exp per element):
/// the inputs (<see cref="InOffset"/>) and the gradient (<see cref="OutOffset"/>) start that many bytes past a
/// 64-byte cache line. Managed arrays start wherever the allocator put them (8-byte steps: 0, 8, …, 56 bytes past a
/// line, each array on its own), so each process of <see cref="PoissonNllBenchmarks"/> gets its own placement; here
/// three of them for the inputs (both at the same offset) and two for the gradient are fixed. Each placement is its
/// own category with TensorPrimitives, on the same memory, as the baseline.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public unsafe class AlignmentBenchmarks
{
    private const int N = 1_000;

    [Params(0, 16, 32)]
    public int InOffset { get; set; }

    [Params(0, 16)]
    public int OutOffset { get; set; }

    private void* _p, _y, _g;
    private readonly List<nint> _blocks = [];

    [GlobalSetup]
    public void Setup()
    {
        (float[] p, float[] y) = LossBenchmarkBase.Data(N);
        _p = Place(p, InOffset);
        _y = Place(y, InOffset);
        _g = Place(new float[N], OutOffset);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (nint block in _blocks)
        {
            NativeMemory.AlignedFree((void*)block);
        }
        _blocks.Clear();
    }

    private void* Place(float[] values, int offset)
    {
        byte* block = (byte*)NativeMemory.AlignedAlloc((nuint)(values.Length * sizeof(float) + 64), 64);
        _blocks.Add((nint)block);
        values.CopyTo(new Span<float>(block + offset, values.Length));
        return block + offset;
    }

    private ReadOnlySpan<float> P => new(_p, N);
    private ReadOnlySpan<float> Y => new(_y, N);
    private Span<float> G => new(_g, N);

    [Benchmark(Baseline = true)] public float TensorPrimitives() => Baselines.PoissonTensor(P, Y, G);
    [Benchmark] public float Generated() => GeneratedLosses.PoissonNll(P, Y, G);
}
