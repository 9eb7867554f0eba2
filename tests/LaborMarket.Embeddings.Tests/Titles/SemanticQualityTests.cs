using System.Globalization;
using System.Text;
using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Occupations;
using LaborMarket.Embeddings.Tests.Occupations;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;
using Xunit.Abstractions;

namespace LaborMarket.Embeddings.Tests.Titles;

/// <summary>
/// The full measurement the package README reports: embeds O*NET 27.0 without the held-out titles, tunes the blend on
/// the tuning folds (held-out O*NET titles and real LCA titles), fits the confidence on the calibration folds, and
/// reports the test folds, H-1B and the hand-written list before and after. Runs with LABORMARKET_EMBEDDINGS_FULL=1 (several minutes on two cores).
/// </summary>
public class SemanticQualityTests(ITestOutputHelper output)
{
    private const int LcaFoldSize = 2500;

    [FullEvaluationFact]
    public async Task SemanticNormalizer_HeldOutAndH1b_BeatsLexical()
    {
        var log = new StringBuilder();
        void Say(string line)
        {
            output.WriteLine(line);
            log.AppendLine(line);
        }

        using var embedder = new MiniLmTextEmbedder();
        var heldOutLexical = TitleNormalizer.Create(RoleCatalog.Embedded, HeldOutTitles.HeldOutDatabase(), new TitleNormalizerOptions());
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var heldOutIndex = await OnetSemanticIndex.LoadOrBuildAsync(embedder, HeldOutTitles.OnetDb, SemanticEvaluation.CacheDirectory,
            ("heldout10", HeldOutTitles.IsHeldOut), includeOccupations: false, null, default);
        Say($"held-out title index: {heldOutIndex.Titles.Count} titles, {sw.Elapsed.TotalSeconds:0.0} s");
        var heldOut = new SemanticTitleNormalizer(heldOutLexical, heldOutIndex, embedder);

        // LCA titles, H-1B and the hand-written list use the full O*NET 27.0 release on both sides.
        var fullLexical = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = HeldOutTitles.OnetDb });
        sw.Restart();
        var fullIndex = await OnetSemanticIndex.LoadOrBuildAsync(embedder, HeldOutTitles.OnetDb, SemanticEvaluation.CacheDirectory, includeOccupations: false);
        Say($"full title index: {fullIndex.Titles.Count} titles, {sw.Elapsed.TotalSeconds:0.0} s");
        var full = new SemanticTitleNormalizer(fullLexical, fullIndex, embedder);

        async Task<(List<SemanticEvaluation.Prepared> Set, SemanticTitleNormalizer Normalizer)> Onet(int fold) =>
            (await SemanticEvaluation.PrepareAsync(HeldOutTitles.Fold(fold), heldOutLexical, heldOutIndex, embedder), heldOut);
        async Task<(List<SemanticEvaluation.Prepared> Set, SemanticTitleNormalizer Normalizer)> Lca(int fold) =>
            (await SemanticEvaluation.PrepareAsync(LcaTitles.Fold(fold, LcaFoldSize), fullLexical, fullIndex, embedder), full);
        var tune = new[] { await Onet(HeldOutTitles.TuneFold), await Lca(LcaTitles.TuneFold) };
        var calibrate = new[] { await Onet(HeldOutTitles.CalibrationFold), await Lca(LcaTitles.CalibrationFold) };
        var tests = new List<(string Name, List<SemanticEvaluation.Prepared> Set, SemanticTitleNormalizer Normalizer)>
        {
            ($"held-out O*NET titles, fold {HeldOutTitles.TestFold}", (await Onet(HeldOutTitles.TestFold)).Set, heldOut),
            ($"LCA titles, fold {LcaTitles.TestFold}", (await Lca(LcaTitles.TestFold)).Set, full),
            ("H-1B FY2016 sample", await SemanticEvaluation.PrepareAsync(HeldOutTitles.H1b(), fullLexical, fullIndex, embedder), full),
            ("hand-written titles", await SemanticEvaluation.PrepareAsync(
                RoleDescriptions.Load().Select(r => new HeldOutTitles.Labeled(r.Title, [r.Soc])).ToList(), fullLexical, fullIndex, embedder), full),
        };

        // Tune on the tuning folds only (held-out O*NET fold 0 and LCA fold 0, equal weight). The management rule is a
        // design choice (SOC codes managers in major group 11 by the function they manage), not tuned: the best blend is
        // also reported without it, and the tuning folds alone would not have chosen it.
        BlendParameters Tune(bool management)
        {
            var best = BlendParameters.Default;
            var bestScore = double.MinValue;
            foreach (var a in new[] { 0.3, 0.4, 0.5, 0.6 })
            foreach (var t in new[] { 0.05, 0.08, 0.12, 0.16, 0.24 })
            foreach (var g in new[] { 1.0, 2.0 })
            foreach (var k in new[] { 20, 30 })
            foreach (var split in new[] { 0.9, 1.01 })
            foreach (var c0 in new[] { 1.01, 0.8, 0.6 })
            {
                var p = new BlendParameters(a, t, g, k, true, split, c0, management);
                var score = tune.Sum(x => SemanticEvaluation.Semantic(x.Set, x.Normalizer, p, SemanticConfidence.Weights) is var m
                    ? m.SixDigit + (0.25 * m.MajorGroup) : 0);
                if (score > bestScore)
                {
                    (best, bestScore) = (p, score);
                }
            }

            return best;
        }

        var best = Tune(management: true);
        var bestWithoutRule = Tune(management: false);
        Say($"best without the management rule on the tuning folds: {bestWithoutRule}");
        Say($"tuned on O*NET fold {HeldOutTitles.TuneFold} and LCA fold {LcaTitles.TuneFold}: {best}");
        foreach (var (set, n) in tune)
        {
            Say($"  tuning fold ({set.Count} titles) semantic (tuned now): {SemanticEvaluation.Semantic(set, n, best, n.Weights)}; without the rule: {SemanticEvaluation.Semantic(set, n, bestWithoutRule, n.Weights)}");
            Say($"  tuning fold ({set.Count} titles) lexical: {SemanticEvaluation.Lexical(set)}; semantic (shipped): {SemanticEvaluation.Semantic(set, n, n.Parameters, n.Weights)}");
        }

        // Fit the confidence on the calibration folds only, with the blend just tuned.
        var features = new List<double[]>();
        var labels = new List<bool>();
        foreach (var (set, n) in calibrate)
        {
            foreach (var r in SemanticEvaluation.Results(set, n, best, n.Weights).Where(r => r.Match.IsMatch))
            {
                features.Add(SemanticConfidence.Features(r.Match.Lexical, r.Match.Candidates, r.Match.UsedSemantic, best));
                labels.Add(r.Item.Accept.Contains(r.Match.SocCode!.Value));
            }
        }

        var weights = SemanticConfidence.Fit(features, labels);
        Say($"confidence fitted on O*NET fold {HeldOutTitles.CalibrationFold} and LCA fold {LcaTitles.CalibrationFold} ({features.Count} titles): ["
            + string.Join(", ", weights.Select(w => w.ToString("0.###", CultureInfo.InvariantCulture))) + "]");

        foreach (var probe in new[] { "Registered Nurse", "Software Engineer", "Welder", "Associate", "Manager", "Director of Strategy", "night shift ICU RN float pool" })
        {
            var shippedMatch = await full.NormalizeAsync(probe);
            var lexicalProbe = fullLexical.Explain(probe, 10);
            var probeRanking = SemanticBlend.Rank(lexicalProbe, shippedMatch.UsedSemantic ? fullIndex.Titles.Search((await embedder.EmbedAsync([SemanticTitleNormalizer.QueryText(lexicalProbe)!]))[0], best.Neighbors) : [], best, fullIndex.OccupationNames);
            var fitted = SemanticConfidence.Predict(SemanticConfidence.Features(lexicalProbe, probeRanking, shippedMatch.UsedSemantic, best), weights);
            Say($"probe '{probe}': {shippedMatch.SocCode} {shippedMatch.Lexical.Match.MatchedBy}, confidence shipped {shippedMatch.Confidence:0.00}, fitted now {fitted:0.00}");
        }

        foreach (var (name, set, n) in tests)
        {
            var before = SemanticEvaluation.Lexical(set);
            var shipped = SemanticEvaluation.Semantic(set, n, n.Parameters, n.Weights);
            Say($"{name}: lexical {before}");
            Say($"{name}: semantic (shipped) {shipped}");
            Say($"{name}: semantic (tuned and fitted now) {SemanticEvaluation.Semantic(set, n, best, weights)}");
            Say($"{name}: semantic, best blend without the management rule {SemanticEvaluation.Semantic(set, n, bestWithoutRule, weights)}");
            if (name.StartsWith("hand-written", StringComparison.Ordinal))
            {
                foreach (var (r, p) in SemanticEvaluation.Results(set, n, n.Parameters, n.Weights).Zip(set))
                {
                    if ((p.Lexical.Match.SocCode is { } l && r.Item.Accept.Contains(l)) != (r.Match.SocCode is { } m && r.Item.Accept.Contains(m)))
                    {
                        Say($"  changed: '{r.Item.Title}' {string.Join('/', r.Item.Accept)}: lexical {p.Lexical.Match.SocCode} ({p.Lexical.Match.MatchedBy}), semantic {r.Match.SocCode} [{r.Match.Candidates[0].Evidence}]");
                    }
                }
            }
            else
            {
                Assert.True(shipped.SixDigit > before.SixDigit, $"{name}: {shipped} vs {before}");
                Assert.True(shipped.MajorGroup > before.MajorGroup, $"{name}: {shipped} vs {before}");
            }
        }

        File.WriteAllText(Path.Combine(Path.GetTempPath(), "labormarket-embeddings-eval.txt"), log.ToString());
    }

    [FullEvaluationFact]
    public async Task SocSuggester_HandWrittenRoles_ReportsTopOneAndTopFive()
    {
        // SOC suggestions from title + description on the hand-written set (never used for tuning).
        using var embedder = new MiniLmTextEmbedder();
        var fullLexical = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = HeldOutTitles.OnetDb });
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var withTasks = await OnetSemanticIndex.LoadOrBuildAsync(embedder, HeldOutTitles.OnetDb, SemanticEvaluation.CacheDirectory, includeOccupations: true);
        output.WriteLine($"descriptions and tasks: {withTasks.Occupations.Count} texts, {sw.Elapsed.TotalSeconds:0.0} s");
        var suggester = new SocSuggester(new SemanticTitleNormalizer(fullLexical, withTasks, embedder), withTasks, embedder);
        int top1 = 0, top5 = 0, titleTop1 = 0, titleTop5 = 0, majorTop1 = 0;
        var suggestConfidence = new List<(double, bool)>();
        foreach (var role in RoleDescriptions.Load())
        {
            var s = await suggester.SuggestAsync(role.Title, role.Description, 5);
            var t = await suggester.SuggestAsync(role.Title, null, 5);
            top1 += s[0].Soc == role.Soc ? 1 : 0;
            majorTop1 += s[0].Soc.Major == role.Soc.Major ? 1 : 0;
            top5 += s.Any(x => x.Soc == role.Soc) ? 1 : 0;
            titleTop1 += t[0].Soc == role.Soc ? 1 : 0;
            titleTop5 += t.Any(x => x.Soc == role.Soc) ? 1 : 0;
            suggestConfidence.Add((s[0].Score, s[0].Soc == role.Soc));
        }

        var n = RoleDescriptions.Load().Count;
        output.WriteLine($"suggest-soc, {n} hand-written roles: title + description top-1 {top1} ({top1 * 100.0 / n:0.0} %), major {majorTop1 * 100.0 / n:0.0} %, top-5 {top5} ({top5 * 100.0 / n:0.0} %), ECE {SemanticEvaluation.Ece(suggestConfidence):0.000}; title only top-1 {titleTop1 * 100.0 / n:0.0} %, top-5 {titleTop5 * 100.0 / n:0.0} %");

        Assert.True(top5 >= n * 0.7, $"top-5 {top5} of {n}");
    }
}
