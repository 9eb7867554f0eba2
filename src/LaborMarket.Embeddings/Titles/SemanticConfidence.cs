using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Titles;

/// <summary>
/// Confidence from the features of the evidence, by a logistic model fitted on the calibration fold of held-out
/// O*NET titles (a fold used neither for tuning the blend nor for the reported accuracy).
/// </summary>
internal static class SemanticConfidence
{
    public const int FeatureCount = 11;

    // Fitted by Fit() on the calibration fold; see the package README for how to refit.
    internal static readonly double[] Weights = [-1.398, -0.407, 0.201, -0.168, -0.308, -0.515, 1.45, 1.199, -0.028, 1.748, 1.528, -2.012];

    /// <summary>The features of a ranking: method, curated alias, sharing, margins, agreement and similarity.</summary>
    public static double[] Features(TitleExplanation lexical, IReadOnlyList<SemanticCandidate> ranking, bool usedSemantic)
    {
        var f = new double[FeatureCount];
        f[0] = lexical.Match.MatchedBy == MatchMethod.ExactAlias ? 1 : 0;
        f[1] = lexical.Match.MatchedBy == MatchMethod.WordSet ? 1 : 0;
        f[2] = lexical.Match.MatchedBy == MatchMethod.TokenScore ? 1 : 0;
        f[3] = lexical.Match.MatchedBy is MatchMethod.Fuzzy or MatchMethod.None ? 1 : 0;
        f[4] = lexical.Match.Role is { Source: RoleSource.Embedded or RoleSource.Custom } ? 1 : 0;

        // How many other codes the lexical evidence gives nearly the same weight.
        var shared = 0;
        if (lexical.Candidates.Count > 0)
        {
            var top = lexical.Candidates[0];
            shared = lexical.Candidates.Count(c => c.Role.Soc != top.Role.Soc && c.Score >= 0.95 * top.Score);
        }

        f[5] = Math.Min(shared, 3) / 3.0;
        var p1 = ranking.Count > 0 ? ranking[0].Score : 0;
        var p2 = ranking.Count > 1 ? ranking[1].Score : 0;
        f[6] = p1;
        f[7] = p1 - p2;
        f[8] = usedSemantic && ranking.Count > 0 && lexical.Match.SocCode == ranking[0].Soc && ranking[0].SemanticScore >= 0.5 ? 1 : 0;
        f[9] = ranking.Count > 0 ? ranking[0].SemanticScore : 0;
        f[10] = lexical.Match.Confidence;
        return f;
    }

    public static double Predict(ReadOnlySpan<double> features, IReadOnlyList<double>? weights = null)
    {
        weights ??= Weights;
        var z = weights[^1];
        for (var i = 0; i < features.Length; i++)
        {
            z += weights[i] * features[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Fits the logistic model by gradient descent with a small L2 penalty.</summary>
    public static double[] Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, int iterations = 3000, double rate = 0.5, double l2 = 1e-4)
    {
        var w = new double[FeatureCount + 1];
        var grad = new double[w.Length];
        for (var it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            for (var n = 0; n < features.Count; n++)
            {
                var err = Predict(features[n], w) - (labels[n] ? 1 : 0);
                for (var i = 0; i < FeatureCount; i++)
                {
                    grad[i] += err * features[n][i];
                }

                grad[^1] += err;
            }

            for (var i = 0; i < w.Length; i++)
            {
                w[i] -= rate * ((grad[i] / features.Count) + (i < FeatureCount ? l2 * w[i] : 0));
            }
        }

        return w;
    }
}
