namespace LaborMarket.Inference.ML.Scoring;

/// <summary>The columns <see cref="LightGbmScoringEstimator"/> reads and writes.</summary>
public sealed record LightGbmScoringOptions
{
    /// <summary>The prediction column (objective transform applied): a double for single-output models, a vector of doubles for multiclass.</summary>
    public string OutputColumnName { get; init; } = "Score";

    /// <summary>
    /// The feature vector column (float or double, the model's features in model order), or null to assemble it
    /// from columns named as the model's features.
    /// </summary>
    public string? FeatureColumnName { get; init; } = "Features";

    /// <summary>When set, a column of raw scores (before the objective's transform), shaped as the prediction.</summary>
    public string? RawScoreColumnName { get; init; }

    /// <summary>When set, a vector column with each tree's leaf index, in model tree order.</summary>
    public string? LeafColumnName { get; init; }

    /// <summary>When set, a vector column of SHAP contributions: per output, one per feature, then the expected value.</summary>
    public string? ContributionColumnName { get; init; }
}
