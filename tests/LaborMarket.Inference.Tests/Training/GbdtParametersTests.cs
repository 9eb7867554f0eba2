using LaborMarket.Inference.Training;

namespace LaborMarket.Inference.Tests.Training;

public class GbdtParametersTests
{
    [Theory]
    [InlineData("boosting", "rf")]
    [InlineData("boosting", "dart")]
    [InlineData("boosting_type", "goss")]
    [InlineData("boost", "banana")]
    public void Parse_BoostingOtherThanGbdt_IsRefusedNamingIt(string key, string value)
    {
        var error = Assert.Throws<UnsupportedTrainingParameterException>(() => GbdtParameters.Parse([new(key, value)]));

        Assert.Equal(key, error.Parameter);
        Assert.Equal(value, error.Value);
        Assert.StartsWith($"{key}={value}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BoostingGbdt_IsAccepted()
    {
        var p = GbdtParameters.Parse([new("boosting", "gbdt"), new("num_leaves", "7")]);

        Assert.Equal(7, p.NumLeaves);
    }

    [Theory]
    [InlineData("regression", "auc")]
    [InlineData("regression", "l1")]
    [InlineData("binary", "l2")]
    [InlineData("quantile", "l2,quantile")]
    public void Parse_MetricThatDoesNotDriveEarlyStopping_IsRefused(string objective, string metric)
    {
        // The metric comes before the objective: it is judged against the objective the pairs end with.
        var error = Assert.Throws<UnsupportedTrainingParameterException>(() => GbdtParameters.Parse([new("metric", metric), new("objective", objective)]));

        Assert.Equal("metric", error.Parameter);
        Assert.Contains("early stopping", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("regression", "l2")]
    [InlineData("binary", "binary_logloss")]
    [InlineData("quantile", "quantile")]
    [InlineData("poisson", "poisson")]
    [InlineData("multiclass", "multi_logloss")]
    [InlineData("regression", "None")]
    public void Parse_MetricOfTheObjective_IsAccepted(string objective, string metric)
    {
        var p = GbdtParameters.Parse([new("metric", metric), new("objective", objective)]);

        Assert.Equal(objective, p.Objective.ToString(), ignoreCase: true);
    }

    [Theory]
    [InlineData("extra_trees", "true")]
    [InlineData("linear_tree", "true")]
    [InlineData("is_unbalance", "true")]
    [InlineData("scale_pos_weight", "3")]
    [InlineData("monotone_constraints", "1,-1")]
    [InlineData("data_sample_strategy", "goss")]
    [InlineData("objective", "huber")]
    public void Parse_LightGbmSwitchTheTrainerLacks_IsRefused(string key, string value)
    {
        var error = Assert.Throws<UnsupportedTrainingParameterException>(() => GbdtParameters.Parse([new(key, value)]));

        Assert.Equal(key, error.Parameter);
    }

    [Theory]
    [InlineData("extra_trees", "false")]
    [InlineData("linear_tree", "0")]
    [InlineData("scale_pos_weight", "1.0")]
    [InlineData("drop_rate", "0.1")]
    public void Parse_SwitchLeftOff_IsAccepted(string key, string value)
    {
        var p = GbdtParameters.Parse([new(key, value)]);

        Assert.Equal(new GbdtParameters { CategoricalFeatures = p.CategoricalFeatures }, p);
    }

    [Fact]
    public void Train_MulticlassWithoutNumClass_ReadsTheClassCountFromTheLabels()
    {
        var rows = Enumerable.Range(0, 120).Select(i => new[] { (double)(i % 4 * 10) + (i % 7) }).ToList();
        var labels = Enumerable.Range(0, 120).Select(i => (double)(i % 4)).ToList();
        var set = TrainingSet.FromRows(["x"], rows, labels);

        var result = GbdtTrainer.Train(set, GbdtParameters.Parse([new("objective", "multiclass"), new("num_iterations", "3"), new("min_data_in_leaf", "5")]));

        Assert.Equal(4, result.Model.NumClass);
        Assert.Contains("num_class=4", result.ModelText, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_MulticlassWithOneClassAndNoNumClass_SaysSo()
    {
        var set = TrainingSet.FromRows(["x"], [[1.0], [2.0], [3.0]], [0, 0, 0]);

        var error = Assert.Throws<ArgumentException>(() => GbdtTrainer.Train(set, new GbdtParameters { Objective = TrainingObjective.Multiclass }));

        Assert.Contains("at least 2 classes", error.Message, StringComparison.Ordinal);
    }
}
