using System;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace LossGen.Numerics;

public static partial class KernelSupport
{
    /// <summary>
    /// The number of rows n of a row loss whose spans are all rows of <paramref name="rowLength"/> values:
    /// <c>length / K</c>; throws when the length is not a multiple of K.
    /// </summary>
    /// <exception cref="ArgumentException">The length is not a multiple of K.</exception>
    public static int RowCount(int length, int rowLength, string paramName)
    {
        int rows = length / rowLength;
        if ((long)rows * rowLength != length)
        {
            throw new ArgumentException($"Span '{paramName}' has length {length}, which is not a whole number of rows of K = {rowLength} values.", paramName);
        }
        return rows;
    }

    /// <summary>Throws unless the run-time row length K is positive.</summary>
    /// <exception cref="ArgumentOutOfRangeException">K is zero or negative.</exception>
    public static void CheckRowLength(int rowLength, string paramName)
    {
        if (rowLength <= 0)
        {
            throw new ArgumentOutOfRangeException(paramName, rowLength, "The row length K (values per sample) must be positive.");
        }
    }

    /// <summary>Throws the <see cref="ArgumentException"/> for a row span whose length is not n·K.</summary>
    [DoesNotReturn]
    public static void ThrowRowLengthMismatch(string paramName, int actual, string referenceName, int rows, int rowLength) =>
        throw new ArgumentException(
            $"Span '{paramName}' has length {actual}, but it holds rows of K = {rowLength} values for the {rows} samples of '{referenceName}', so its length must be {(long)rows * rowLength}.",
            paramName);

