namespace LaborMarket.Normalization.Text;

/// <summary>
/// A small fixed word list read with <see cref="ReadOnlySpan{T}"/> keys: words bucketed by length and compared
/// ordinally, so a lookup allocates nothing on any target framework and costs a few comparisons.
/// </summary>
internal sealed class WordSet
{
    private readonly (string Word, int Index)[][] _byLength;

    public WordSet(IReadOnlyList<string> words)
    {
        var longest = 0;
        foreach (var w in words)
        {
            longest = Math.Max(longest, w.Length);
        }

        var buckets = new List<(string, int)>[longest + 1];
        for (var i = 0; i < words.Count; i++)
        {
            (buckets[words[i].Length] ??= []).Add((words[i], i));
        }

        _byLength = buckets.Select(b => b?.ToArray() ?? []).ToArray();
    }

    /// <summary>The word's position in the list it was built from, or -1.</summary>
    public int IndexOf(ReadOnlySpan<char> word)
    {
        if (word.Length >= _byLength.Length)
        {
            return -1;
        }

        foreach (var (w, index) in _byLength[word.Length])
        {
            if (word.SequenceEqual(w))
            {
                return index;
            }
        }

        return -1;
    }

    public bool Contains(ReadOnlySpan<char> word) => IndexOf(word) >= 0;
}
