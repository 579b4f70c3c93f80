using System.Numerics;
using System.Runtime.Intrinsics.X86;
using LossGen.Numerics;
using Xunit.Abstractions;

namespace LossGen.Tests.Numerics;

/// <summary>
/// The masked tail of every generated kernel: <see cref="KernelSupport.LoadTail{T}"/> reads exactly the elements left
/// and zero-pads the rest, <see cref="KernelSupport.StoreTail{T}"/> writes exactly those lanes and nothing past the
/// span. The path taken depends on the processor and the vector width (AVX-512 masks, AVX masks, lane by lane); CI runs
/// these tests once per path the machine has (.ci/run, "vector paths").
/// </summary>
public class TailTests(ITestOutputHelper output)
{
    [Fact]
    public void TheVectorWidthIsTheOneThisRunAskedFor()
    {
        output.WriteLine($"Vector<byte>.Count = {Vector<byte>.Count}, AVX = {Avx.IsSupported}, AVX-512VL = {Avx512F.VL.IsSupported}");
        Assert.Contains(Vector<byte>.Count, new[] { 16, 32, 64 });
        // Set by CI's runs with AVX-512 or AVX2 disabled or 512-bit vectors, so that a setting the runtime ignored fails here.
        if (Environment.GetEnvironmentVariable("LOSSGEN_EXPECT_VECTOR_BYTES") is string expected)
        {
            Assert.Equal(int.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Vector<byte>.Count);
        }
        if (Environment.GetEnvironmentVariable("LOSSGEN_EXPECT_AVX512") is string avx512)
        {
            Assert.Equal(avx512 == "1", Avx512F.VL.IsSupported);
        }
    }

    [Fact]
    public void FloatTailsReadAndWriteExactlyTheElementsLeft() => Check<float>(k => k + 0.5f);

    [Fact]
    public void DoubleTailsReadAndWriteExactlyTheElementsLeft() => Check<double>(k => k + 0.25);

    private static void Check<T>(Func<int, T> value)
        where T : unmanaged, IEquatable<T>
    {
        int width = Vector<T>.Count;
        T guard = value(-1000);
        foreach (int length in new[] { 0, 1, width - 1, width, width + 1, 2 * width + 3 })
        {
            for (int start = Math.Max(0, length - width - 1); start <= length + 1; start++)
            {
                // The span sits inside a larger array whose other elements are guards: nothing outside may be read or written.
                T[] backing = Enumerable.Repeat(guard, length + 2 * width).ToArray();
                for (int k = 0; k < length; k++)
                {
                    backing[width + k] = value(k);
                }
                var span = new Span<T>(backing, width, length);
                int left = Math.Clamp(length - start, 0, width);

                Vector<T> loaded = KernelSupport.LoadTail<T>(span, start);
                for (int lane = 0; lane < width; lane++)
                {
                    Assert.Equal(lane < left ? value(start + lane) : default, loaded[lane]);
                }

                var stored = new Vector<T>(value(500));
                KernelSupport.StoreTail(span, start, stored);
                for (int k = 0; k < backing.Length; k++)
                {
                    int index = k - width;
                    T expected = index < 0 || index >= length ? guard
                        : index >= start && index < start + left ? value(500)
                        : value(index);
                    Assert.True(expected.Equals(backing[k]), $"length {length}, start {start}: element {index} is {backing[k]}, expected {expected}");
                }
            }
        }
    }
}
