using LaborMarket.Inference.Training;

namespace LaborMarket.Benchmarks.Inference;

/// <summary>
/// The GBDT speed anchor's data set (fixtures/lightgbm/anchor/gbdt_anchor_data.py) made in C#: the same columns,
/// distributions, formula and missing-value rates, from .NET's generator rather than numpy's, so the rows differ
/// but the work is the same kind and size.
/// </summary>
internal static class AnchorData
{
    public static readonly string[] Features =
        ["seniority", "metro_cost_index", "company_size_log", "years_experience", "title_score", "rating", "noise", "role_id", "source_id", "employment_type"];

    /// <summary>The anchor's LightGBM parameters: 200 iterations, lr 0.1, 31 leaves, min_data_in_leaf 20, 3 categorical features, 2 threads.</summary>
    public static GbdtParameters Parameters() => new()
    {
        NumIterations = 200,
        LearningRate = 0.1,
        NumLeaves = 31,
        MinDataInLeaf = 20,
        CategoricalFeatures = ["role_id", "source_id", "employment_type"],
        NumThreads = 2,
    };

    public static TrainingSet Make(int rows, int seed)
    {
        var (data, labels) = MakeRows(rows, seed);
        return TrainingSet.FromRows(Features, data, labels);
    }

    /// <summary>The rows (features in <see cref="Features"/> order, NaN for missing) and their labels.</summary>
    public static (List<double[]> Rows, List<double> Labels) MakeRows(int rows, int seed)
    {
        var baseRandom = new Random(20240612 + 999);
        var roleBase = Enumerable.Range(0, 60).Select(_ => 45000 + (baseRandom.NextDouble() * 115000)).ToArray();
        double[] sourceBias = [0, 2500, -3000, 1000, 4000, -1500, 500, -6000];
        double[] empMult = [1.0, 1.12, 0.45];
        var r = new Random(seed);
        var data = new List<double[]>(rows);
        var labels = new List<double>(rows);
        for (var i = 0; i < rows; i++)
        {
            double sen = r.Next(0, 6);
            var metro = Math.Round(Math.Clamp(1.0 + (0.18 * Normal(r)), 0.6, 1.8), 4);
            var size = Math.Round(0.3 + (r.NextDouble() * 5.2), 3);
            var years = Math.Round(r.NextDouble() * 30, 2);
            var title = Math.Round(r.NextDouble(), 4);
            var rating = Math.Round(Normal(r), 4);
            var noise = Math.Round(r.NextDouble(), 4);
            var role = r.Next(0, 60);
            var source = r.Next(0, 8);
            var u = r.NextDouble();
            var emp = u < 0.75 ? 0 : u < 0.93 ? 1 : 2;
            var y = (roleBase[role] * (1 + (0.16 * sen)) * metro * (1 + (0.04 * size)) * empMult[emp])
                + sourceBias[source] + (800 * years * title) + (3000 * Math.Sin(2 * rating)) + (6000 * Normal(r));
            labels.Add(Math.Round(y / 10) * 10);
            data.Add([
                r.NextDouble() < 0.03 ? double.NaN : sen,
                r.NextDouble() < 0.05 ? double.NaN : metro,
                r.NextDouble() < 0.08 ? double.NaN : size,
                years, title, rating, noise, role, source, emp,
            ]);
        }

        return (data, labels);
    }

    private static double Normal(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
