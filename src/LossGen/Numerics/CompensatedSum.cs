using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>
/// A vector of double-precision running sums with Neumaier compensation. Generated kernels add
/// short blocks of per-element values (summed in <c>T</c>) into it, which keeps a float loss
/// accurate to about 1e-7 relative and a double loss to about 1e-15 for any n.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct CompensatedSum
{
    private Vector<double> _sum;
    private Vector<double> _compensation;

    /// <summary>Adds each lane of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector<double> value)
    {
        Vector<double> t = _sum + value;
        Vector<double> sumIsLarger = Vector.GreaterThanOrEqual(Vector.Abs(_sum), Vector.Abs(value)).As<long, double>();
        _compensation += Vector.ConditionalSelect(sumIsLarger, (_sum - t) + value, (value - t) + _sum);
        _sum = t;
    }

    /// <summary>Adds each lane of <paramref name="value"/>, widened to double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector<float> value)
    {
        Vector.Widen(value, out Vector<double> low, out Vector<double> high);
        Add(low);
        Add(high);
    }

    /// <summary>The compensated total over all lanes.</summary>
    public readonly double Total
    {
        get
        {
            double sum = 0, compensation = 0;
            for (int lane = 0; lane < Vector<double>.Count; lane++)
            {
                double x = _sum[lane];
                double t = sum + x;
                compensation += System.Math.Abs(sum) >= System.Math.Abs(x) ? (sum - t) + x : (x - t) + sum;
                compensation += _compensation[lane];
                sum = t;
            }
            // An infinite or NaN sum makes the compensation NaN; the plain sum is then the answer.
            return double.IsFinite(sum) ? sum + compensation : sum;
        }
    }
}
