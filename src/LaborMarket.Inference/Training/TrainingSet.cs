using System.Globalization;

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
        var source = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new LaborMarketFormatException(source, 1, null, "the file is empty (no header row)");
        var names = SplitHeader(header.TrimStart('\uFEFF'));
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
        long line = 1;
        var cells = new List<(int Start, int Length)>();
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            cells.Clear();
            var start = 0;
            var quoted = false;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && text[i] == '"')
                {
                    quoted = !quoted; // a comma inside quotes is part of the field
                }
                else if (i == text.Length || (text[i] == ',' && !quoted))
                {
                    cells.Add((start, i - start));
                    start = i + 1;
                }
            }

            if (cells.Count < names.Length)
            {
                throw new LaborMarketFormatException(source, line, names[Math.Min(cells.Count, names.Length - 1)], $"the row has {cells.Count} fields for {names.Length} columns");
            }

            var y = Cell(text, cells[label], source, line, names[label]);
            if (double.IsNaN(y))
            {
                throw new LaborMarketFormatException(source, line, names[label], "the label is missing");
            }

            labels.Add(y);
            foreach (var c in features)
            {
                values.Add(Cell(text, cells[c], source, line, names[c]));
            }
        }

        return new TrainingSet(features.Select(i => names[i]).ToArray(), values.ToArray(), labels.ToArray());
    }

    private static string[] SplitHeader(string header)
    {
        var names = new List<string>();
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= header.Length; i++)
        {
            if (i < header.Length && header[i] == '"')
            {
                quoted = !quoted;
            }
            else if (i == header.Length || (header[i] == ',' && !quoted))
            {
                names.Add(header[start..i].Trim().Trim('"'));
                start = i + 1;
            }
        }

        return names.ToArray();
    }

    private static double Cell(string text, (int Start, int Length) cell, string source, long line, string column)
    {
        var s = text.AsSpan(cell.Start, cell.Length).Trim().Trim('"');
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

        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new LaborMarketFormatException(source, line, column, $"'{s.ToString()}' is not a number");
    }
}
