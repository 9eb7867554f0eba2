using Microsoft.ML.Transforms;

namespace LaborMarket.Inference.ML.Scoring;

// The steps ML.NET re-creates by contract name when it loads a saved pipeline (the model text travels as data).

/// <summary>Adds the constant key of the stored model text.</summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class ModelKeyFactory : CustomMappingFactory<NoInput, ModelKeyRow>
{
    public const string ContractName = "LaborMarket.Inference.ML.LightGbmModelKey";

    public static void Map(NoInput input, ModelKeyRow output) => output.Key = 0;

    public override Action<NoInput, ModelKeyRow> GetMapping() => Map;
}

/// <summary>Scores single-precision feature vectors.</summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class SingleScoringFactory : CustomMappingFactory<SingleFeaturesRow, ScoredRow>
{
    public const string ContractName = "LaborMarket.Inference.ML.LightGbmScoreSingle";

    public override Action<SingleFeaturesRow, ScoredRow> GetMapping() => ScoringMapping.Map;
}

/// <summary>Scores double-precision feature vectors.</summary>
[CustomMappingFactoryAttribute(ContractName)]
internal sealed class DoubleScoringFactory : CustomMappingFactory<DoubleFeaturesRow, ScoredRow>
{
    public const string ContractName = "LaborMarket.Inference.ML.LightGbmScoreDouble";

    public override Action<DoubleFeaturesRow, ScoredRow> GetMapping() => ScoringMapping.Map;
}
