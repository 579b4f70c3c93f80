using System.Numerics;
using System.Runtime.CompilerServices;

namespace LossGen.Numerics;

public static partial class VectorMath
{
    /// <summary>e^x for lanes known to be ≤ 0 (generated kernels call it where range analysis proves it); NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> ExpNonPositive(Vector<float> x) => Exp(x);

    /// <summary>e^x for lanes known to be ≤ 0 (generated kernels call it where range analysis proves it); NaN for NaN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> ExpNonPositive(Vector<double> x) => Exp(x);

    /// <summary>log(1 + x) for lanes known to be in [0, 1] (generated kernels call it where range analysis proves it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<float> Log1pUnit(Vector<float> x) => Log1p(x);
}
