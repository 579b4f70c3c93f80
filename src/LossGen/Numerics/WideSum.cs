using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>
/// A vector of double-precision running sums for float kernels. Generated float kernels sum short
/// blocks of per-element values in float (at most 16 per lane) and add each block here, widened to
/// double: the float block sums carry the error (about 1e-7 relative at most), and the double
/// accumulation adds nothing measurable for any n that fits in a span. Double kernels use
/// <see cref="CompensatedSum"/> instead, whose compensation keeps them near 1e-15.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct WideSum
{
    private Vector<double> _low;
    private Vector<double> _high;
    private double _scalar;

    /// <summary>Adds one value, widened to double (row kernels add one loss per row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(float value) => _scalar += value;

    /// <summary>Adds each lane of <paramref name="value"/>, widened to double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector<float> value)
    {
        Vector.Widen(value, out Vector<double> low, out Vector<double> high);
        _low += low;
        _high += high;
    }

    /// <summary>The total over all lanes.</summary>
    public readonly double Total
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Vector.Sum(_low + _high) + _scalar;
    }
}
