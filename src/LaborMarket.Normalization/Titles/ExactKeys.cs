using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Titles;

/// <summary>
/// Exact answers: a title whose words (in order, or as a set) are those of an alias or title answers with the role
/// most of its phrases name.
/// </summary>
internal sealed class ExactKeys
{
    private readonly SpanLookup<ExactHit> _exact;
    private readonly SpanLookup<ExactHit> _bag;

    public ExactKeys(PhraseCollection phrases)
    {
        _exact = new SpanLookup<ExactHit>(Winners(phrases.ExactVotes));
        _bag = new SpanLookup<ExactHit>(Winners(phrases.BagVotes));
    }

    public bool TryExact(TitleScratch s, char[] bagBuffer, out ExactHit hit, out bool wordSet)
    {
        wordSet = false;
        if (_exact.TryGetValue(s.BuildKey(primaryOnly: true), out hit))
        {
            return true;
        }

        if (s.OrderCount > s.PrimaryCount && _exact.TryGetValue(s.BuildKey(primaryOnly: false), out hit))
        {
            return true;
        }

        if (_bag.TryGetValue(BagKey(s, bagBuffer), out hit))
        {
            wordSet = true;
            return true;
        }

        return false;
    }

    public static string BagKey(TitleScratch s) => BagKey(s, new char[TitleScratch.KeyCapacity]).ToString();

    // The primary words sorted, so "Engineer Software" and "Software Engineer" meet.
    public static ReadOnlySpan<char> BagKey(TitleScratch s, char[] buffer)
    {
        Span<int> order = stackalloc int[s.PrimaryCount];
        for (var i = 0; i < s.PrimaryCount; i++)
        {
            order[i] = s.Order[i];
        }

        for (var i = 1; i < order.Length; i++)
        {
            for (var j = i; j > 0 && s.Word(order[j]).SequenceCompareTo(s.Word(order[j - 1])) < 0; j--)
            {
                (order[j], order[j - 1]) = (order[j - 1], order[j]);
            }
        }

        var n = 0;
        for (var i = 0; i < order.Length; i++)
        {
            var w = s.Word(order[i]);
            if (i > 0 && w.SequenceEqual(s.Word(order[i - 1])))
            {
                continue;
            }

            if (n > 0)
            {
                buffer[n++] = ' ';
            }

            w.CopyTo(buffer.AsSpan(n));
            n += w.Length;
        }

        return buffer.AsSpan(0, n);
    }

    private static IEnumerable<KeyValuePair<string, ExactHit>> Winners(Dictionary<string, Dictionary<int, (float Weight, int Phrase)>> votes)
    {
        foreach (var (key, byRole) in votes)
        {
            var total = 0f;
            var best = -1;
            var runnerUp = -1;
            (float Weight, int Phrase) bestVote = default;
            foreach (var (role, vote) in byRole)
            {
                total += vote.Weight;
                if (best < 0 || vote.Weight > bestVote.Weight || (vote.Weight == bestVote.Weight && role < best))
                {
                    runnerUp = best;
                    best = role;
                    bestVote = vote;
                }
                else if (runnerUp < 0 || vote.Weight > byRole[runnerUp].Weight)
                {
                    runnerUp = role;
                }
            }

            yield return KeyValuePair.Create(key, new ExactHit(best, bestVote.Weight / total, bestVote.Phrase, runnerUp));
        }
    }
}
