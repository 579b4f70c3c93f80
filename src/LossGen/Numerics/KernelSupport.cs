using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGen.Numerics;

/// <summary>
/// Helpers called by LossGen-generated kernels: argument validation, masked tail loads and
/// stores. Not meant to be called by hand; the API may change between minor versions.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class KernelSupport
{
    /// <summary>Throws the <see cref="ArgumentException"/> for a span whose length differs from the reference span's.</summary>
    /// <param name="paramName">The offending parameter.</param>
    /// <param name="actual">Its length.</param>
    /// <param name="referenceName">The parameter that fixes the length n.</param>
    /// <param name="expected">n.</param>
    [DoesNotReturn]
    public static void ThrowLengthMismatch(string paramName, int actual, string referenceName, int expected) =>
        throw new ArgumentException(
            $"Span '{paramName}' has length {actual}, but '{referenceName}' has length {expected}; all spans of a loss must have the same length.",
            paramName);

    /// <summary>
    /// Loads <c>source[start..]</c> (at most <see cref="Vector{T}.Count"/> elements; none when <paramref name="start"/> is at
    /// or past the end) into a vector, padding with zeros:
    /// one masked load where the hardware has it (AVX-512 or AVX for 256-bit, AVX-512 for 512-bit vectors; masked-off
    /// lanes are never read, so nothing past the span is touched), else lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector<T> LoadTail<T>(ReadOnlySpan<T> source, int start)
        where T : unmanaged
    {
        int count = Math.Min(source.Length - start, Vector<T>.Count);
        if (count > 0 && (typeof(T) == typeof(float) || typeof(T) == typeof(double)))
        {
            ref T first = ref MemoryMarshal.GetReference(source.Slice(start));
            if (Vector<byte>.Count == 32 && Avx512F.VL.IsSupported)
            {
                // EVEX masked load (vmovups with a k mask): a plain load for the processor.
                Vector256<T> mask = TailMask<T>(count).AsVector256();
                fixed (T* pointer = &first)
                {
                    return typeof(T) == typeof(float)
                        ? Avx512F.VL.MaskLoad((float*)pointer, mask.AsSingle(), Vector256<float>.Zero).As<float, T>().AsVector()
                        : Avx512F.VL.MaskLoad((double*)pointer, mask.AsDouble(), Vector256<double>.Zero).As<double, T>().AsVector();
                }
            }
            if (Vector<byte>.Count == 32 && Avx.IsSupported)
            {
                Vector256<T> mask = TailMask<T>(count).AsVector256();
                fixed (T* pointer = &first)
                {
                    return typeof(T) == typeof(float)
                        ? Avx.MaskLoad((float*)pointer, mask.AsSingle()).As<float, T>().AsVector()
                        : Avx.MaskLoad((double*)pointer, mask.AsDouble()).As<double, T>().AsVector();
                }
            }
            if (Vector<byte>.Count == 64 && Avx512F.IsSupported)
            {
                Vector512<T> mask = TailMask<T>(count).AsVector512();
                fixed (T* pointer = &first)
                {
                    return typeof(T) == typeof(float)
                        ? Avx512F.MaskLoad((float*)pointer, mask.AsSingle(), Vector512<float>.Zero).As<float, T>().AsVector()
                        : Avx512F.MaskLoad((double*)pointer, mask.AsDouble(), Vector512<double>.Zero).As<double, T>().AsVector();
                }
            }
        }
        Vector<T> result = Vector<T>.Zero;
        for (int lane = 0; lane < count; lane++)
        {
            Lane(ref result, lane) = source[start + lane];
        }
        return result;
    }

    /// <summary>
    /// Stores the first <c>destination.Length - start</c> lanes of <paramref name="value"/> (at most all of them) into
    /// <c>destination[start..]</c>:
    /// one masked store where the hardware has it (nothing past the span is written), else lane by lane.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void StoreTail<T>(Span<T> destination, int start, Vector<T> value)
        where T : unmanaged
    {
        int count = Math.Min(destination.Length - start, Vector<T>.Count);
        if (count > 0 && (typeof(T) == typeof(float) || typeof(T) == typeof(double)))
        {
            ref T first = ref MemoryMarshal.GetReference(destination.Slice(start));
            if (Vector<byte>.Count == 32 && Avx512F.VL.IsSupported)
            {
                // EVEX masked store: fast where AVX's vmaskmovps store is microcoded (AMD processors).
                Vector256<T> mask = TailMask<T>(count).AsVector256();
                fixed (T* pointer = &first)
                {
                    if (typeof(T) == typeof(float))
                    {
                        Avx512F.VL.MaskStore((float*)pointer, mask.AsSingle(), value.AsVector256().AsSingle());
                    }
                    else
                    {
                        Avx512F.VL.MaskStore((double*)pointer, mask.AsDouble(), value.AsVector256().AsDouble());
                    }
                }
                return;
            }
            if (Vector<byte>.Count == 32 && Avx.IsSupported)
            {
                Vector256<T> mask = TailMask<T>(count).AsVector256();
                fixed (T* pointer = &first)
                {
                    if (typeof(T) == typeof(float))
                    {
                        Avx.MaskStore((float*)pointer, mask.AsSingle(), value.AsVector256().AsSingle());
                    }
                    else
                    {
                        Avx.MaskStore((double*)pointer, mask.AsDouble(), value.AsVector256().AsDouble());
                    }
                }
                return;
            }
            if (Vector<byte>.Count == 64 && Avx512F.IsSupported)
            {
                Vector512<T> mask = TailMask<T>(count).AsVector512();
                fixed (T* pointer = &first)
                {
                    if (typeof(T) == typeof(float))
                    {
                        Avx512F.MaskStore((float*)pointer, mask.AsSingle(), value.AsVector512().AsSingle());
                    }
                    else
                    {
                        Avx512F.MaskStore((double*)pointer, mask.AsDouble(), value.AsVector512().AsDouble());
                    }
                }
                return;
            }
        }
        for (int lane = 0; lane < count; lane++)
        {
            destination[start + lane] = Lane(ref value, lane);
        }
    }

    /// <summary>The distance, in bytes, at which <see cref="Prefetch{T}"/> asks for memory ahead of the element being read.</summary>
    public const int PrefetchBytes = 2048;

    /// <summary>
    /// Asks the processor to bring the cache line <see cref="PrefetchBytes"/> ahead of <c>source[index]</c> into all cache
    /// levels (x86 <c>prefetcht0</c>; nothing elsewhere). <c>source[index]</c> must be an element of the data; the address
    /// ahead is computed as a raw pointer, never as a managed reference (it may lie past the end of the data), and is not
    /// kept: the GC may move the data at any time, and a hint to a stale address costs nothing but the hint, which never
    /// faults. Called by the main loop of kernels with two or more transcendental functions per element, whose long
    /// bodies leave the hardware prefetcher behind on data far larger than the caches (docs/benchmarks.md).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Prefetch<T>(ref readonly T source, int index)
        where T : unmanaged
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Ahead(in source, index));
        }
    }

    /// <summary>The raw address <see cref="PrefetchBytes"/> past <c>source[index]</c> (never kept, never dereferenced).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe byte* Ahead<T>(ref readonly T source, int index)
        where T : unmanaged =>
        (byte*)Unsafe.AsPointer(ref Unsafe.Add(ref Unsafe.AsRef(in source), index)) + PrefetchBytes;

    /// <summary>
    /// <see cref="Prefetch{T}"/> for a main loop that reads two vectors per iteration: the line
    /// <see cref="PrefetchBytes"/> ahead of <c>source[index]</c> and, where two vectors span more than one cache line of
    /// 64 bytes (512-bit <c>Vector&lt;T&gt;</c>), the next line too, so that every line the loop will read is asked for
    /// (with 256-bit vectors the loop advances 64 bytes per iteration and one hint per iteration covers every line). The
    /// test of <c>Vector&lt;byte&gt;.Count</c> is a constant to the JIT: no branch is left in the loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchPair<T>(ref readonly T source, int index)
        where T : unmanaged
    {
        if (Sse.IsSupported)
        {
            byte* ahead = Ahead(in source, index);
            Sse.Prefetch0(ahead);
            if (Vector<byte>.Count > 32)
            {
                Sse.Prefetch0(ahead + 64);
            }
        }
    }

    /// <summary>
    /// Lane <paramref name="lane"/> of <paramref name="vector"/> by reference, to build or read a vector lane by lane
    /// (a stackalloc buffer instead would keep the JIT from inlining the helper, and a tail cost a call and a copy).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ref T Lane<T>(ref Vector<T> vector, int lane)
        where T : unmanaged => ref Unsafe.Add(ref Unsafe.As<Vector<T>, T>(ref vector), lane);

    /// <summary>A mask whose first <paramref name="count"/> lanes are all ones and the rest zero (T is float or double).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> TailMask<T>(int count)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return Vector.LessThan(Vector<int>.Indices, new Vector<int>(count)).As<int, T>();
        }
        if (typeof(T) == typeof(double))
        {
            return Vector.LessThan(Vector<long>.Indices, new Vector<long>(count)).As<long, T>();
        }
        throw new NotSupportedException("LossGen kernels use float or double.");
    }
}
