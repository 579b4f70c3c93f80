using System;

namespace LossGen.Training;

/// <summary>Dense symmetric positive-definite solves in double: the linear algebra of <see cref="Newton{T}"/>.</summary>
internal static class DenseCholesky
{
    /// <summary>
    /// Factors a + shift·I (a: n × n row-major, symmetric; only its lower triangle is read) into L·Lᵀ, written
    /// into the lower triangle of <paramref name="factor"/>. False when the matrix is not numerically positive
    /// definite (a pivot ≤ 0 or not finite).
    /// </summary>
    public static bool TryFactor(ReadOnlySpan<double> a, double shift, int n, Span<double> factor)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double sum = a[i * n + j] + (i == j ? shift : 0);
                ReadOnlySpan<double> li = factor.Slice(i * n, j), lj = factor.Slice(j * n, j);
                for (int k = 0; k < j; k++)
                {
                    sum -= li[k] * lj[k];
                }
                if (i == j)
                {
                    if (!(sum > 0) || !double.IsFinite(sum))
                    {
                        return false;
                    }
                    factor[i * n + i] = Math.Sqrt(sum);
                }
                else
                {
                    factor[i * n + j] = sum / factor[j * n + j];
                }
            }
        }
        return true;
    }

    /// <summary>Solves L·Lᵀ·x = b in place (b becomes x), with L from <see cref="TryFactor"/>.</summary>
    public static void Solve(ReadOnlySpan<double> factor, int n, Span<double> b)
    {
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int k = 0; k < i; k++)
            {
                sum -= factor[i * n + k] * b[k];
            }
            b[i] = sum / factor[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double sum = b[i];
            for (int k = i + 1; k < n; k++)
            {
                sum -= factor[k * n + i] * b[k];
            }
            b[i] = sum / factor[i * n + i];
        }
    }

    /// <summary>The inverse of L·Lᵀ (n × n, row-major), column by column.</summary>
    public static double[] Inverse(ReadOnlySpan<double> factor, int n)
    {
        var inverse = new double[n * n];
        var column = new double[n];
        for (int j = 0; j < n; j++)
        {
            Array.Clear(column);
            column[j] = 1;
            Solve(factor, n, column);
            for (int i = 0; i < n; i++)
            {
                inverse[i * n + j] = column[i];
            }
        }
        return inverse;
    }
}
