using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.Training;

/// <summary>The result of training: the model, its LightGBM text, and the validation history.</summary>
/// <param name="Model">The trained model, ready to predict.</param>
/// <param name="ModelText">The model in LightGBM's text format (save it as model.txt).</param>
/// <param name="Iterations">Iterations kept (the best one when early stopping was on).</param>
/// <param name="MetricName">The validation metric ("l2", "quantile", "binary_logloss", "poisson", "multi_logloss"), or null without validation rows.</param>
/// <param name="ValidationHistory">The validation metric after each iteration.</param>
public sealed record TrainingResult(LightGbmModel Model, string ModelText, int Iterations, string? MetricName, IReadOnlyList<double> ValidationHistory);
