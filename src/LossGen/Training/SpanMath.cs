using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace LossGen.Training;

/// <summary>The vector arithmetic the models and optimizers share: dot, axpy, norms and finiteness over spans.</summary>
internal static class SpanMath
{
    /// <summary>y += a·x, vectorized.</summary>
    internal static void Axpy<T>(T a, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var av = new Vector<T>(a);
            ref T xr = ref MemoryMarshal.GetReference(x);
            ref T yr = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                (Vector.LoadUnsafe(ref yr, (nuint)i) + av * Vector.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    /// <summary>y = a·x, vectorized.</summary>
    internal static void Scale<T>(T a, ReadOnlySpan<T> x, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var av = new Vector<T>(a);
            ref T xr = ref MemoryMarshal.GetReference(x);
            ref T yr = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                (av * Vector.LoadUnsafe(ref xr, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            y[i] = a * x[i];
        }
    }

    /// <summary>x · y, vectorized with a fixed summation order.</summary>
    internal static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T sum = T.Zero;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            Vector<T> acc = Vector<T>.Zero;
            ref T xr = ref MemoryMarshal.GetReference(x);
            ref T yr = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                acc += Vector.LoadUnsafe(ref xr, (nuint)i) * Vector.LoadUnsafe(ref yr, (nuint)i);
            }
            sum = Vector.Sum(acc);
        }
        for (; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }
        return sum;
    }

    /// <summary>
    /// x · w0 … x · w3 in one pass over x: each result is computed by exactly the operations of <see cref="Dot{T}"/>
    /// (the same bits), with x loaded once for the four.
    /// </summary>
    internal static void Dot4<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w0, ReadOnlySpan<T> w1, ReadOnlySpan<T> w2, ReadOnlySpan<T> w3, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        T s0 = T.Zero, s1 = T.Zero, s2 = T.Zero, s3 = T.Zero;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            Vector<T> a0 = Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = Vector<T>.Zero, a3 = Vector<T>.Zero;
            ref T xr = ref MemoryMarshal.GetReference(x);
            ref T r0 = ref MemoryMarshal.GetReference(w0);
            ref T r1 = ref MemoryMarshal.GetReference(w1);
            ref T r2 = ref MemoryMarshal.GetReference(w2);
            ref T r3 = ref MemoryMarshal.GetReference(w3);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                Vector<T> xv = Vector.LoadUnsafe(ref xr, (nuint)i);
                a0 += xv * Vector.LoadUnsafe(ref r0, (nuint)i);
                a1 += xv * Vector.LoadUnsafe(ref r1, (nuint)i);
                a2 += xv * Vector.LoadUnsafe(ref r2, (nuint)i);
                a3 += xv * Vector.LoadUnsafe(ref r3, (nuint)i);
            }
            s0 = Vector.Sum(a0);
            s1 = Vector.Sum(a1);
            s2 = Vector.Sum(a2);
            s3 = Vector.Sum(a3);
        }
        for (; i < x.Length; i++)
        {
            s0 += x[i] * w0[i];
            s1 += x[i] * w1[i];
            s2 += x[i] * w2[i];
            s3 += x[i] * w3[i];
        }
        result[0] = s0;
        result[1] = s1;
        result[2] = s2;
        result[3] = s3;
    }

    /// <summary>y += a·x, then y += b·u: the bits of two <see cref="Axpy{T}"/> calls in that order, with y loaded and stored once.</summary>
    internal static void Axpy2<T>(T a, ReadOnlySpan<T> x, T b, ReadOnlySpan<T> u, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<T>.Count)
        {
            var av = new Vector<T>(a);
            var bv = new Vector<T>(b);
            ref T xr = ref MemoryMarshal.GetReference(x);
            ref T ur = ref MemoryMarshal.GetReference(u);
            ref T yr = ref MemoryMarshal.GetReference(y);
            for (; i <= x.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                ((Vector.LoadUnsafe(ref yr, (nuint)i) + av * Vector.LoadUnsafe(ref xr, (nuint)i)) + bv * Vector.LoadUnsafe(ref ur, (nuint)i)).StoreUnsafe(ref yr, (nuint)i);
            }
        }
        for (; i < x.Length; i++)
        {
            y[i] = (y[i] + a * x[i]) + b * u[i];
        }
    }

    /// <summary>Whether every value is finite.</summary>
    internal static bool AllFinite<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T v in values)
        {
            if (!T.IsFinite(v))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The Euclidean norm, accumulated in double.</summary>
    internal static double Norm<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        double sum = 0;
        foreach (T v in values)
        {
            double d = double.CreateChecked(v);
            sum += d * d;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>The largest absolute value (0 for an empty span).</summary>
    internal static double MaxAbs<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = T.Zero;
        foreach (T v in values)
        {
            max = T.Max(max, T.Abs(v));
        }
        return double.CreateChecked(max);
    }

    /// <summary>The sum of absolute values.</summary>
    internal static double SumAbs<T>(ReadOnlySpan<T> values)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T sum = T.Zero;
        foreach (T v in values)
        {
            sum += T.Abs(v);
        }
        return double.CreateChecked(sum);
    }
}
