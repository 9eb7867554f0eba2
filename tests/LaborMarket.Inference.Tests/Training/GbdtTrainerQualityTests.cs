using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;
using Xunit.Abstractions;

namespace LaborMarket.Inference.Tests.Training;

/// <summary>
/// Trains on each fixture's train.csv with the fixture's parameters and compares the test metric (first 1,000
/// test rows: fresh rows from the same generator) with the real LightGBM model's.
/// </summary>
public class GbdtTrainerQualityTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string, string> Cases => new()
    {
        // folder, label, metric, parameters (as in train.conf)
        { "regression_l2", "salary", "rmse", "objective=regression num_iterations=200 learning_rate=0.05 num_leaves=31 min_data_in_leaf=20" },
        { "regression_categorical", "salary", "rmse", "objective=regression num_iterations=200 learning_rate=0.05 num_leaves=31 min_data_in_leaf=20 categorical_feature=role_id,source_id,employment_type" },
        { "quantile_p90", "salary", "pinball", "objective=quantile alpha=0.9 num_iterations=200 learning_rate=0.05 num_leaves=31" },
        { "quantile_p10", "salary", "pinball", "objective=quantile alpha=0.1 num_iterations=200 learning_rate=0.05 num_leaves=31" },
        { "binary", "archetype_exists", "logloss", "objective=binary num_iterations=150 learning_rate=0.05 num_leaves=31" },
        { "poisson", "headcount", "rmse", "objective=poisson num_iterations=200 learning_rate=0.05 num_leaves=31" },
        { "multiclass", "level", "multi_logloss", "objective=multiclass num_class=5 num_iterations=100 learning_rate=0.1 num_leaves=15" },
    };

    [DataTheory]
    [MemberData(nameof(Cases))]
    public async Task Train_FixtureParameters_TestMetricWithinOnePercentOfLightGbm(string folder, string label, string metric, string parameters)
    {
        var dir = TestData.FixturePath("lightgbm/" + folder);
        var train = await TrainingSet.ReadCsvAsync(Path.Combine(dir, "train.csv"), label);
        var test = await TrainingSet.ReadCsvAsync(Path.Combine(dir, "test.csv"), label);
        var fresh = test.Subset(Enumerable.Range(0, 1000).ToArray());
        var p = GbdtParameters.Parse(parameters.Split(' ').Select(kv => kv.Split('=')).Select(kv => new KeyValuePair<string, string>(kv[0], kv[1])));

        var result = GbdtTrainer.Train(train, p);
        var lightGbm = LightGbmModel.Load(Path.Combine(dir, "model.txt"));

        var ours = Score(result.Model, fresh, metric, p.Alpha);
        var theirs = Score(lightGbm, fresh, metric, p.Alpha);
        output.WriteLine($"{folder}: {metric} ours {ours:G6}, LightGBM {theirs:G6} ({(ours / theirs - 1) * 100:+0.00;-0.00}%), {result.Model.TreeCount} trees");
        Assert.True(ours <= theirs * 1.01, $"{metric} {ours} is more than 1 % worse than LightGBM's {theirs}");
    }

    internal static double Score(LightGbmModel model, TrainingSet rows, string metric, double alpha)
    {
        var columns = model.MapColumns(rows.FeatureNames.ToArray());
        var x = new double[model.FeatureCount];
        var outputs = new double[model.OutputCount];
        var labels = rows.Labels;
        var sum = 0.0;
        for (var r = 0; r < rows.RowCount; r++)
        {
            var row = rows.Row(r);
            for (var f = 0; f < columns.Length; f++)
            {
                x[f] = row[columns[f]];
            }

            model.Predict(x, outputs);
            var y = labels[r];
            sum += metric switch
            {
                "rmse" => (outputs[0] - y) * (outputs[0] - y),
                "pinball" => y >= outputs[0] ? alpha * (y - outputs[0]) : (1 - alpha) * (outputs[0] - y),
                "logloss" => -(y == 1 ? Math.Log(Math.Max(outputs[0], 1e-15)) : Math.Log(Math.Max(1 - outputs[0], 1e-15))),
                _ => -Math.Log(Math.Max(outputs[(int)y], 1e-15)),
            };
        }

        var mean = sum / rows.RowCount;
        return metric == "rmse" ? Math.Sqrt(mean) : mean;
    }
}
