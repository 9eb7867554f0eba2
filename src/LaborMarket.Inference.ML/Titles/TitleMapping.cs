using LaborMarket.Normalization.Titles;
using Microsoft.ML.Transforms;

namespace LaborMarket.Inference.ML.Titles;

/// <summary>Fills a title's features from a normalizer.</summary>
internal static class TitleMapping
{
    public static Action<TitleInputRow, TitleFeaturesRow> For(TitleNormalizer normalizer) => (input, output) =>
    {
        var match = normalizer.Normalize(input.Title);
        output.RoleId = match.Role?.Id ?? "";
        output.SocCode = match.SocCode?.ToString() ?? "";
        output.MajorGroup = match.SocCode is { } soc ? soc.MajorGroupNumber : float.NaN; // NaN: missing, as tree learners expect
        output.Seniority = (float)match.Seniority;
        output.Confidence = (float)match.Confidence;
    };
}

/// <summary>The title step ML.NET re-creates by contract name when it loads a saved pipeline: it uses the default normalizer.</summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class TitleFeaturesFactory : CustomMappingFactory<TitleInputRow, TitleFeaturesRow>
{
    public const string ContractName = "LaborMarket.Inference.ML.NormalizeJobTitle";

    public override Action<TitleInputRow, TitleFeaturesRow> GetMapping() => TitleMapping.For(TitleNormalizer.Default);
}
