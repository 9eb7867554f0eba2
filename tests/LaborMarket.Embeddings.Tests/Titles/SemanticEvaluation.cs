using System.Globalization;
using LaborMarket.Embeddings.Embedding;
using LaborMarket.Embeddings.Occupations;
using LaborMarket.Embeddings.Search;
using LaborMarket.Embeddings.Titles;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Embeddings.Tests.Titles;

/// <summary>Accuracy before and after semantic evidence, and calibration, over labeled titles.</summary>
internal static class SemanticEvaluation
{
    internal sealed record Metrics(int Count, double SixDigit, double MajorGroup, double Top5, double Ece)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"n={Count} 6-digit={SixDigit:P1} major={MajorGroup:P1} top5={Top5:P1} ECE={Ece:0.000}");
    }

    /// <summary>A labeled title with its lexical result and its nearest O*NET titles, worked out once.</summary>
    internal sealed record Prepared(HeldOutTitles.Labeled Item, TitleExplanation Lexical, IReadOnlyList<SimilarItem>? Neighbors);

    public static string CacheDirectory => Path.Combine(Path.GetTempPath(), "labormarket-embeddings-cache");

    public static async Task<List<Prepared>> PrepareAsync(IReadOnlyList<HeldOutTitles.Labeled> items, TitleNormalizer lexical,
        OnetSemanticIndex index, ITextEmbedder embedder, int neighbors = 30)
    {
        var matches = items.Select(i => lexical.Explain(i.Title, 10)).ToArray();
        var queries = matches.Select(SemanticTitleNormalizer.QueryText).ToArray();
        var distinct = queries.Where(q => q is not null).Select(q => q!).Distinct(StringComparer.Ordinal).ToArray();
        var vectors = await embedder.EmbedManyAsync(distinct, 64);
        var dims = embedder.Dimensions;
        var found = new IReadOnlyList<SimilarItem>[distinct.Length];
        Parallel.For(0, distinct.Length, j => found[j] = index.Titles.Search(vectors.AsSpan(j * dims, dims), neighbors));
        var byText = distinct.Select((t, j) => (t, j)).ToDictionary(x => x.t, x => found[x.j], StringComparer.Ordinal);
        return [.. items.Select((item, i) => new Prepared(item, matches[i], queries[i] is { } q ? byText[q] : null))];
    }

    public static Metrics Lexical(IReadOnlyList<Prepared> set)
    {
        int six = 0, major = 0, top5 = 0;
        var conf = new List<(double, bool)>();
        foreach (var p in set)
        {
            var e = p.Lexical;
            var m = e.Match;
            var right = m.SocCode is { } s && p.Item.Accept.Contains(s);
            six += right ? 1 : 0;
            major += m.SocCode is { } t && p.Item.Accept.Any(a => a.Major == t.Major) ? 1 : 0;
            top5 += e.Candidates.Select(c => c.Role.Soc).Distinct().Take(5).Any(p.Item.Accept.Contains) ? 1 : 0;
            if (m.IsMatch)
            {
                conf.Add((m.Confidence, right));
            }
        }

        double n = set.Count;
        return new Metrics(set.Count, six / n, major / n, top5 / n, Ece(conf));
    }

    public static Metrics Semantic(IReadOnlyList<Prepared> set, SemanticTitleNormalizer normalizer, BlendParameters p, IReadOnlyList<double> weights)
    {
        int six = 0, major = 0, top5 = 0;
        var conf = new List<(double, bool)>();
        foreach (var r in Results(set, normalizer, p, weights))
        {
            var right = r.Match.SocCode is { } s && r.Item.Accept.Contains(s);
            six += right ? 1 : 0;
            major += r.Match.SocCode is { } t && r.Item.Accept.Any(a => a.Major == t.Major) ? 1 : 0;
            top5 += r.Match.Candidates.Take(5).Any(c => r.Item.Accept.Contains(c.Soc)) ? 1 : 0;
            if (r.Match.IsMatch)
            {
                conf.Add((r.Match.Confidence, right));
            }
        }

        double n = set.Count;
        return new Metrics(set.Count, six / n, major / n, top5 / n, Ece(conf));
    }

    public static IEnumerable<(HeldOutTitles.Labeled Item, SemanticTitleMatch Match)> Results(IReadOnlyList<Prepared> set,
        SemanticTitleNormalizer normalizer, BlendParameters p, IReadOnlyList<double> weights) =>
        set.Select(x => (x.Item, normalizer.Combine(x.Item.Title, x.Lexical,
            x.Neighbors is not null && SemanticBlend.NeedsSemantic(x.Lexical, p) ? x.Neighbors : null, 5, p, weights)));

    /// <summary>Expected calibration error over ten equal-width confidence bins.</summary>
    public static double Ece(IReadOnlyList<(double Confidence, bool Right)> items)
    {
        if (items.Count == 0)
        {
            return 0;
        }

        return items.GroupBy(x => Math.Min(9, (int)(x.Confidence * 10)))
            .Sum(g => g.Count() * Math.Abs(g.Average(x => x.Confidence) - g.Average(x => x.Right ? 1.0 : 0))) / items.Count;
    }
}
