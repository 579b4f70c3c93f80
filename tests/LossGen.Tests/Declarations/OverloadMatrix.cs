using LossGen;

// Declarations whose generated files would collide under a naive naming scheme: overloads, the same
// type and method names in other namespaces and nested types, generic containing types of several
// arities, names that differ only in case, and one partial class split over two files
// (OverloadMatrix.Part2.cs). Every one must compile (the build of this project proves it) and run
// (OverloadMatrixTests).
namespace LossGen.Tests.Declarations.First
{
    public static partial class Shared
    {
        [Loss("(p - y)^2")]
        public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y, Span<float> dp);

        [Loss("(p - y)^2")]
        public static partial double Mse(ReadOnlySpan<double> p, ReadOnlySpan<double> y, Span<double> dp);

        [Loss("(p - y)^2", Reduction = Reduction.Sum)]
        public static partial double Mse(ReadOnlySpan<double> p, ReadOnlySpan<double> y);

        [Loss("abs(p - y)")]
        public static partial float MSE(ReadOnlySpan<float> p, ReadOnlySpan<float> y);

        public static partial class Nested
        {
            [Loss("2 * (p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
        }
    }

    public partial class Generic<T>
    {
        [Loss("3 * (p - y)^2")]
        public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
    }

    public partial class Generic<T, U>
    {
        [Loss("4 * (p - y)^2")]
        public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
    }

    public partial class Generic
    {
        [Loss("5 * (p - y)^2")]
        public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
    }
}

namespace LossGen.Tests.Declarations.Second
{
    public static partial class Shared
    {
        [Loss("6 * (p - y)^2")]
        public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y);

        public static partial class Nested
        {
            [Loss("7 * (p - y)^2")]
            public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
        }
    }

    // Differs from Shared only in case: Roslyn compares file names ignoring case.
    public static partial class SHARED
    {
        [Loss("8 * (p - y)^2")]
        public static partial float Mse(ReadOnlySpan<float> p, ReadOnlySpan<float> y);
    }
}