    /// <summary>Throws unless every class index is in [0, K), naming the first offending row.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is negative or at least K.</exception>
    public static void CheckClassIndices(ReadOnlySpan<int> indices, int rowLength, string paramName)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)rowLength)
            {
                throw new ArgumentOutOfRangeException(paramName, indices[i],
                    $"Class index {indices[i]} of row {i} in '{paramName}' is outside [0, {rowLength}): each row has K = {rowLength} values.");
            }
        }
    }

    /// <summary>
    /// Loads <c>source[offset], source[offset + stride], …</c> (<see cref="Vector{T}.Count"/> values): one component of
    /// consecutive rows of <paramref name="stride"/> values (a hardware gather where there is one).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector<T> LoadStrided<T>(ref readonly T source, nuint offset, int stride)
        where T : unmanaged
    {
        ref readonly T start = ref Unsafe.Add(ref Unsafe.AsRef(in source), offset);
        if (Avx2.IsSupported && Vector<T>.Count == 8 && typeof(T) == typeof(float))
        {
            Vector256<int> offsets = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * stride;
            fixed (T* pointer = &start)
            {
                return Avx2.GatherVector256((float*)pointer, offsets, 4).AsVector().As<float, T>();
            }
        }
        if (Avx2.IsSupported && Vector<T>.Count == 4 && typeof(T) == typeof(double))
        {
            Vector128<int> offsets = Vector128.Create(0, 1, 2, 3) * stride;
            fixed (T* pointer = &start)
            {
                return Avx2.GatherVector256((double*)pointer, offsets, 8).AsVector().As<double, T>();
            }
        }
        Vector<T> result = Vector<T>.Zero;
        for (int lane = 0; lane < Vector<T>.Count; lane++)
        {
            Lane(ref result, lane) = Unsafe.Add(ref Unsafe.AsRef(in start), lane * stride);
        }
        return result;
    }

    /// <summary>Component <paramref name="component"/> of rows <c>row, row + 1, …</c> up to the last row (fewer than a vector), zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> LoadStridedTail<T>(ReadOnlySpan<T> source, int row, int stride, int component)
        where T : unmanaged
    {
        Vector<T> result = Vector<T>.Zero;
        int rows = Math.Min(source.Length / stride - row, Vector<T>.Count);
        for (int lane = 0; lane < rows; lane++)
        {
            Lane(ref result, lane) = source[(row + lane) * stride + component];
        }
        return result;
    }

    /// <summary>Stores the lanes of <paramref name="value"/> into <c>destination[offset], destination[offset + stride], …</c>: one component of consecutive rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreStrided<T>(ref T destination, nuint offset, int stride, Vector<T> value)
        where T : unmanaged
    {
        ref T start = ref Unsafe.Add(ref destination, offset);
        for (int lane = 0; lane < Vector<T>.Count; lane++)
        {
            Unsafe.Add(ref start, lane * stride) = value[lane];
        }
    }

    /// <summary>Stores component <paramref name="component"/> of rows <c>row, row + 1, …</c> up to the last row from the first lanes of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreStridedTail<T>(Span<T> destination, int row, int stride, int component, Vector<T> value)
        where T : unmanaged
    {
        int rows = Math.Min(destination.Length / stride - row, Vector<T>.Count);
        for (int lane = 0; lane < rows; lane++)
        {
            destination[(row + lane) * stride + component] = value[lane];
        }
    }

    /// <summary>
    /// Gathers <c>rows[(firstRow + lane) · rowLength + indices[firstRow + lane]]</c> for each lane: the class-indexed value
    /// of <see cref="Vector{T}.Count"/> consecutive rows (a hardware gather where there is one). The indices were
    /// validated to lie in [0, rowLength).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector<T> GatherRows<T>(ref readonly T rows, int firstRow, int rowLength, ref readonly int indices)
        where T : unmanaged
    {
        ref readonly T start = ref Unsafe.Add(ref Unsafe.AsRef(in rows), (nint)firstRow * rowLength);
        ref readonly int index = ref Unsafe.Add(ref Unsafe.AsRef(in indices), firstRow);
        if (Avx2.IsSupported && Vector<T>.Count == 8 && typeof(T) == typeof(float))
        {
            Vector256<int> offsets = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * rowLength + Vector256.LoadUnsafe(in index);
            fixed (T* pointer = &start)
            {
                return Avx2.GatherVector256((float*)pointer, offsets, 4).AsVector().As<float, T>();
            }
        }
        if (Avx2.IsSupported && Vector<T>.Count == 4 && typeof(T) == typeof(double))
        {
            Vector128<int> offsets = Vector128.Create(0, 1, 2, 3) * rowLength + Vector128.LoadUnsafe(in index);
            fixed (T* pointer = &start)
            {
                return Avx2.GatherVector256((double*)pointer, offsets, 8).AsVector().As<double, T>();
            }
        }
        Vector<T> result = Vector<T>.Zero;
        for (int lane = 0; lane < Vector<T>.Count; lane++)
        {
            Lane(ref result, lane) = Unsafe.Add(ref Unsafe.AsRef(in start), lane * rowLength + Unsafe.Add(ref Unsafe.AsRef(in index), lane));
        }
        return result;
    }

    /// <summary>The class-indexed values of rows <c>firstRow, firstRow + 1, …</c> up to the last row (fewer than a vector), zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> GatherRowsTail<T>(ReadOnlySpan<T> rows, int firstRow, int rowLength, ReadOnlySpan<int> indices)
        where T : unmanaged
    {
        Vector<T> result = Vector<T>.Zero;
        int count = Math.Min(indices.Length - firstRow, Vector<T>.Count);
        for (int lane = 0; lane < count; lane++)
        {
            Lane(ref result, lane) = rows[(firstRow + lane) * rowLength + indices[firstRow + lane]];
        }
        return result;
    }

    /// <summary>Loads <see cref="Vector{T}.Count"/> class indices from <c>source[offset]</c> on as values of T (exact below 2^24).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> LoadIndices<T>(ref readonly int source, nuint offset)
        where T : unmanaged
    {
        ref readonly int start = ref Unsafe.Add(ref Unsafe.AsRef(in source), offset);
        if (typeof(T) == typeof(float))
        {
            return Vector.ConvertToSingle(Vector.LoadUnsafe(in start)).As<float, T>();
        }
        if (typeof(T) == typeof(double))
        {
            Vector<long> wide = Vector<long>.Zero;
            for (int lane = 0; lane < Vector<long>.Count; lane++)
            {
                Lane(ref wide, lane) = Unsafe.Add(ref Unsafe.AsRef(in start), lane);
            }
            return Vector.ConvertToDouble(wide).As<double, T>();
        }
        throw new NotSupportedException("LossGen kernels use float or double.");
    }

    /// <summary>The class indices from <paramref name="start"/> to the end (fewer than a vector) as values of T, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> LoadIndicesTail<T>(ReadOnlySpan<int> indices, int start)
        where T : unmanaged
    {
        Vector<int> buffer = Vector<int>.Zero;
        int count = Math.Min(indices.Length - start, Vector<int>.Count);
        for (int lane = 0; lane < count; lane++)
        {
            Lane(ref buffer, lane) = indices[start + lane];
        }
        return LoadIndices<T>(in Lane(ref buffer, 0), 0);
    }

    /// <summary>The largest lane of <paramref name="value"/> (NaN if any lane is NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T HorizontalMax<T>(Vector<T> value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T result = value[0];
        for (int lane = 1; lane < Vector<T>.Count; lane++)
        {
            result = T.Max(result, value[lane]);
        }
        return result;
    }

    /// <summary>The smallest lane of <paramref name="value"/> (NaN if any lane is NaN).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T HorizontalMin<T>(Vector<T> value)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T result = value[0];
        for (int lane = 1; lane < Vector<T>.Count; lane++)
        {
            result = T.Min(result, value[lane]);
        }
        return result;
    }

    /// <summary>The component indices <c>start, start + 1, …</c> of one vector of a row, as values of T.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<T> ComponentIndices<T>(int start)
        where T : unmanaged, INumberBase<T>
        => Vector<T>.Indices + new Vector<T>(T.CreateTruncating(start));
}
