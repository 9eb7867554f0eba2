namespace LaborMarket.Cli.Tests.Models;

public class ModelTrainCommandTests
{
    [DataFact]
    public async Task TrainThenEvaluate_PoissonFixture_WritesAModelAndItsMetrics()
    {
        var dir = TestData.FixturePath("lightgbm/poisson");
        var model = Path.Combine(Directory.CreateTempSubdirectory().FullName, "model.txt");

        var (trainCode, trainOut, trainError) = await CliRunner.RunAsync("model", "train", "--input", Path.Combine(dir, "train.csv"), "--label", "headcount",
            "--objective", "poisson", "--param", "num_iterations=50", "--param", "learning_rate=0.1", "--output", model);
        var (evalCode, evalOut, _) = await CliRunner.RunAsync("model", "evaluate", "--model", model, "--input", Path.Combine(dir, "test.csv"), "--label", "headcount");
        var (predictCode, predictOut, _) = await CliRunner.RunAsync("model", "predict", "--model", model, "--input", Path.Combine(dir, "test.csv"));

        Assert.True(trainCode == 0, trainError);
        Assert.Contains("trained 50 iterations", trainOut, StringComparison.Ordinal);
        Assert.StartsWith("tree\nversion=v4", await File.ReadAllTextAsync(model), StringComparison.Ordinal);
        Assert.Equal(0, evalCode);
        var metrics = evalOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(metrics["rmse"], 0.9, 1.2);
        Assert.True(metrics.ContainsKey("poisson_deviance"));
        Assert.Equal(0, predictCode);
        Assert.Equal((int)metrics["rows"], predictOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Train_UnknownParameter_ExitsOneNamingIt()
    {
        var csv = Path.Combine(Directory.CreateTempSubdirectory().FullName, "t.csv");
        await File.WriteAllTextAsync(csv, "y,x\n1,2\n2,3\n");

        var (code, _, error) = await CliRunner.RunAsync("model", "train", "--input", csv, "--label", "y", "--param", "num_leafs=3", "--output", csv + ".model");

        Assert.Equal(1, code);
        Assert.Contains("num_leafs", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("boosting=banana")]
    [InlineData("boosting=rf")]
    [InlineData("boosting_type=dart")]
    [InlineData("boosting=goss")]
    [InlineData("metric=auc")]
    public async Task Train_ParameterNotImplemented_IsRefusedAndNoModelIsWritten(string parameter)
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var csv = Path.Combine(folder, "t.csv");
        await File.WriteAllTextAsync(csv, "y,x\n1,2\n2,3\n3,4\n");

        var (code, output, error) = await CliRunner.RunAsync("model", "train", "--input", csv, "--label", "y", "--param", parameter, "--output", Path.Combine(folder, "m.txt"));

        Assert.NotEqual(0, code);
        Assert.Equal("", output);
        Assert.Contains(parameter, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "m.txt")));
    }

    [Fact]
    public async Task Train_MetricOfTheObjective_IsAccepted()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var csv = Path.Combine(folder, "t.csv");
        await File.WriteAllTextAsync(csv, string.Concat(Enumerable.Range(0, 60).Select(i => $"{i % 7},{i}\n").Prepend("y,x\n")));

        var (code, _, error) = await CliRunner.RunAsync("model", "train", "--input", csv, "--label", "y", "--param", "metric=l2", "--param", "num_iterations=3", "--param", "min_data_in_leaf=5", "--output", Path.Combine(folder, "m.txt"));

        Assert.True(code == 0, error);
    }

    [Fact]
    public async Task Train_MulticlassWithoutNumClass_ReadsTheClassCountFromTheLabels()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        var csv = Path.Combine(folder, "t.csv");
        await File.WriteAllTextAsync(csv, string.Concat(Enumerable.Range(0, 90).Select(i => $"{i % 3},{i % 3 * 10 + i % 5}\n").Prepend("y,x\n")));
        var model = Path.Combine(folder, "m.txt");

        var (code, _, error) = await CliRunner.RunAsync("model", "train", "--input", csv, "--label", "y", "--objective", "multiclass", "--param", "num_iterations=3", "--param", "min_data_in_leaf=5", "--output", model);

        Assert.True(code == 0, error);
        Assert.Contains("num_class=3", await File.ReadAllTextAsync(model), StringComparison.Ordinal);
    }

    [DataFact("fixtures/lightgbm")]
    public async Task Evaluate_QuantileModelWithIntervalModel_ReportsPinballLossAndCoverageAndMapeAsPercent()
    {
        var test = TestData.FixturePath("lightgbm/quantile_p10/test.csv");

        var (code, output, error) = await CliRunner.RunAsync("model", "evaluate", "--model", TestData.FixturePath("lightgbm/quantile_p90/model.txt"),
            "--interval-model", TestData.FixturePath("lightgbm/quantile_p10/model.txt"), "--input", test, "--label", "salary");

        Assert.True(code == 0, error);
        var metrics = Metrics(output);
        Assert.Equal(0.9, metrics["alpha"]);
        Assert.True(metrics["pinball_loss"] > 0);
        Assert.InRange(metrics["share_at_or_below"], 0.85, 0.95);
        Assert.Equal(0.8, metrics["interval_nominal_coverage"], 9);
        Assert.InRange(metrics["interval_coverage"], 0.7, 0.9);
        Assert.True(metrics["interval_lower_pinball_loss"] > 0);
        Assert.False(metrics.ContainsKey("mape"));

        // The percent is the fraction times 100: the median model is off by tens of percent on the low salaries, not by 0.x.
        Assert.InRange(metrics["mape_percent"], 1, 100);
    }

    [DataFact("fixtures/lightgbm")]
    public async Task Evaluate_IntervalModelThatIsNotQuantile_ExitsOne()
    {
        var (code, output, error) = await CliRunner.RunAsync("model", "evaluate", "--model", TestData.FixturePath("lightgbm/quantile_p90/model.txt"),
            "--interval-model", TestData.FixturePath("lightgbm/regression_l2/model.txt"), "--input", TestData.FixturePath("lightgbm/quantile_p10/test.csv"), "--label", "salary");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("quantile", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extra_trees=true")]
    [InlineData("linear_tree=true")]
    [InlineData("objective=huber")]
    public async Task Train_OtherLightGbmSwitchNotImplemented_IsRefusedBeforeReadingTheInput(string parameter)
    {
        var folder = Directory.CreateTempSubdirectory().FullName;

        // The input does not exist: the refusal comes first, from the parameters alone.
        var (code, output, error) = await CliRunner.RunAsync("model", "train", "--input", Path.Combine(folder, "none.csv"), "--label", "y", "--param", parameter, "--output", Path.Combine(folder, "m.txt"));

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith($"error: --param {parameter}: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    private static Dictionary<string, double> Metrics(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).ToDictionary(p => p[0], p => double.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
}
