using LaborMarket.Inference.Trees;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace LaborMarket.Inference.ML.Scoring;

/// <summary>
/// Scores an <see cref="IDataView"/> with a <see cref="LightGbmModel"/> and the managed engine: the same doubles as
/// <see cref="LightGbmModel.Predict(ReadOnlySpan{double}, Span{double})"/>, for every model the engine reads
/// (categorical and linear trees, every objective). Fitting learns nothing; the fitted transformer is a chain of
/// ML.NET steps that <c>mlContext.Model.Save</c> writes with the model text inside, and that
/// <c>mlContext.Model.Load</c> reads back once the context knows this package
/// (<see cref="LaborMarketMLContextExtensions.RegisterLaborMarketInference(MLContext)"/>).
/// </summary>
public sealed class LightGbmScoringEstimator : IEstimator<ITransformer>
{
    private readonly TransformsCatalog _catalog;
    private readonly LightGbmModel _model;
    private readonly LightGbmScoringOptions _options;
    private string? _payload; // written on first use: Fit and GetOutputSchema store the same text

    internal LightGbmScoringEstimator(TransformsCatalog catalog, LightGbmModel model, LightGbmScoringOptions options)
    {
        _catalog = catalog;
        _model = model;
        _options = options;
    }

    /// <summary>Checks the input and returns the transformer (nothing is learned).</summary>
    /// <param name="input">The data to score.</param>
    public ITransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Steps(name => input.Schema.GetColumnOrNull(name)?.Type is VectorDataViewType v ? v.ItemType : input.Schema.GetColumnOrNull(name)?.Type).Fit(input);
    }

    /// <summary>The schema after scoring.</summary>
    /// <param name="inputSchema">The input schema.</param>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        return Steps(name => inputSchema.Where(c => c.Name == name).Select(c => c.ItemType).LastOrDefault()).GetOutputSchema(inputSchema);
    }

    private EstimatorChain<ITransformer> Steps(Func<string, DataViewType?> itemType)
    {
        var o = _options;
        var single = _model.OutputCount == 1;
        var doubles = FeaturesAreDouble(itemType);
        var payload = _payload ??= ScoringPayload.Create(_model, o.RawScoreColumnName is not null, o.LeafColumnName is not null, o.ContributionColumnName is not null);

        var chain = new EstimatorChain<ITransformer>()
            .Append<ITransformer>(_catalog.CustomMapping<NoInput, ModelKeyRow>(ModelKeyFactory.Map, ModelKeyFactory.ContractName))
            .Append<ITransformer>(_catalog.Conversion.MapValue(ScoringColumns.Model, [new KeyValuePair<uint, string>(0, payload)], ScoringColumns.Key))
            .Append<ITransformer>(o.FeatureColumnName is { } features
                ? _catalog.CopyColumns(ScoringColumns.Features, features)
                : _catalog.Concatenate(ScoringColumns.Features, [.. _model.FeatureNames]));
        chain = doubles
            ? chain.Append<ITransformer>(_catalog.CustomMapping<DoubleFeaturesRow, ScoredRow>(ScoringMapping.Map, DoubleScoringFactory.ContractName))
            : chain.Append<ITransformer>(_catalog.CustomMapping<SingleFeaturesRow, ScoredRow>(ScoringMapping.Map, SingleScoringFactory.ContractName));

        chain = chain.Append<ITransformer>(_catalog.CopyColumns(o.OutputColumnName, single ? ScoringColumns.Score : ScoringColumns.Scores));
        if (o.RawScoreColumnName is { } raw)
        {
            chain = chain.Append<ITransformer>(_catalog.CopyColumns(raw, single ? ScoringColumns.Raw : ScoringColumns.Raws));
        }

        if (o.LeafColumnName is { } leaves)
        {
            chain = chain.Append<ITransformer>(_catalog.CopyColumns(leaves, ScoringColumns.Leaves));
        }

        if (o.ContributionColumnName is { } contributions)
        {
            chain = chain.Append<ITransformer>(_catalog.CopyColumns(contributions, ScoringColumns.Contributions));
        }

        return chain.Append<ITransformer>(_catalog.DropColumns(ScoringColumns.Key, ScoringColumns.Model, ScoringColumns.Features, ScoringColumns.Score,
            ScoringColumns.Scores, ScoringColumns.Raw, ScoringColumns.Raws, ScoringColumns.Leaves, ScoringColumns.Contributions));
    }

    // The feature vector's item type: double keeps every input bit; float (ML.NET's usual) widens exactly.
    private bool FeaturesAreDouble(Func<string, DataViewType?> itemType)
    {
        var names = _options.FeatureColumnName is { } name ? [name] : _model.FeatureNames;
        var doubles = 0;
        foreach (var n in names)
        {
            var type = itemType(n) ?? throw new ArgumentException($"the input has no column '{n}' for the LightGBM model's features", nameof(itemType));
            if (type == NumberDataViewType.Double)
            {
                doubles++;
            }
            else if (type != NumberDataViewType.Single)
            {
                throw new ArgumentException($"column '{n}' holds {type}; the LightGBM model needs float or double features", nameof(itemType));
            }
        }

        return doubles == names.Count ? true
            : doubles == 0 ? false
            : throw new ArgumentException("the model's feature columns mix float and double: convert them to one type first", nameof(itemType));
    }
}
