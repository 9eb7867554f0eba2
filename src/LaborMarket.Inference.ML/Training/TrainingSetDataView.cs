using LaborMarket.Inference.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LaborMarket.Inference.ML.Training;

/// <summary>A <see cref="TrainingSet"/> as an ML.NET <see cref="IDataView"/>, and back.</summary>
public static class TrainingSetDataView
{
    /// <summary>
    /// The rows as a data view with a float label column and a float feature vector (ML.NET's trainers read
    /// single precision; each double is rounded to the nearest float). The vector's slots are named after the features.
    /// </summary>
    /// <param name="mlContext">The context.</param>
    /// <param name="set">The rows.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="featureColumnName">The feature vector column.</param>
    public static IDataView ToDataView(MLContext mlContext, TrainingSet set, string labelColumnName = "Label", string featureColumnName = "Features")
    {
        ArgumentNullException.ThrowIfNull(mlContext);
        ArgumentNullException.ThrowIfNull(set);
        var f = set.FeatureCount;
        var labels = set.LabelArray.Select(v => (float)v).ToArray();
        var rows = new float[set.RowCount][];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = new float[f];
            var row = set.Row(r);
            for (var c = 0; c < f; c++)
            {
                rows[r][c] = (float)row[c];
            }
        }

        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Label)].ColumnName = labelColumnName;
        schema[nameof(Row.Features)].ColumnName = featureColumnName;
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, f);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(f, set.FeatureNames.Select(n => n.AsMemory()).ToArray());
        schema[nameof(Row.Features)].AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, f));
        return mlContext.Data.LoadFromEnumerable(labels.Select((l, i) => new Row { Label = l, Features = rows[i] }), schema);
    }

    /// <summary>
    /// Reads a data view into a <see cref="TrainingSet"/>: a float or double feature vector (NaN for missing) and a
    /// float, double or boolean label, or a key label (key k becomes class k - 1).
    /// </summary>
    /// <param name="data">The rows.</param>
    /// <param name="labelColumnName">The label column.</param>
    /// <param name="featureColumnName">The feature vector column (of known size).</param>
    /// <param name="featureNames">The features' names, or null for the vector's slot names (or f0, f1, ...).</param>
    /// <exception cref="ArgumentException">A column is missing or of a type that cannot be read; the message names it.</exception>
    public static TrainingSet FromDataView(IDataView data, string labelColumnName = "Label", string featureColumnName = "Features", IReadOnlyList<string>? featureNames = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var features = data.Schema.GetColumnOrNull(featureColumnName)
            ?? throw new ArgumentException($"the data has no feature column '{featureColumnName}'", nameof(featureColumnName));
        var label = data.Schema.GetColumnOrNull(labelColumnName)
            ?? throw new ArgumentException($"the data has no label column '{labelColumnName}'", nameof(labelColumnName));
        if (features.Type is not VectorDataViewType { IsKnownSize: true } vector)
        {
            throw new ArgumentException($"column '{featureColumnName}' is {features.Type}, not a vector of known size", nameof(featureColumnName));
        }

        var size = vector.Size;
        var names = featureNames?.ToArray() ?? SlotNames(features, size);
        if (names.Length != size)
        {
            throw new ArgumentException($"{names.Length} feature names for a vector of {size}", nameof(featureNames));
        }

        var rows = new List<double[]>();
        var labels = new List<double>();
        using var cursor = data.GetRowCursor([features, label]);
        var readFeatures = FeatureGetter(cursor, features, vector.ItemType, featureColumnName);
        var readLabel = LabelGetter(cursor, label, labelColumnName);
        while (cursor.MoveNext())
        {
            var row = new double[size];
            readFeatures(row);
            rows.Add(row);
            labels.Add(readLabel());
        }

        return TrainingSet.FromRows(names, rows, labels);
    }

    private static string[] SlotNames(DataViewSchema.Column features, int size)
    {
        var names = Enumerable.Range(0, size).Select(i => "f" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        if (features.HasSlotNames())
        {
            var slots = default(VBuffer<ReadOnlyMemory<char>>);
            features.GetSlotNames(ref slots);
            foreach (var (i, v) in slots.Items())
            {
                if (!v.IsEmpty)
                {
                    names[i] = v.ToString();
                }
            }
        }

        return names;
    }

    private static Action<double[]> FeatureGetter(DataViewRowCursor cursor, DataViewSchema.Column column, DataViewType item, string name)
    {
        if (item == NumberDataViewType.Single)
        {
            var get = cursor.GetGetter<VBuffer<float>>(column);
            var buffer = default(VBuffer<float>);
            return row =>
            {
                get(ref buffer);
                foreach (var (i, v) in buffer.Items(all: true))
                {
                    row[i] = v;
                }
            };
        }

        if (item == NumberDataViewType.Double)
        {
            var get = cursor.GetGetter<VBuffer<double>>(column);
            var buffer = default(VBuffer<double>);
            return row =>
            {
                get(ref buffer);
                foreach (var (i, v) in buffer.Items(all: true))
                {
                    row[i] = v;
                }
            };
        }

        throw new ArgumentException($"column '{name}' holds {item}; features must be float or double", nameof(column));
    }

    private static Func<double> LabelGetter(DataViewRowCursor cursor, DataViewSchema.Column column, string name)
    {
        switch (column.Type)
        {
            case var t when t == NumberDataViewType.Single:
            {
                var get = cursor.GetGetter<float>(column);
                float v = 0;
                return () => { get(ref v); return v; };
            }

            case var t when t == NumberDataViewType.Double:
            {
                var get = cursor.GetGetter<double>(column);
                double v = 0;
                return () => { get(ref v); return v; };
            }

            case var t when t == BooleanDataViewType.Instance:
            {
                var get = cursor.GetGetter<bool>(column);
                var v = false;
                return () => { get(ref v); return v ? 1 : 0; };
            }

            case KeyDataViewType { RawType: var raw } when raw == typeof(uint):
            {
                var get = cursor.GetGetter<uint>(column);
                uint v = 0;
                return () => { get(ref v); return v == 0 ? double.NaN : v - 1; };
            }

            default:
                throw new ArgumentException($"column '{name}' holds {column.Type}; a label must be float, double, boolean or a key", nameof(column));
        }
    }

    private sealed class Row
    {
        public float Label { get; set; }

        public float[] Features { get; set; } = [];
    }
}
