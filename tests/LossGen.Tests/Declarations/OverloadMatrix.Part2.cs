using LossGen;

namespace LossGen.Tests.Declarations.First;

// The second file of a partial class whose first part is in OverloadMatrix.cs.
public static partial class Shared
{
    [Loss("10 * (p - y)^2")]
    public static partial float Split(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
}
