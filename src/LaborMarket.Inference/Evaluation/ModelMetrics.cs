namespace LaborMarket.Inference.Evaluation;

/// <summary>The metrics models are judged by (the definitions LightGBM and scikit-learn use).</summary>
public static class ModelMetrics
{
    /// <summary>MAE, RMSE, R² and MAPE.</summary>
    /// <param name="labels">True values.</param>
    /// <param name="predictions">Predictions.</param>
    public static RegressionMetrics Regression(IReadOnlyList<double> labels, IReadOnlyList<double> predictions)
    {
        Check(labels, predictions);
        var n = labels.Count;
        var mean = labels.Average();
        double abs = 0, sq = 0, total = 0, pct = 0;
        var pctCount = 0;
        for (var i = 0; i < n; i++)
        {
            var e = predictions[i] - labels[i];
            abs += Math.Abs(e);
            sq += e * e;
            total += (labels[i] - mean) * (labels[i] - mean);
            if (labels[i] != 0)
            {
                pct += Math.Abs(e / labels[i]);
                pctCount++;
            }
        }

        return new RegressionMetrics(n, abs / n, Math.Sqrt(sq / n), total == 0 ? 0 : 1 - (sq / total), pctCount == 0 ? 0 : pct / pctCount);
    }

    /// <summary>Log loss, AUC, and accuracy, precision, recall and F1 at <paramref name="threshold"/>.</summary>
    /// <param name="labels">0/1 labels.</param>
    /// <param name="probabilities">Predicted probabilities of 1.</param>
    /// <param name="threshold">The decision threshold. Default 0.5.</param>
    public static BinaryMetrics Binary(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities, double threshold = 0.5)
    {
        Check(labels, probabilities);
        var n = labels.Count;
        double loss = 0;
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            var positive = labels[i] >= 0.5;
            loss -= positive ? Math.Log(p) : Math.Log(1 - p);
            var called = probabilities[i] >= threshold;
            (tp, fp, tn, fn) = (called, positive) switch
            {
                (true, true) => (tp + 1, fp, tn, fn),
                (true, false) => (tp, fp + 1, tn, fn),
                (false, false) => (tp, fp, tn + 1, fn),
                _ => (tp, fp, tn, fn + 1),
            };
        }

