using LaborMarket.Inference.Evaluation;

namespace LaborMarket.Inference.Models;

/// <summary>How a salary model did on held-out rows, beside the baseline (median by role and state).</summary>
/// <param name="Model">The model's median estimates.</param>
/// <param name="Baseline">The baseline's.</param>
/// <param name="IntervalCoverage">Share of held-out salaries inside the model's P10-P90 interval (0.8 is calibrated).</param>
/// <param name="TrainRows">Training rows.</param>
/// <param name="TestRows">Held-out rows.</param>
/// <param name="BeatsBaseline">True when the model's MAE is below the baseline's.</param>
public sealed record SalaryMetrics(RegressionMetrics Model, RegressionMetrics Baseline, double IntervalCoverage, int TrainRows, int TestRows, bool BeatsBaseline);
