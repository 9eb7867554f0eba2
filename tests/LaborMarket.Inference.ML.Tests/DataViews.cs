using Microsoft.ML;
using Microsoft.ML.Data;

namespace LaborMarket.Inference.ML.Tests;

/// <summary>Rows as ML.NET data views and columns read back.</summary>
internal static class DataViews
{
    public static IDataView DoubleFeatures(MLContext ml, double[][] rows, int width)
    {
        var schema = SchemaDefinition.Create(typeof(DoubleRow));
        schema[nameof(DoubleRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Double, width);
        return ml.Data.LoadFromEnumerable(rows.Select(r => new DoubleRow { Features = r }), schema);
    }

    public static IDataView SingleFeatures(MLContext ml, float[][] rows, int width)
    {
        var schema = SchemaDefinition.Create(typeof(SingleRow));
        schema[nameof(SingleRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return ml.Data.LoadFromEnumerable(rows.Select(r => new SingleRow { Features = r }), schema);
    }

    public static double[] Doubles(IDataView view, string column) => view.GetColumn<double>(column).ToArray();

    public static double[][] DoubleVectors(IDataView view, string column) =>
        view.GetColumn<VBuffer<double>>(column).Select(v => v.DenseValues().ToArray()).ToArray();

    public static float[] Singles(IDataView view, string column) => view.GetColumn<float>(column).ToArray();

    public sealed class DoubleRow
    {
        public double[] Features { get; set; } = [];
    }

    public sealed class SingleRow
    {
        public float[] Features { get; set; } = [];
    }
}
