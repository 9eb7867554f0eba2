using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Normalization.Text;

/// <summary>Per-thread working memory for cleaning one title; reused so the hot path allocates nothing.</summary>
internal sealed class TitleScratch
{
    public const int MaxTokens = 48;

    public readonly char[] Raw = new char[TitleCleaner.MaxInputLength * 2];
    public readonly TitleToken[] RawTokens = new TitleToken[MaxTokens];
    public int RawCount;

    public readonly char[] Text = new char[TitleCleaner.MaxInputLength * 4];
    public int TextLength;
    public readonly TitleToken[] Tokens = new TitleToken[MaxTokens];
    public int Count;

    /// <summary>Content tokens in reading order (after comma inversion), primary first.</summary>
    public readonly int[] Order = new int[MaxTokens];
    public int OrderCount;
    public int PrimaryCount;

    public readonly char[] Key = new char[TitleCleaner.MaxInputLength * 4];

    public int Head;

    /// <summary>The "of" or "for" that splits "Director of Engineering" into rank and field; -1 if none.</summary>
    public int OfSplit;
    public SeniorityLevel Seniority;
    public int SeniorityToken;

    /// <summary>The head is a rank over the work the other words name ("Maintenance Lead", "Finance Intern"): it does
    /// not count as the head when scoring.</summary>
    public bool HeadIsRank;

    /// <summary>The head is a learner of the work ("Finance Intern"), so not its manager; false when the title names
    /// management ("Management Intern").</summary>
    public bool HeadLearns;

    /// <summary>The head supervises workers (supervisor, foreman, boss, superintendent, lead): in SOC groups 33 to 53
    /// the title is coded to the group's first-line supervisor occupation.</summary>
    public bool HeadSupervises;
    public int Level;
    public bool Truncated;

    public ReadOnlySpan<char> Word(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    /// <summary>The word's stem for scoring: a prefix of the word ("nurses", "nursing" and "nurse" share "nurs").</summary>
    public ReadOnlySpan<char> Stem(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].StemLength);

    public ReadOnlySpan<char> RawWord(int token) => Raw.AsSpan(RawTokens[token].Start, RawTokens[token].Length);

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
        RawCount = 0;
        TextLength = 0;
        Count = 0;
        OrderCount = 0;
        PrimaryCount = 0;
        Head = -1;
        OfSplit = -1;
        Seniority = SeniorityLevel.Mid;
        SeniorityToken = -1;
        HeadIsRank = false;
        HeadLearns = false;
        HeadSupervises = false;
        Level = 0;
        Truncated = false;
    }
}
