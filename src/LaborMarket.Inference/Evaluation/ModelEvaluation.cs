using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Evaluation;

/// <summary>Predicts a model over labelled rows and reports the metrics that fit its objective.</summary>
public static class ModelEvaluation
{
    /// <summary>Each row's predictions (transformed), one array per row with the model's outputs.</summary>
    /// <param name="model">The model.</param>
    /// <param name="rows">The rows; their features are matched to the model's by name.</param>
    /// <exception cref="ArgumentException">The rows lack a feature the model needs.</exception>
    public static double[][] Predict(LightGbmModel model, TrainingSet rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var map = model.MapColumns(rows.FeatureNames);
        var x = new double[model.FeatureCount];
        var result = new double[rows.RowCount][];
        for (var r = 0; r < rows.RowCount; r++)
        {
            var row = rows.Row(r);
            for (var f = 0; f < map.Length; f++)
            {
                x[f] = row[map[f]];
            }

            result[r] = new double[model.OutputCount];
            model.Predict(x, result[r]);
        }

        return result;
    }

    /// <summary>
    /// The metrics for the model's objective: regression and quantile: MAE, RMSE, R², MAPE (<c>mape</c>, a fraction:
    /// 0.12 is 12%); quantile also the pinball loss at the model's alpha (<c>pinball_loss</c>, when the file gives alpha)
    /// and the share of labels at or below the prediction (<c>share_at_or_below</c>, near alpha when calibrated);
    /// binary: log loss, AUC, accuracy, precision, recall, F1; Poisson: also the deviance; multiclass: log loss and
    /// accuracy.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="rows">Labelled rows.</param>
    public static IReadOnlyDictionary<string, double> Evaluate(LightGbmModel model, TrainingSet rows)
    {
        var predictions = Predict(model, rows);
        var labels = rows.Labels;
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal) { ["rows"] = rows.RowCount };
        switch (model.Transform)
        {
            case OutputTransform.Sigmoid:
                var b = ModelMetrics.Binary(labels, predictions.Select(p => p[0]).ToArray());
                metrics["logloss"] = b.LogLoss;
                metrics["auc"] = b.Auc;
                metrics["accuracy"] = b.Accuracy;
                metrics["precision"] = b.Precision;
                metrics["recall"] = b.Recall;
                metrics["f1"] = b.F1;
                break;
            case OutputTransform.Softmax or OutputTransform.SigmoidPerClass:
                metrics["multi_logloss"] = ModelMetrics.MultiLogLoss(labels, predictions);
                metrics["accuracy"] = labels.Select((l, i) => Array.IndexOf(predictions[i], predictions[i].Max()) == (int)l ? 1.0 : 0).Average();
                break;
            default:
                var single = predictions.Select(p => p[0]).ToArray();
                var reg = ModelMetrics.Regression(labels, single);
                metrics["mae"] = reg.Mae;
                metrics["rmse"] = reg.Rmse;
                metrics["r2"] = reg.R2;
                metrics["mape"] = reg.Mape;
                if (IsQuantile(model))
                {
                    if (model.QuantileAlpha is { } alpha)
                    {
                        metrics["alpha"] = alpha;
                        metrics["pinball_loss"] = ModelMetrics.PinballLoss(labels, single, alpha);
                    }

                    metrics["share_at_or_below"] = ModelMetrics.ShareAtOrBelow(labels, single);
                }

                if (model.Transform == OutputTransform.Exp)
                {
                    metrics["poisson_deviance"] = ModelMetrics.PoissonDeviance(labels, single);
                }

                break;
        }

        return metrics;
    }

    /// <summary>
    /// How well two quantile models bound the labels as an interval: <c>coverage</c> (the share of labels inside
    /// [lower, upper]), <c>nominal_coverage</c> (upper alpha - lower alpha, when both files give alpha), the mean
    /// width, the share of rows where the bounds cross, and each bound's pinball loss.
    /// </summary>
    /// <param name="lower">The lower quantile model (such as alpha 0.1).</param>
    /// <param name="upper">The upper quantile model (such as alpha 0.9), over the same features.</param>
    /// <param name="rows">Labelled rows.</param>
    /// <exception cref="ArgumentException">A model is not a quantile model, or the lower one's alpha is not below the upper one's.</exception>
    public static IReadOnlyDictionary<string, double> EvaluateInterval(LightGbmModel lower, LightGbmModel upper, TrainingSet rows)
    {
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        ArgumentNullException.ThrowIfNull(rows);
        if (!IsQuantile(lower) || !IsQuantile(upper))
        {
            throw new ArgumentException($"an interval needs two quantile models (objectives: '{lower.Objective}', '{upper.Objective}')");
        }

        if (lower.QuantileAlpha is { } lo && upper.QuantileAlpha is { } hi && lo >= hi)
        {
            throw new ArgumentException($"the lower model's alpha ({lo}) must be below the upper model's ({hi})");
        }

        var labels = rows.Labels;
        var low = Predict(lower, rows).Select(p => p[0]).ToArray();
        var high = Predict(upper, rows).Select(p => p[0]).ToArray();
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["rows"] = rows.RowCount,
            ["coverage"] = ModelMetrics.Coverage(labels, low, high),
        };
        if (lower.QuantileAlpha is { } a && upper.QuantileAlpha is { } b)
        {
            metrics["nominal_coverage"] = b - a;
            metrics["lower_pinball_loss"] = ModelMetrics.PinballLoss(labels, low, a);
            metrics["upper_pinball_loss"] = ModelMetrics.PinballLoss(labels, high, b);
        }

        metrics["mean_width"] = low.Zip(high, (l, h) => h - l).Average();
        metrics["crossed_share"] = low.Zip(high, (l, h) => l > h ? 1.0 : 0).Average();
        return metrics;
    }

    private static bool IsQuantile(LightGbmModel model) =>
        model.Transform == OutputTransform.Identity && model.Objective.StartsWith("quantile", StringComparison.Ordinal);
}
