namespace LaborMarket.Normalization.Titles;

/// <summary>Coverage of a batch of titles and what the unmatched ones have in common.</summary>
public sealed record TitleBatchReport
{
    /// <summary>Titles in the batch.</summary>
    public required int Total { get; init; }

    /// <summary>Titles matched to a role.</summary>
    public required int Matched { get; init; }

    /// <summary>Matched / Total (0 for an empty batch).</summary>
    public double Coverage => Total == 0 ? 0 : (double)Matched / Total;

    /// <summary>Titles flagged for review (unmatched or low confidence).</summary>
    public required int NeedsReview { get; init; }

    /// <summary>How many titles each method matched.</summary>
    public required IReadOnlyDictionary<MatchMethod, int> ByMethod { get; init; }

    /// <summary>The most frequent words of unmatched titles.</summary>
    public required IReadOnlyList<UnmatchedTerm> TopUnmatchedWords { get; init; }

    /// <summary>The most frequent adjacent word pairs of unmatched titles.</summary>
    public required IReadOnlyList<UnmatchedTerm> TopUnmatchedBigrams { get; init; }

    internal static TitleBatchReport Build(TitleNormalizer normalizer, IEnumerable<string?> titles, int top)
    {
        var total = 0;
        var matched = 0;
        var review = 0;
        var byMethod = new Dictionary<MatchMethod, int>();
        var words = new Dictionary<string, (int Count, List<string> Examples)>(StringComparer.Ordinal);
        var bigrams = new Dictionary<string, (int Count, List<string> Examples)>(StringComparer.Ordinal);
        foreach (var title in titles)
        {
            total++;
            var m = normalizer.Normalize(title);
            byMethod[m.MatchedBy] = byMethod.GetValueOrDefault(m.MatchedBy) + 1;
            if (m.NeedsReview)
            {
                review++;
            }

            if (m.IsMatch)
            {
                matched++;
                continue;
            }

            var parts = normalizer.Explain(title).CleanedTitle.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var w in parts.Distinct(StringComparer.Ordinal))
            {
                Count(words, w, m.Input);
            }

            foreach (var b in parts.Zip(parts.Skip(1), (a, b) => a + " " + b).Distinct(StringComparer.Ordinal))
            {
                Count(bigrams, b, m.Input);
            }
        }

        return new TitleBatchReport
        {
            Total = total,
            Matched = matched,
            NeedsReview = review,
            ByMethod = byMethod,
            TopUnmatchedWords = Top(words, top),
            TopUnmatchedBigrams = Top(bigrams, top),
        };
    }

    private static void Count(Dictionary<string, (int Count, List<string> Examples)> map, string term, string example)
    {
        var (count, examples) = map.GetValueOrDefault(term, (0, new List<string>(3)));
        if (examples.Count < 3 && !examples.Contains(example, StringComparer.Ordinal))
        {
            examples.Add(example);
        }

        map[term] = (count + 1, examples);
    }

    private static UnmatchedTerm[] Top(Dictionary<string, (int Count, List<string> Examples)> map, int top) =>
        map.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal).Take(top)
            .Select(p => new UnmatchedTerm(p.Key, p.Value.Count, p.Value.Examples)).ToArray();
}
