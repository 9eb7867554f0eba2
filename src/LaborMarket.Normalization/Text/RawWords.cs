namespace LaborMarket.Normalization.Text;

/// <summary>The words of a title as read, before abbreviations are expanded: lower-cased slices of one buffer.</summary>
internal sealed class RawWords
{
    public readonly char[] Chars = new char[TitleCleaner.MaxInputLength * 2];
    public readonly TitleToken[] Tokens = new TitleToken[TitleScratch.MaxTokens];
    public int Count;

    public ReadOnlySpan<char> Word(int token) => Chars.AsSpan(Tokens[token].Start, Tokens[token].Length);
}
