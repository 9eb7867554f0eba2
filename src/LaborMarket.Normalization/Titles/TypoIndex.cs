using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Titles;

/// <summary>Spelling correction at edit distance one (insert, delete, substitute, transpose) through a symmetric
/// deletion index; among several corrections, the word more roles use wins.</summary>
internal sealed class TypoIndex
{
    private readonly SpanLookup<int> _vocab;
    private readonly SpanLookup<int> _deletes;
    private readonly int[] _roleCount;

    public TypoIndex(SpanLookup<int> vocab, List<string> words, Dictionary<int, int>[] roleWordCounts)
    {
        _vocab = vocab;
        _roleCount = roleWordCounts.Select(m => m.Count).ToArray();
        _deletes = new SpanLookup<int>(BuildDeletes(words, roleWordCounts));
    }

    /// <summary>The word id one edit away from <paramref name="word"/>, or -1.</summary>
    public int Correct(ReadOnlySpan<char> word, char[] buffer)
    {
        if (word.Length < 4 || word.Length > 30 || word.IndexOfAnyInRange('0', '9') >= 0)
        {
            return -1;
        }

        var best = -1;
        var bestDf = -1;
        void Consider(int id)
        {
            var d = _roleCount[id];
            if (d > bestDf)
            {
                best = id;
                bestDf = d;
            }
        }

        if (_deletes.TryGetValue(word, out var a))
        {
            Consider(a); // the query lacks one letter
        }

        var span = buffer.AsSpan(0, word.Length - 1);
        for (var i = 0; i < word.Length; i++)
        {
            word[..i].CopyTo(span);
            word[(i + 1)..].CopyTo(span[i..]);
            if (_vocab.TryGetValue(span, out var b))
            {
                Consider(b); // the query has one letter too many
            }

            if (_deletes.TryGetValue(span, out var c))
            {
                Consider(c); // one letter differs, or two are swapped
            }
        }

        return best;
    }

    private static Dictionary<string, int> BuildDeletes(List<string> words, Dictionary<int, int>[] roleWordCounts)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var id = 0; id < words.Count; id++)
        {
            var w = words[id];
            if (w.Length < 5 || w.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                continue;
            }

            for (var i = 0; i < w.Length; i++)
            {
                var key = string.Concat(w.AsSpan(0, i), w.AsSpan(i + 1));
                if (!map.TryGetValue(key, out var existing) || roleWordCounts[existing].Count < roleWordCounts[id].Count)
                {
                    map[key] = id;
                }
            }
        }

        return map;
    }
}
