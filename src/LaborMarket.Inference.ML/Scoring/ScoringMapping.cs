using LaborMarket.Inference.Trees;

namespace LaborMarket.Inference.ML.Scoring;

/// <summary>Scores one row with the managed engine into the scoring step's output row.</summary>
internal static class ScoringMapping
{
    [ThreadStatic]
    private static double[]? t_features;

    public static void Map(SingleFeaturesRow input, ScoredRow output)
    {
        var features = t_features is { } buffer && buffer.Length >= input.Features.Length ? buffer : t_features = new double[input.Features.Length];
        var x = features.AsSpan(0, input.Features.Length);
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = input.Features[i]; // widening: every float is a double exactly
        }

        Score(ScoringPayload.Resolve(input.Model), x, output);
    }

    public static void Map(DoubleFeaturesRow input, ScoredRow output) => Score(ScoringPayload.Resolve(input.Model), input.Features, output);

    private static void Score(ScoringPayload payload, ReadOnlySpan<double> features, ScoredRow output)
    {
        var model = payload.Model;
        var k = model.OutputCount;
        var scores = Sized(output.Scores, k);
        model.Predict(features, scores);
        output.Scores = scores;
        output.Score = scores[0];
        if (payload.Raw)
        {
            var raw = Sized(output.Raws, k);
            model.PredictRaw(features, raw);
            output.Raws = raw;
            output.Raw = raw[0];
        }

        if (payload.Leaves)
        {
            Span<int> leaves = model.TreeCount <= 1024 ? stackalloc int[model.TreeCount] : new int[model.TreeCount];
            model.PredictLeaves(features, leaves);
            var values = Sized(output.Leaves, model.TreeCount);
            for (var t = 0; t < values.Length; t++)
            {
                values[t] = leaves[t];
            }

            output.Leaves = values;
        }

        if (payload.Contributions)
        {
            var values = Sized(output.Contributions, (model.FeatureCount + 1) * k);
            model.PredictContributions(features, values);
            output.Contributions = values;
        }
    }

    private static double[] Sized(double[] current, int length) => current.Length == length ? current : new double[length];
}
