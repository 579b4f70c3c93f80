using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Numerics;
using nietras.SeparatedValues;

namespace LossGen.Orleans;

/// <summary>Reads a shard from comma-separated values with Sep: each row the features, then the target last; numbers in the invariant culture, parsed straight into the element type.</summary>
internal static class CsvShard
{
    public static (T[] Features, T[] Targets) Read<T>(string path, int columns, bool hasHeader)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var features = new List<T>();
        var targets = new List<T>();
        using SepReader reader = Sep.New(',').Reader(o => o with { HasHeader = hasHeader, CultureInfo = CultureInfo.InvariantCulture }).FromFile(path);
        foreach (SepReader.Row row in reader)
        {
            if (row.ColCount != columns + 1)
            {
                throw new InvalidDataException($"line {row.LineNumberFrom} has {row.ColCount} values; {columns} features and the target were expected.");
            }
            for (int j = 0; j <= columns; j++)
            {
                ReadOnlySpan<char> text = row[j].Span;
                if (!T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out T value))
                {
                    throw new InvalidDataException($"line {row.LineNumberFrom}, column {j + 1}: '{text}' is not a number.");
                }
                (j < columns ? features : targets).Add(value);
            }
        }
        if (targets.Count == 0)
        {
            throw new InvalidDataException("the CSV file has no rows.");
        }
        return (features.ToArray(), targets.ToArray());
    }
}
