using System.Globalization;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.ML.Tests;

/// <summary>One LightGBM fixture folder: the model and its test rows in model feature order.</summary>
internal sealed record Fixture(string Name)
{
    public static readonly string[] All =
    [
        "regression_l2", "regression_categorical", "quantile_p10", "quantile_p90", "binary", "poisson", "multiclass",
        "linear_tree", "zero_as_missing", "random_forest", "single_leaf",
    ];

    public string Folder => TestData.FixturePath("lightgbm/" + Name);

    public string ModelPath => Path.Combine(Folder, "model.txt");

    public LightGbmModel Model() => LightGbmModel.Load(ModelPath);

    /// <summary>The test rows, each in the model's feature order (columns matched by header name).</summary>
    public double[][] Rows(LightGbmModel model)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "test.csv"));
        var map = model.MapColumns(lines[0].Split(','));
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var cells = l.Split(',');
            return map.Select(c => Parse(cells[c])).ToArray();
        }).ToArray();
    }

    private static double Parse(string v) => v.ToLowerInvariant() switch
    {
        "" or "nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
