using System.Globalization;
using LaborMarket.Inference.Evaluation;
using LaborMarket.Inference.Training;
using LaborMarket.Inference.Trees;
using Microsoft.ML;

namespace LaborMarket.Inference.ML.Training;

/// <summary>
/// ML.NET's LightGbm trainer as an <see cref="IGbdtTrainer"/>, so the salary, archetype and headcount models train
/// with it through one option: <c>new ModelTrainingOptions { Trainer = MLNetGbdtTrainer.Default }</c>. Each call
/// trains in its own <see cref="MLContext"/> (seeded with <see cref="GbdtParameters.Seed"/>), so calls may run in
/// parallel; the model comes back in LightGBM's text format (<see cref="Conversion.MLNetModelConverter"/>).
/// </summary>
/// <remarks>
/// ML.NET's LightGbm offers the regression, binary and multiclass objectives; the others are built on its regression:
/// <list type="bullet">
/// <item><description>Quantile (alpha): the L2 regression shifted by the alpha-quantile of its residuals on the
/// validation rows (the training rows without them), so a share alpha of those rows falls below it.</description></item>
/// <item><description>Poisson: an L2 regression of log(max(count, 0.5)) under LightGBM's <c>poisson</c> (exp) output,
/// rescaled so its mean prediction on the training rows is the mean count; predictions are positive.</description></item>
/// </list>
/// Categorical features are split as ordered numbers (their codes): ML.NET reads categories from the slot metadata
/// of its own featurizers, which a <see cref="TrainingSet"/> does not carry. Early stopping runs in ML.NET on the
/// validation rows. The validation history is not reported.
/// </remarks>
public sealed class MLNetGbdtTrainer : IGbdtTrainer
{
    private MLNetGbdtTrainer()
    {
    }

    /// <summary>The trainer.</summary>
    public static MLNetGbdtTrainer Default { get; } = new();

    /// <inheritdoc/>
    public TrainingResult Train(TrainingSet train, GbdtParameters parameters, TrainingSet? validation = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(parameters);
        cancellationToken.ThrowIfCancellationRequested();
        if (parameters.Validate() is { } problem)
        {
            throw new ArgumentException(problem, nameof(parameters));
        }

        var ml = new MLContext(parameters.Seed);
        var p = parameters with { CategoricalFeatures = [] };
        switch (p.Objective)
        {
            case TrainingObjective.Quantile:
            {
                var result = MLNetLightGbmTrainer.Train(ml, train, p with { Objective = TrainingObjective.Regression }, validation);
                var rows = validation is { RowCount: > 0 } ? validation : train;
                var predictions = ModelEvaluation.Predict(result.Model, rows);
                var residuals = rows.Labels.Select((y, i) => y - predictions[i][0]).Order().ToArray();
                return Shifted(result.ModelText, Quantile(residuals, p.Alpha), null);
            }

            case TrainingObjective.Poisson:
            {
                var logs = Relabel(train, y => Math.Log(Math.Max(y, 0.5)));
                var result = MLNetLightGbmTrainer.Train(ml, logs, p with { Objective = TrainingObjective.Regression },
                    validation is null ? null : Relabel(validation, y => Math.Log(Math.Max(y, 0.5))));
                var raw = ModelEvaluation.Predict(result.Model, train);
                var shift = Math.Log(train.Labels.Sum() / raw.Sum(r => Math.Exp(r[0])));
                return Shifted(result.ModelText, double.IsFinite(shift) ? shift : 0, "poisson");
            }

            default:
                return MLNetLightGbmTrainer.Train(ml, train, p, validation);
        }
    }

    private static TrainingSet Relabel(TrainingSet set, Func<double, double> label) =>
        TrainingSet.FromRows(set.FeatureNames, Enumerable.Range(0, set.RowCount).Select(r => set.Row(r).ToArray()).ToArray(), set.Labels.Select(label).ToArray());

    // The alpha-quantile of sorted values (linear between neighbours).
    private static double Quantile(double[] sorted, double alpha)
    {
        var position = alpha * (sorted.Length - 1);
        var low = (int)Math.Floor(position);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((position - low) * (sorted[high] - sorted[low]));
    }

    // Adds a constant to every leaf of the first tree (so to every prediction's raw score) and, when given, sets the objective.
    private static TrainingResult Shifted(string text, double shift, string? objective)
    {
        var start = text.IndexOf("\nTree=0\n", StringComparison.Ordinal);
        var line = text.IndexOf("\nleaf_value=", start, StringComparison.Ordinal) + "\nleaf_value=".Length;
        var end = text.IndexOf('\n', line);
        var leaves = text[line..end].Split(' ').Select(v => (double.Parse(v, CultureInfo.InvariantCulture) + shift).ToString("R", CultureInfo.InvariantCulture));
        text = string.Concat(text.AsSpan(0, line), string.Join(' ', leaves), text.AsSpan(end));
        if (objective is not null)
        {
            text = text.Replace("\nobjective=regression\n", $"\nobjective={objective}\n", StringComparison.Ordinal);
        }

        var model = LightGbmModel.Parse(new StringReader(text), "ML.NET LightGbm model");
        return new TrainingResult(model, text, model.Iterations, null, []);
    }
}
