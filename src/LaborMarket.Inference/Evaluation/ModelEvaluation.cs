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
    /// The metrics for the model's objective: regression and quantile: MAE, RMSE, R², MAPE; binary: log loss, AUC,
    /// accuracy, precision, recall, F1; Poisson: also the deviance; multiclass: log loss and accuracy.
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
                if (model.Transform == OutputTransform.Exp)
                {
                    metrics["poisson_deviance"] = ModelMetrics.PoissonDeviance(labels, single);
                }

                break;
        }

        return metrics;
    }
}
