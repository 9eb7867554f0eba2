namespace LaborMarket.Inference.Evaluation;

/// <summary>Binary classification quality at a threshold.</summary>
/// <param name="Count">Rows.</param>
/// <param name="LogLoss">Log loss of the probabilities.</param>
/// <param name="Auc">Area under the ROC curve.</param>
/// <param name="Threshold">The probability at or above which a row is called positive.</param>
/// <param name="Accuracy">Accuracy at the threshold.</param>
/// <param name="Precision">Precision at the threshold.</param>
/// <param name="Recall">Recall at the threshold.</param>
/// <param name="F1">F1 at the threshold.</param>
public sealed record BinaryMetrics(int Count, double LogLoss, double Auc, double Threshold, double Accuracy, double Precision, double Recall, double F1);
