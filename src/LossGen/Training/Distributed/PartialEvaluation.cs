using System;
using System.Numerics;

namespace LossGen.Training;

/// <summary>
/// One shard's share of an objective evaluation: the sum of its rows' losses, the sum of their gradients and
/// its row count, tagged with the shard's number and the evaluation it answers. The shares of all shards,
/// merged in shard order by <see cref="PartialEvaluationMerger{T}"/>, give the objective over the whole data
/// set. Regularization is not included: it is added once, after the merge.
/// </summary>
/// <remarks>
/// For a loss whose reduction is a mean, each share is already scaled by its rows over the rows of the whole
/// data set (the producer is told that total), so that shares add up to the mean. <see cref="ToBytes"/> and
/// <see cref="FromBytes"/> give a compact, versioned and checksummed binary form (<see cref="PartialEvaluationFormat"/>).
/// </remarks>
/// <typeparam name="T">float or double.</typeparam>
public sealed class PartialEvaluation<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Creates a share.</summary>
    /// <param name="shard">The shard's number, ≥ 0.</param>
    /// <param name="evaluation">The evaluation this share answers (its number, given by the coordinator).</param>
    /// <param name="rows">The shard's rows, ≥ 1.</param>
    /// <param name="loss">The sum of the shard's losses (scaled for a mean, see the remarks of the type).</param>
    /// <param name="gradient">The sum of the shard's gradients with respect to the parameters. Not copied.</param>
    /// <param name="curvature">
    /// Optional: the packed upper triangle (row by row) of the shard's second-derivative matrix, e.g. Xᵀ·diag(h)·X
    /// over the weights and the bias; null when not computed. Not copied.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="shard"/> is negative or <paramref name="rows"/> is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="gradient"/> is empty.</exception>
    public PartialEvaluation(int shard, long evaluation, long rows, double loss, T[] gradient, T[]? curvature = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shard);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentNullException.ThrowIfNull(gradient);
        if (gradient.Length == 0)
        {
            throw new ArgumentException("The gradient has no values.", nameof(gradient));
        }
        Shard = shard;
        Evaluation = evaluation;
        Rows = rows;
        Loss = loss;
        Gradient = gradient;
        Curvature = curvature;
    }

    /// <summary>The shard's number.</summary>
    public int Shard { get; }

    /// <summary>The evaluation this share answers.</summary>
    public long Evaluation { get; }

    /// <summary>The shard's rows.</summary>
    public long Rows { get; }

    /// <summary>The sum of the shard's losses.</summary>
    public double Loss { get; }

    /// <summary>The sum of the shard's gradients, one value per parameter.</summary>
    public T[] Gradient { get; }

    /// <summary>The packed upper triangle of the shard's second-derivative matrix, or null when not computed.</summary>
    public T[]? Curvature { get; }

    /// <summary>The binary form: see <see cref="PartialEvaluationFormat"/>.</summary>
    public byte[] ToBytes() => PartialEvaluationFormat.Write(this);

    /// <summary>Reads the binary form written by <see cref="ToBytes"/>.</summary>
    /// <exception cref="System.IO.InvalidDataException">Not a partial evaluation, another version or element type, truncated, or damaged (checksum).</exception>
    public static PartialEvaluation<T> FromBytes(ReadOnlySpan<byte> bytes) => PartialEvaluationFormat.Read<T>(bytes);
}
