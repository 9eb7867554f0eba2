using System.Globalization;
using LaborMarket.Files;

namespace LaborMarket.Inference.Training;

/// <summary>
/// Rows to train or evaluate on: a label and numeric features by name (categorical features as integer codes;
/// missing values as NaN). Immutable.
/// </summary>
public sealed class TrainingSet
{
    private TrainingSet(string[] featureNames, double[] values, double[] labels)
    {
        FeatureNames = featureNames;
        Values = values;
        Labels = labels;
    }

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The labels, one per row.</summary>
    public IReadOnlyList<double> Labels { get; }

    /// <summary>Rows.</summary>
    public int RowCount => ((double[])Labels).Length;

    /// <summary>Features per row.</summary>
    public int FeatureCount => FeatureNames.Count;

    /// <summary>Feature values, row after row.</summary>
    internal double[] Values { get; }

    internal double[] LabelArray => (double[])Labels;

    /// <summary>One row's features.</summary>
    internal ReadOnlySpan<double> Row(int row) => Values.AsSpan(row * FeatureCount, FeatureCount);

    /// <summary>Creates a set from rows.</summary>
    /// <param name="featureNames">The feature names.</param>
    /// <param name="rows">Each row's features, in <paramref name="featureNames"/> order (NaN for missing).</param>
    /// <param name="labels">The labels.</param>
    public static TrainingSet FromRows(IReadOnlyList<string> featureNames, IReadOnlyList<double[]> rows, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(labels);
        if (rows.Count != labels.Count)
        {
            throw new ArgumentException($"{rows.Count} rows but {labels.Count} labels", nameof(labels));
        }

        var f = featureNames.Count;
        var values = new double[rows.Count * f];
        for (var r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != f)
            {
                throw new ArgumentException($"row {r} has {rows[r].Length} values for {f} features", nameof(rows));
            }

            rows[r].CopyTo(values, r * f);
        }

        return new TrainingSet(featureNames.ToArray(), values, labels.ToArray());
    }

    /// <summary>The rows at <paramref name="indexes"/>, as a new set (for splits).</summary>
    /// <param name="indexes">Row indexes.</param>
    public TrainingSet Subset(IReadOnlyList<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(indexes);
        var f = FeatureCount;
        var values = new double[indexes.Count * f];
        var labels = new double[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            Values.AsSpan(indexes[i] * f, f).CopyTo(values.AsSpan(i * f, f));
            labels[i] = LabelArray[indexes[i]];
        }

        return new TrainingSet((string[])FeatureNames, values, labels);
    }

    /// <summary>
    /// Reads a CSV with a header: the label column and every other column as a feature (or only
    /// <paramref name="featureColumns"/>). Empty cells and <c>nan</c>, <c>NA</c>, <c>null</c> are missing.
    /// </summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="labelColumn">The label's column name.</param>
    /// <param name="featureColumns">The feature columns, or null for all but the label.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="LaborMarketFormatException">A missing column or a cell that is not a number, naming the file, line and column.</exception>
    public static async Task<TrainingSet> ReadCsvAsync(string path, string labelColumn, IReadOnlyList<string>? featureColumns = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(labelColumn);
        using var reader = DelimitedTextReader.OpenFile(path);
        var source = reader.SourceName;
        var names = (await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false)).ToArray();
        var label = Array.IndexOf(names, labelColumn);
        if (label < 0)
        {
            throw new LaborMarketFormatException(source, 1, labelColumn, $"no label column '{labelColumn}' (columns: {string.Join(", ", names)})");
        }

        var features = featureColumns?.Select(c => Array.IndexOf(names, c) is var i and >= 0 ? i
                : throw new LaborMarketFormatException(source, 1, c, $"no feature column '{c}'")).ToArray()
            ?? Enumerable.Range(0, names.Length).Where(i => i != label).ToArray();

        var values = new List<double>();
        var labels = new List<double>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var y = Cell(reader[label], source, reader.LineNumber, names[label]);
            if (double.IsNaN(y))
            {
                throw new LaborMarketFormatException(source, reader.LineNumber, names[label], "the label is missing");
            }

            labels.Add(y);
            foreach (var c in features)
            {
                values.Add(Cell(reader[c], source, reader.LineNumber, names[c]));
            }
        }

        return new TrainingSet(features.Select(i => names[i]).ToArray(), values.ToArray(), labels.ToArray());
    }

    private static double Cell(ReadOnlySpan<char> cell, string source, long line, string column)
    {
        var s = cell.Trim();
        if (s.IsEmpty || s.Equals("nan", StringComparison.OrdinalIgnoreCase) || s.Equals("na", StringComparison.OrdinalIgnoreCase) || s.Equals("null", StringComparison.OrdinalIgnoreCase))
        {
            return double.NaN;
        }

        if (s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("+inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase))
        {
            return double.PositiveInfinity;
        }

        if (s.Equals("-inf", StringComparison.OrdinalIgnoreCase) || s.Equals("-infinity", StringComparison.OrdinalIgnoreCase))
        {
            return double.NegativeInfinity;
        }

        // A literal that overflows to infinity or underflows to zero ("1e400", "1e-400") is refused, not rounded.
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            && (v != 0 || !s[..(s.IndexOfAny('e', 'E') is var e and >= 0 ? e : s.Length)].ContainsAnyInRange('1', '9'))
            ? v
            : throw new LaborMarketFormatException(source, line, column, $"'{(s.Length > 40 ? s[..40].ToString() + "..." : s.ToString())}' is not a number");
    }
}
