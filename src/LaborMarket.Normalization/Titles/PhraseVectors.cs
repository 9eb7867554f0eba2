namespace LaborMarket.Normalization.Titles;

/// <summary>
/// Every alias and title as a vector of word ids with role-level IDF weights, and the postings from each word to the
/// phrases that use it.
/// </summary>
internal sealed class PhraseVectors
{
    private const int LongPostingList = 1500; // chosen on held-out O*NET 27.0 titles

    private readonly float[] _idf;
    private readonly int[] _tokStart;
    private readonly int[] _tok;
    private readonly int[] _postStart;
    private readonly int[] _post;

    public PhraseVectors(PhraseCollection phrases, float[] idf)
    {
        _idf = idf;
        var n = phrases.Count;
        var words = idf.Length;
        Role = phrases.PhraseRoles.ToArray();
        Head = phrases.PhraseHeads.ToArray();
        Weight = phrases.PhraseWeights.Select(w => w >= 2 ? 1f : 0.97f).ToArray();
        Text = phrases.PhraseTexts.ToArray();
        _tokStart = new int[n + 1];
        Norm = new float[n];
        var flat = new List<int>();
        var df = new int[words];
        for (var p = 0; p < n; p++)
        {
            _tokStart[p] = flat.Count;
            var sum = 0f;
            foreach (var w in phrases.PhraseWords[p])
            {
                flat.Add(w);
                df[w]++;
                sum += idf[w] * idf[w];
            }

            Norm[p] = MathF.Sqrt(sum);
        }

        _tokStart[n] = flat.Count;
        _tok = flat.ToArray();
        _postStart = new int[words + 1];
        for (var w = 0; w < words; w++)
        {
            _postStart[w + 1] = _postStart[w] + df[w];
        }

        _post = new int[_postStart[^1]];
        var fill = (int[])_postStart.Clone();
        for (var p = 0; p < n; p++)
        {
            foreach (var w in phrases.PhraseWords[p])
            {
                _post[fill[w]++] = p;
            }
        }
    }

    public int[] Role { get; }

    public int[] Head { get; }

    public float[] Weight { get; }

    public float[] Norm { get; }

    public string[] Text { get; }

    public int Count => Role.Length;

    public bool Has(int phrase, int word) => _tok.AsSpan(_tokStart[phrase], _tokStart[phrase + 1] - _tokStart[phrase]).Contains(word);

    /// <summary>Adds each query word's share of the dot product to the phrases that use it; returns how many phrases
    /// were reached (listed in <paramref name="touched"/>).</summary>
    public int Accumulate(Span<int> ids, Span<float> weights, float[] acc, int[] touched)
    {
        // Rare words first: they bring in few phrases; very common words only re-score phrases already found.
        SortByPostingLength(ids, weights);
        var count = 0;
        for (var k = 0; k < ids.Length; k++)
        {
            var t = ids[k];
            var contribution = weights[k] * _idf[t];
            var from = _postStart[t];
            var to = _postStart[t + 1];
            if (to - from <= LongPostingList || count == 0)
            {
                for (var i = from; i < to; i++)
                {
                    var p = _post[i];
                    if (acc[p] == 0)
                    {
                        touched[count++] = p;
                    }

                    acc[p] += contribution;
                }
            }
            else
            {
                for (var i = 0; i < count; i++)
                {
                    var p = touched[i];
                    if (Has(p, t))
                    {
                        acc[p] += contribution;
                    }
                }
            }
        }

        return count;
    }

    private void SortByPostingLength(Span<int> ids, Span<float> weights)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            for (var j = i; j > 0 && Postings(ids[j]) < Postings(ids[j - 1]); j--)
            {
                (ids[j], ids[j - 1]) = (ids[j - 1], ids[j]);
                (weights[j], weights[j - 1]) = (weights[j - 1], weights[j]);
            }
        }
    }

    private int Postings(int word) => _postStart[word + 1] - _postStart[word];
}
