using LaborMarket.Inference.ML.Titles;
using LaborMarket.Normalization.Titles;
using Microsoft.ML.Data;

namespace Microsoft.ML;

/// <summary>Job titles as ML.NET features, through LaborMarket.Normalization's <see cref="TitleNormalizer"/>.</summary>
public static class JobTitleTransformsCatalogExtensions
{
    /// <summary>
    /// Normalizes a text column of raw job titles and adds five columns named <paramref name="outputPrefix"/> +
    /// <c>RoleId</c> and <c>SocCode</c> (text, empty when nothing matched), <c>MajorGroup</c> (the SOC major group as a
    /// number, NaN when nothing matched), <c>Seniority</c> (the <c>SeniorityLevel</c> as a number) and
    /// <c>Confidence</c> (0-1). Text columns feed ML.NET's one-hot or key encoders; numbers feed trainers directly.
    /// </summary>
    /// <param name="catalog">The context's transforms.</param>
    /// <param name="inputColumnName">The raw title column.</param>
    /// <param name="outputPrefix">The prefix of the added columns.</param>
    /// <param name="normalizer">
    /// The normalizer (from DI, with O*NET or a custom catalog), or null for <see cref="TitleNormalizer.Default"/>.
    /// A saved pipeline stores no normalizer: once loaded it uses the default one.
    /// </param>
    public static EstimatorChain<ITransformer> NormalizeJobTitle(this TransformsCatalog catalog, string inputColumnName = "Title",
        string outputPrefix = "Title", TitleNormalizer? normalizer = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentException.ThrowIfNullOrEmpty(inputColumnName);
        ArgumentNullException.ThrowIfNull(outputPrefix);
        var mapping = normalizer is null ? new TitleFeaturesFactory().GetMapping() : TitleMapping.For(normalizer);
        return new EstimatorChain<ITransformer>()
            .Append<ITransformer>(catalog.CopyColumns(TitleColumns.Input, inputColumnName))
            .Append<ITransformer>(catalog.CustomMapping(mapping, TitleFeaturesFactory.ContractName))
            .Append<ITransformer>(catalog.CopyColumns(outputPrefix + "RoleId", TitleColumns.RoleId))
            .Append<ITransformer>(catalog.CopyColumns(outputPrefix + "SocCode", TitleColumns.SocCode))
            .Append<ITransformer>(catalog.CopyColumns(outputPrefix + "MajorGroup", TitleColumns.MajorGroup))
            .Append<ITransformer>(catalog.CopyColumns(outputPrefix + "Seniority", TitleColumns.Seniority))
            .Append<ITransformer>(catalog.CopyColumns(outputPrefix + "Confidence", TitleColumns.Confidence))
            .Append<ITransformer>(catalog.DropColumns(TitleColumns.All));
    }
}