        var precision = tp + fp == 0 ? 0 : tp / (double)(tp + fp);
        var recall = tp + fn == 0 ? 0 : tp / (double)(tp + fn);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BinaryMetrics(n, loss / n, Auc(labels, probabilities), threshold, (tp + tn) / (double)n, precision, recall, f1);
    }

    /// <summary>The threshold with the best F1 over the distinct predicted probabilities.</summary>
    /// <param name="labels">0/1 labels.</param>
    /// <param name="probabilities">Predicted probabilities of 1.</param>
    public static double BestF1Threshold(IReadOnlyList<double> labels, IReadOnlyList<double> probabilities)
    {
        Check(labels, probabilities);
        var order = Enumerable.Range(0, labels.Count).OrderByDescending(i => probabilities[i]).ToArray();
        var positives = labels.Count(l => l >= 0.5);
        int tp = 0, called = 0;
        double best = -1, bestThreshold = 0.5;
        for (var k = 0; k < order.Length; k++)
        {
            called++;
            if (labels[order[k]] >= 0.5)
            {
                tp++;
            }

            if (k + 1 < order.Length && probabilities[order[k + 1]] == probabilities[order[k]])
            {
                continue; // a threshold cannot separate equal probabilities
            }

            var f1 = positives + called == 0 ? 0 : 2.0 * tp / (positives + called);
            if (f1 > best)
            {
                best = f1;
                bestThreshold = probabilities[order[k]];
            }
        }

        return bestThreshold;
    }

    /// <summary>Area under the ROC curve (ties count half).</summary>
    /// <param name="labels">0/1 labels.</param>
    /// <param name="scores">Scores or probabilities; higher means more likely 1.</param>
    public static double Auc(IReadOnlyList<double> labels, IReadOnlyList<double> scores)
    {
        Check(labels, scores);
        var order = Enumerable.Range(0, labels.Count).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]])
            {
                j++;
            }

            var rank = (i + j + 2) / 2.0; // average 1-based rank of the tie group
            for (var k = i; k <= j; k++)
            {
                if (labels[order[k]] >= 0.5)
                {
                    rankSum += rank;
                    positives++;
                }
            }

            i = j + 1;
        }

        var negatives = labels.Count - positives;
        return positives == 0 || negatives == 0 ? double.NaN : (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }

    /// <summary>The share of labels inside [lower, upper].</summary>
    /// <param name="labels">True values.</param>
    /// <param name="lower">Lower bounds.</param>
    /// <param name="upper">Upper bounds.</param>
    public static double Coverage(IReadOnlyList<double> labels, IReadOnlyList<double> lower, IReadOnlyList<double> upper)
    {
        Check(labels, lower);
        Check(labels, upper);
        var inside = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] >= lower[i] && labels[i] <= upper[i])
            {
                inside++;
            }
        }

        return inside / (double)labels.Count;
    }

    /// <summary>
    /// Mean pinball (quantile) loss at <paramref name="alpha"/>: <c>alpha * (y - q)</c> where the label is above the
    /// prediction, <c>(1 - alpha) * (q - y)</c> where it is below; the loss a quantile model minimizes.
    /// </summary>
    /// <param name="labels">True values.</param>
    /// <param name="predictions">Predicted quantiles.</param>
    /// <param name="alpha">The quantile, in (0, 1).</param>
    public static double PinballLoss(IReadOnlyList<double> labels, IReadOnlyList<double> predictions, double alpha)
    {
        Check(labels, predictions);
        if (alpha is <= 0 or >= 1 || double.IsNaN(alpha))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "alpha must be in (0, 1)");
        }

        var total = 0.0;
        for (var i = 0; i < labels.Count; i++)
        {
            var d = labels[i] - predictions[i];
            total += d >= 0 ? alpha * d : (alpha - 1) * d;
        }

        return total / labels.Count;
    }

    /// <summary>The share of labels at or below their prediction (for a calibrated quantile model, close to its alpha).</summary>
    /// <param name="labels">True values.</param>
    /// <param name="predictions">Predicted quantiles.</param>
    public static double ShareAtOrBelow(IReadOnlyList<double> labels, IReadOnlyList<double> predictions)
    {
        Check(labels, predictions);
        var below = 0;
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] <= predictions[i])
            {
                below++;
            }
        }

        return below / (double)labels.Count;
    }

    /// <summary>Mean multiclass log loss.</summary>
    /// <param name="labels">Class indexes.</param>
    /// <param name="probabilities">Per row, the probability of each class.</param>
    public static double MultiLogLoss(IReadOnlyList<double> labels, IReadOnlyList<double[]> probabilities)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (labels.Count != probabilities.Count || labels.Count == 0)
        {
            throw new ArgumentException("labels and predictions must be non-empty and of the same length");
        }

        return labels.Select((l, i) => -Math.Log(Math.Max(probabilities[i][(int)l], 1e-15))).Average();
    }

    /// <summary>Mean Poisson deviance.</summary>
    /// <param name="labels">Counts.</param>
    /// <param name="predictions">Predicted means (positive).</param>
    public static double PoissonDeviance(IReadOnlyList<double> labels, IReadOnlyList<double> predictions)
    {
        Check(labels, predictions);
        return labels.Select((y, i) => 2 * ((y > 0 ? y * Math.Log(y / predictions[i]) : 0) - (y - predictions[i]))).Average();
    }

    private static void Check(IReadOnlyList<double> labels, IReadOnlyList<double> predictions)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(predictions);
        if (labels.Count != predictions.Count || labels.Count == 0)
        {
            throw new ArgumentException($"{labels.Count} labels and {predictions.Count} predictions: they must be non-empty and of the same length");
        }
    }
}
