using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Titles;

/// <summary>
/// Confidence from the features of the evidence, by a logistic model fitted on the calibration folds (held-out O*NET
/// titles and real LCA titles; folds used neither for tuning the blend nor for the reported accuracy).
/// </summary>
internal static class SemanticConfidence
{
    public const int FeatureCount = 15;

    // Fitted by Fit() on the calibration folds (SemanticQualityTests); see the package README for how to refit.
    internal static readonly double[] Weights = [-0.634, -0.474, -0.039, 0.285, -0.188, -0.137, 1.603, 0.645, -0.479, 2.47, 1.973, 0.868, -0.634, -0.682, -1.725, -2.095];

    /// <summary>
    /// The features of a ranking: the lexical method, a curated alias, how many codes share the evidence, the top score
    /// and its margin, agreement of the two winners, the semantic share, the lexical confidence, an unambiguous or curated
    /// exact alias, a one-word title, and whether the management rule narrowed the nearest titles.
    /// </summary>
    public static double[] Features(TitleExplanation lexical, IReadOnlyList<SemanticCandidate> ranking, bool usedSemantic, BlendParameters parameters)
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
        f[11] = f[0] * f[4];
        f[12] = f[0] * (shared == 0 ? 1 : 0);
        f[13] = lexical.CleanedTitle.AsSpan().Trim().Contains(' ') ? 0 : 1;
        f[14] = usedSemantic && SemanticBlend.CountsManagementOnly(lexical, parameters) ? 1 : 0;
        return f;
    }

    public static double Predict(ReadOnlySpan<double> features, IReadOnlyList<double>? weights = null) =>
        Logistic.Predict(features, weights ?? Weights);

    /// <summary>Fits the logistic model by gradient descent with a small L2 penalty.</summary>
    public static double[] Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels) => Logistic.Fit(features, labels, FeatureCount, iterations: 20_000);
}
