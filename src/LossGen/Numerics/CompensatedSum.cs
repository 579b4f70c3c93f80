using System;
using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

/// <summary>
/// A vector of double-precision running sums with Neumaier compensation. Generated double kernels
/// add short blocks of per-element values into it, which keeps a double loss accurate to about
/// 1e-15 relative for any n.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct CompensatedSum
{
    private Vector<double> _sum;
    private Vector<double> _compensation;
    private double _scalarSum;
    private double _scalarCompensation;

    /// <summary>Adds one value (row kernels add one loss per row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(double value)
    {
        double t = _scalarSum + value;
        _scalarCompensation += Math.Abs(_scalarSum) >= Math.Abs(value) ? (_scalarSum - t) + value : (value - t) + _scalarSum;
        _scalarSum = t;
    }

    /// <summary>Adds each lane of <paramref name="value"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(Vector<double> value)
    {
        Vector<double> t = _sum + value;
        Vector<double> sumIsLarger = Vector.GreaterThanOrEqual(Vector.Abs(_sum), Vector.Abs(value)).As<long, double>();
        _compensation += Vector.ConditionalSelect(sumIsLarger, (_sum - t) + value, (value - t) + _sum);
        _sum = t;
    }

    /// <summary>
    /// The total over all lanes: the lanes' sums plus their compensations. The final cross-lane
    /// additions are plain (their error is a few units of 1e-16, far below what the per-lane
    /// compensation protects against over millions of additions).
    /// </summary>
    public readonly double Total
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            double sum = Vector.Sum(_sum) + _scalarSum;
            // An infinite or NaN sum makes the compensation NaN; the plain sum is then the answer.
            return double.IsFinite(sum) ? sum + (Vector.Sum(_compensation) + _scalarCompensation) : sum;
        }
    }
}
