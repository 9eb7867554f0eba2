using LaborMarket.Inference.Evaluation;

namespace LaborMarket.Inference.Models;

/// <summary>How the headcount model did on held-out (employer, role) groups, beside the baseline (the role's mean count).</summary>
/// <param name="Model">The model's counts.</param>
/// <param name="Baseline">The baseline's.</param>
/// <param name="ModelDeviance">Mean Poisson deviance of the model.</param>
/// <param name="BaselineDeviance">Mean Poisson deviance of the baseline.</param>
/// <param name="Groups">(employer, role) groups.</param>
/// <param name="BeatsBaseline">True when the model's Poisson deviance and MAE are both below the baseline's.</param>
public sealed record HeadcountMetrics(RegressionMetrics Model, RegressionMetrics Baseline, double ModelDeviance, double BaselineDeviance, int Groups,
    bool BeatsBaseline);
