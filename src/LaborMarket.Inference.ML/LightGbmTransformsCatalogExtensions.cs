using LaborMarket.Inference.ML.Scoring;
using LaborMarket.Inference.Trees;

namespace Microsoft.ML;

/// <summary>LightGBM models scored by the managed engine as an ML.NET transform.</summary>
public static class LightGbmTransformsCatalogExtensions
{
    /// <summary>
    /// Scores rows with <paramref name="model"/>: exactly the doubles <see cref="LightGbmModel"/> gives.
    /// </summary>
    /// <param name="catalog">The context's transforms.</param>
    /// <param name="model">The model.</param>
    /// <param name="outputColumnName">The prediction column: double for single-output models, a vector of doubles for multiclass.</param>
    /// <param name="featureColumnName">The feature vector (float or double), or null to assemble it from columns named as the model's features.</param>
    public static LightGbmScoringEstimator ApplyLightGbmModel(this TransformsCatalog catalog, LightGbmModel model, string outputColumnName = "Score",
        string? featureColumnName = "Features") =>
        ApplyLightGbmModel(catalog, model, new LightGbmScoringOptions { OutputColumnName = outputColumnName, FeatureColumnName = featureColumnName });

    /// <summary>Scores rows with <paramref name="model"/>, with optional raw-score, leaf and contribution columns.</summary>
    /// <param name="catalog">The context's transforms.</param>
    /// <param name="model">The model.</param>
    /// <param name="options">The columns.</param>
    public static LightGbmScoringEstimator ApplyLightGbmModel(this TransformsCatalog catalog, LightGbmModel model, LightGbmScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.OutputColumnName);
        return new LightGbmScoringEstimator(catalog, model, options);
    }
}
