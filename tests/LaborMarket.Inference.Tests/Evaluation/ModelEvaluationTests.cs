using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Tests.Evaluation;

public class ModelEvaluationTests
{
    [Fact]
    public void PinballLoss_AboveAndBelow_WeighsEachSideByAlpha()
    {
        // Label 10 above a prediction of 5 costs 0.9 * 5; label 0 below it costs 0.1 * 5.
        Assert.Equal(2.5, ModelMetrics.PinballLoss([10, 0], [5, 5], 0.9), 12);
        Assert.Equal(0.5 * 0.5, ModelMetrics.PinballLoss([10], [9.5], 0.5), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => ModelMetrics.PinballLoss([1], [1], 1));
    }

    [DataFact("fixtures/lightgbm")]
    public async Task Evaluate_LightGbmQuantileModels_ReadAlphaAndReportPinballLossAndCoverage()
    {
        var p10 = LightGbmModel.Load(TestData.FixturePath("lightgbm/quantile_p10/model.txt"));
        var p90 = LightGbmModel.Load(TestData.FixturePath("lightgbm/quantile_p90/model.txt"));
        var rows = await TrainingSet.ReadCsvAsync(TestData.FixturePath("lightgbm/quantile_p10/test.csv"), "salary", p10.FeatureNames);

        var low = ModelEvaluation.Evaluate(p10, rows);
        var high = ModelEvaluation.Evaluate(p90, rows);
        var interval = ModelEvaluation.EvaluateInterval(p10, p90, rows);

        Assert.Equal(0.1, p10.QuantileAlpha);
        Assert.Equal(0.9, p90.QuantileAlpha);
        Assert.Equal(0.1, low["alpha"]);
        Assert.InRange(low["share_at_or_below"], 0.05, 0.15);
        Assert.InRange(high["share_at_or_below"], 0.85, 0.95);

        // Each model has the lower pinball loss at its own quantile.
        var labels = rows.Labels;
        var p10Predictions = ModelEvaluation.Predict(p10, rows).Select(p => p[0]).ToArray();
        Assert.True(high["pinball_loss"] < ModelMetrics.PinballLoss(labels, p10Predictions, 0.9));
        Assert.Equal(low["pinball_loss"], ModelMetrics.PinballLoss(labels, p10Predictions, 0.1), 9);

        Assert.Equal(0.8, interval["nominal_coverage"], 12);
        Assert.InRange(interval["coverage"], 0.7, 0.9);
        Assert.True(interval["mean_width"] > 0);
        Assert.Equal(low["pinball_loss"], interval["lower_pinball_loss"], 9);
    }

    [DataFact("fixtures/lightgbm")]
    public async Task EvaluateInterval_BoundsSwappedOrNotQuantile_Throws()
    {
        var p10 = LightGbmModel.Load(TestData.FixturePath("lightgbm/quantile_p10/model.txt"));
        var p90 = LightGbmModel.Load(TestData.FixturePath("lightgbm/quantile_p90/model.txt"));
        var l2 = LightGbmModel.Load(TestData.FixturePath("lightgbm/regression_l2/model.txt"));
        var rows = await TrainingSet.ReadCsvAsync(TestData.FixturePath("lightgbm/quantile_p10/test.csv"), "salary", p10.FeatureNames);

        Assert.Throws<ArgumentException>(() => ModelEvaluation.EvaluateInterval(p90, p10, rows));
        Assert.Throws<ArgumentException>(() => ModelEvaluation.EvaluateInterval(l2, p90, rows));
        Assert.Null(l2.QuantileAlpha);
    }
}
