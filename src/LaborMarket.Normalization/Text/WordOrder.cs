namespace LaborMarket.Normalization.Text;

/// <summary>
/// The content words in reading order: the title proper first (for an inverted or "X of Y" title, the words that
/// name the field before the head), then the qualifiers.
/// </summary>
internal sealed class WordOrder
{
    public readonly int[] Tokens = new int[TitleScratch.MaxTokens];
    public int Count;

    /// <summary>How many of <see cref="Tokens"/> belong to the title proper.</summary>
    public int PrimaryCount;

    public void Build(TitleWords words, in TitleHead head)
    {
        Count = 0;
        var firstSegment = head.Head >= 0 ? words.Tokens[head.Head].Segment : -1;

        // Primary words: for an inverted title the second segment's words come first, then the head.
        for (var pass = 0; pass < 2; pass++)
        {
            for (var i = 0; i < words.Count; i++)
            {
                var t = words.Tokens[i];
                if (!t.IsContent || (t.Flags & TokenFlags.Secondary) != 0)
                {
                    continue;
                }

                var isFirstSegment = t.Segment == firstSegment && (head.OfSplit < 0 || i < head.OfSplit);
                if ((pass == 0 && !isFirstSegment) || (pass == 1 && isFirstSegment))
                {
                    Tokens[Count++] = i;
                }
            }
        }

        PrimaryCount = Count;
        for (var i = 0; i < words.Count; i++)
        {
            var t = words.Tokens[i];
            if (t.IsContent && (t.Flags & TokenFlags.Secondary) != 0)
            {
                Tokens[Count++] = i;
            }
        }
    }

    public void Clear()
    {
        Count = 0;
        PrimaryCount = 0;
    }
}
