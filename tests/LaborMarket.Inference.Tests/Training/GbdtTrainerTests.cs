using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Training;

public class GbdtTrainerTests
{
    private static readonly Lazy<TrainingSet> Salary = new(() =>
        TrainingSet.ReadCsvAsync(Path.Combine(TestData.FixturePath("lightgbm/regression_categorical"), "train.csv"), "salary").GetAwaiter().GetResult());

    private static GbdtParameters Small => new() { NumIterations = 30, LearningRate = 0.1, NumLeaves = 15, CategoricalFeatures = ["role_id", "source_id", "employment_type"] };

    [DataFact]
    public void Train_OneThreadOrTwo_WritesTheSameModel()
    {
        var one = GbdtTrainer.Train(Salary.Value, Small with { NumThreads = 1, BaggingFraction = 0.8, BaggingFreq = 1, FeatureFraction = 0.8 });
        var two = GbdtTrainer.Train(Salary.Value, Small with { NumThreads = 2, BaggingFraction = 0.8, BaggingFreq = 1, FeatureFraction = 0.8 });

        Assert.Equal(one.ModelText, two.ModelText);
    }

    [DataFact]
    public void Train_OtherSeedWithBagging_GivesAnotherModel()
    {
        var a = GbdtTrainer.Train(Salary.Value, Small with { BaggingFraction = 0.7, BaggingFreq = 1, Seed = 1 });
        var b = GbdtTrainer.Train(Salary.Value, Small with { BaggingFraction = 0.7, BaggingFreq = 1, Seed = 2 });

        Assert.NotEqual(a.ModelText, b.ModelText);
    }

    [DataFact]
    public void ModelText_ReadBack_PredictsExactlyAsTheTrainedModel()
    {
        var result = GbdtTrainer.Train(Salary.Value, Small);
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "model.txt");
        File.WriteAllText(path, result.ModelText);

        var loaded = LightGbmModel.Load(path);

        Assert.Equal(30, loaded.TreeCount);
        Assert.Contains("cat_threshold=", result.ModelText, StringComparison.Ordinal); // categorical splits were used
        Assert.Contains("num_cat=", result.ModelText, StringComparison.Ordinal);
        var a = ModelEvaluation.Predict(result.Model, Salary.Value);
        var b = ModelEvaluation.Predict(loaded, Salary.Value);
        Assert.Equal(a.Select(x => x[0]), b.Select(x => x[0]));
    }

    [DataFact]
    public void Train_EarlyStopping_KeepsTheBestIteration()
    {
        var rows = Salary.Value;
        var train = rows.Subset(Enumerable.Range(0, 8000).ToArray());
        var valid = rows.Subset(Enumerable.Range(8000, 2000).ToArray());

        var result = GbdtTrainer.Train(train, Small with { NumIterations = 2000, LearningRate = 0.3, EarlyStoppingRounds = 10 }, valid);

        Assert.Equal("l2", result.MetricName);
        Assert.True(result.Iterations < 2000, $"{result.Iterations} iterations");
        Assert.Equal(result.ValidationHistory.Min(), result.ValidationHistory[result.Iterations - 1]);
        Assert.True(result.ValidationHistory.Count >= result.Iterations + 10);
        Assert.Equal(result.Iterations, result.Model.Iterations);
    }

    [Fact]
    public void Train_BadLabelsOrParameters_SayWhich()
    {
        var set = TrainingSet.FromRows(["x"], [[1.0], [2.0], [3.0]], [0, 1, 2]);

        var labels = Assert.Throws<ArgumentException>(() => GbdtTrainer.Train(set, new GbdtParameters { Objective = TrainingObjective.Binary }));
        var category = Assert.Throws<ArgumentException>(() => GbdtTrainer.Train(set, new GbdtParameters { CategoricalFeatures = ["y"] }));
        var leaves = Assert.Throws<ArgumentException>(() => GbdtTrainer.Train(set, new GbdtParameters { NumLeaves = 1 }));
        var unknown = Assert.Throws<ArgumentException>(() => GbdtParameters.Parse([new("num_leafs", "3")]));

        Assert.Contains("row 3", labels.Message, StringComparison.Ordinal);
        Assert.Contains("'y'", category.Message, StringComparison.Ordinal);
        Assert.Contains("num_leaves", leaves.Message, StringComparison.Ordinal);
        Assert.Contains("num_leafs", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_StepFunctionWithMissingValues_LearnsWhereMissingValuesGo()
    {
        // y = 10 when x > 0.5, 0 when x <= 0.5, and 5 when x is missing: the missing rows need their own side.
        var random = new Random(7);
        var rows = new List<double[]>();
        var labels = new List<double>();
        for (var i = 0; i < 3000; i++)
        {
            var missing = i % 10 == 0;
            var x = random.NextDouble();
            rows.Add([missing ? double.NaN : x]);
            labels.Add(missing ? 30 : x > 0.5 ? 10 : 0);
        }

        var model = GbdtTrainer.Train(TrainingSet.FromRows(["x"], rows, labels), new GbdtParameters { NumIterations = 50, NumLeaves = 4 }).Model;

        Assert.Equal(30, model.Predict([double.NaN]), 0);
        Assert.Equal(10, model.Predict([0.9]), 0);
        Assert.Equal(0, model.Predict([0.1]), 0);
    }

    [Fact]
    public void Parse_LightGbmNamesAndAliases()
    {
        var p = GbdtParameters.Parse([new("objective", "quantile"), new("alpha", "0.1"), new("n_estimators", "12"), new("eta", "0.2"),
            new("categorical_feature", "name:a,b"), new("min_child_samples", "5"), new("subsample", "0.5"), new("subsample_freq", "2")]);

        Assert.Equal(TrainingObjective.Quantile, p.Objective);
        Assert.Equal(0.1, p.Alpha);
        Assert.Equal(12, p.NumIterations);
        Assert.Equal(0.2, p.LearningRate);
        Assert.Equal(["a", "b"], p.CategoricalFeatures);
        Assert.Equal(5, p.MinDataInLeaf);
        Assert.Equal((0.5, 2), (p.BaggingFraction, p.BaggingFreq));
    }
}

public class TrainingSetTests
{
    [Fact]
    public async Task ReadCsv_QuotedCommasMissingCellsAndABadNumber()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "rows.csv");
        await File.WriteAllTextAsync(path, "salary,\"role, code\",note,x\n100,1,\"a, b\",nan\n200,2,c,\n300,3,d,abc\n");

        var ex = await Assert.ThrowsAsync<LaborMarket.LaborMarketFormatException>(() => TrainingSet.ReadCsvAsync(path, "salary", ["role, code", "x"]));
        await File.WriteAllTextAsync(path, "salary,\"role, code\",note,x\n100,1,\"a, b\",nan\n200,2,c,\n");
        var set = await TrainingSet.ReadCsvAsync(path, "salary", ["role, code", "x"]);

        Assert.Equal((4L, "x"), (ex.LineNumber, ex.Field));
        Assert.Equal(["role, code", "x"], set.FeatureNames);
        Assert.Equal([100.0, 200.0], set.Labels);
        Assert.True(double.IsNaN(set.Row(0)[1]) && double.IsNaN(set.Row(1)[1]));
        Assert.Equal(2, set.Row(1)[0]);
    }
}
