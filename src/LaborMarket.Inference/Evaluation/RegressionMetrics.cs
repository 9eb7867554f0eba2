namespace LaborMarket.Inference.Evaluation;

/// <summary>Regression quality.</summary>
/// <param name="Count">Rows.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="R2">Coefficient of determination.</param>
/// <param name="Mape">Mean absolute percentage error (rows with a zero label left out), as a fraction.</param>
public sealed record RegressionMetrics(int Count, double Mae, double Rmse, double R2, double Mape);
