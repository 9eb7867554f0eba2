using System.Globalization;

namespace LaborMarket.Inference.Tests.Trees;

/// <summary>One fixture folder: LightGBM's model, test rows and LightGBM's own outputs.</summary>
internal sealed record LightGbmFixture(string Name)
{
    public string Folder => TestData.FixturePath("lightgbm/" + Name);

    public string ModelPath => Path.Combine(Folder, "model.txt");

    public (string[] Header, double[][] Rows) Test()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "test.csv"));
        var header = lines[0].Split(',');
        var rows = lines.Skip(1).Select(l => l.Split(',').Select(Parse).ToArray()).ToArray();
        return (header, rows);
    }

    public double[][] Output(string file) => File.ReadAllLines(Path.Combine(Folder, file))
        .Select(l => l.Split('\t').Select(v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
        .ToArray();

    public bool Has(string file) => File.Exists(Path.Combine(Folder, file));

    public static readonly string[] All =
    [
        "regression_l2", "regression_categorical", "quantile_p10", "quantile_p90", "binary", "poisson", "multiclass",
        "linear_tree", "zero_as_missing", "random_forest", "single_leaf",
    ];

    private static double Parse(string v) => v.ToLowerInvariant() switch
    {
        "" or "nan" => double.NaN,
        "inf" or "+inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
