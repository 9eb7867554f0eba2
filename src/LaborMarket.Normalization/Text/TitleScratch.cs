using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Normalization.Text;

/// <summary>
/// A cleaned title: what each cleaning stage left (the words as read, the expanded words, the head, the reading
/// order, the rank and seniority). Per-thread and reused, so the hot path allocates nothing; each stage reads and
/// writes only the part it is given.
/// </summary>
internal sealed class TitleScratch
{
    public const int MaxTokens = 48;

    /// <summary>Room for every word of <see cref="Words"/> joined by spaces.</summary>
    public const int KeyCapacity = (TitleCleaner.MaxInputLength * 4) + MaxTokens;

    public readonly RawWords Raw = new();
    public readonly TitleWords Words = new();
    public readonly WordOrder Ordered = new();
    public readonly char[] Key = new char[KeyCapacity];

    public TitleHead Shape = TitleHead.None;
    public SeniorityLevel Seniority;
    public int SeniorityToken;
    public HeadRank Rank;
    public int Level;

    public TitleToken[] Tokens => Words.Tokens;

    public int Count => Words.Count;

    public int Head => Shape.Head;

    /// <summary>Content tokens in reading order (after comma inversion), primary first.</summary>
    public int[] Order => Ordered.Tokens;

    public int OrderCount => Ordered.Count;

    public int PrimaryCount => Ordered.PrimaryCount;

    /// <inheritdoc cref="HeadRank.IsRank"/>
    public bool HeadIsRank => Rank.IsRank;

    /// <inheritdoc cref="HeadRank.Learns"/>
    public bool HeadLearns => Rank.Learns;

    /// <inheritdoc cref="HeadRank.Supervises"/>
    public bool HeadSupervises => Rank.Supervises;

    public ReadOnlySpan<char> Word(int token) => Words.Word(token);

    /// <inheritdoc cref="TitleWords.Stem"/>
    public ReadOnlySpan<char> Stem(int token) => Words.Stem(token);

    /// <summary>Writes the content words (primary only, or all) joined by spaces into <see cref="Key"/>.</summary>
    public ReadOnlySpan<char> BuildKey(bool primaryOnly)
    {
        var n = 0;
        var count = primaryOnly ? PrimaryCount : OrderCount;
        for (var i = 0; i < count; i++)
        {
            var w = Word(Order[i]);
            if (n > 0)
            {
                Key[n++] = ' ';
            }

            w.CopyTo(Key.AsSpan(n));
            n += w.Length;
        }

        return Key.AsSpan(0, n);
    }

    public void Reset()
    {
        Raw.Count = 0;
        Words.Clear();
        Ordered.Clear();
        Shape = TitleHead.None;
        Seniority = SeniorityLevel.Mid;
        SeniorityToken = -1;
        Rank = default;
        Level = 0;
    }
}
