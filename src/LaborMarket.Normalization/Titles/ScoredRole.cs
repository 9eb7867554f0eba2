namespace LaborMarket.Normalization.Titles;

/// <summary>A role and its score from <see cref="TitleIndex.Score"/>.</summary>
internal readonly record struct ScoredRole(int Role, float Score, int Phrase)
{
    /// <summary>Inserts <paramref name="item"/> into the best-first list <paramref name="top"/> of <paramref name="count"/>
    /// roles, dropping the last when full; returns the new count.</summary>
    public static int Insert(Span<ScoredRole> top, int count, ScoredRole item)
    {
        if (count == top.Length && item.Score <= top[count - 1].Score)
        {
            return count;
        }

        var pos = count < top.Length ? count : top.Length - 1;
        while (pos > 0 && top[pos - 1].Score < item.Score)
        {
            if (pos < top.Length)
            {
                top[pos] = top[pos - 1];
            }

            pos--;
        }

        top[pos] = item;
        return Math.Min(count + 1, top.Length);
    }
}
