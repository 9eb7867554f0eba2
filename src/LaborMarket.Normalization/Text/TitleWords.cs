namespace LaborMarket.Normalization.Text;

/// <summary>The words of a title after expansion: slices of one buffer, each with its segment, flags and stem.</summary>
internal sealed class TitleWords
{
    public readonly char[] Text = new char[TitleCleaner.MaxInputLength * 4];
    public readonly TitleToken[] Tokens = new TitleToken[TitleScratch.MaxTokens];
    public int Count;
    public int TextLength;

    public ReadOnlySpan<char> Word(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].Length);

    /// <summary>The word's stem for scoring: a prefix of the word ("nurses", "nursing" and "nurse" share "nurs").</summary>
    public ReadOnlySpan<char> Stem(int token) => Text.AsSpan(Tokens[token].Start, Tokens[token].StemLength);

    /// <summary>Adds a word in the segment of <paramref name="like"/>; a word that does not fit is dropped.</summary>
    public void Append(ReadOnlySpan<char> word, TitleToken like, TokenFlags flags)
    {
        if (Count >= Tokens.Length || TextLength + word.Length > Text.Length)
        {
            return;
        }

        word.CopyTo(Text.AsSpan(TextLength));
        Tokens[Count++] = new TitleToken
        {
            Start = TextLength,
            Length = word.Length,
            StemLength = word.Length,
            Segment = like.Segment,
            Flags = like.Flags | flags,
        };
        TextLength += word.Length;
    }

    public void Clear()
    {
        Count = 0;
        TextLength = 0;
    }
}
