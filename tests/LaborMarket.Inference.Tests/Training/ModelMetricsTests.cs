using LaborMarket.Inference.Evaluation;

namespace LaborMarket.Inference.Tests.Training;

public class ModelMetricsTests
{
    [Fact]
    public void Auc_KnownRanking()
    {
        // Positives at scores 0.9 and 0.4, negatives at 0.8, 0.3, 0.2: 5 of 6 pairs ordered right.
        Assert.Equal(5 / 6.0, ModelMetrics.Auc([1, 0, 1, 0, 0], [0.9, 0.8, 0.4, 0.3, 0.2]), 12);
        Assert.Equal(0.5, ModelMetrics.Auc([1, 0], [0.5, 0.5]), 12);
    }

    [Fact]
    public void Regression_KnownErrors()
    {
        var m = ModelMetrics.Regression([1, 2, 3, 4], [2, 2, 3, 2]);

        Assert.Equal(0.75, m.Mae, 12);
        Assert.Equal(Math.Sqrt(5 / 4.0), m.Rmse, 12);
        Assert.Equal(1 - (5 / 5.0), m.R2, 12);
        Assert.Equal((1 + 0 + 0 + 0.5) / 4, m.Mape, 12);
    }

    [Fact]
    public void Binary_ThresholdAndBestF1()
    {
        double[] y = [1, 1, 0, 0, 1];
        double[] p = [0.9, 0.6, 0.55, 0.1, 0.3];

        var m = ModelMetrics.Binary(y, p, 0.5);
        var best = ModelMetrics.BestF1Threshold(y, p);

        Assert.Equal((2 / 3.0, 2 / 3.0), (m.Precision, m.Recall));
        Assert.Equal(0.3, best);
        Assert.Equal(0.8, ModelMetrics.Coverage([1, 2, 3, 4, 5], [0, 0, 0, 0, 6], [9, 9, 9, 9, 9]));
    }
}
