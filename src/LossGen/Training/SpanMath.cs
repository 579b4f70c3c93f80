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
