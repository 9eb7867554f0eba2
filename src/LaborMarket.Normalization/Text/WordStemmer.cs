namespace LaborMarket.Normalization.Text;

/// <summary>
/// The "stem" stage: a light, prefix-only stemmer. Plural and "-ing" endings, a final "e", and "y" after a consonant
/// go, so that "secretaries"/"secretary", "nurses"/"nursing"/"nurse" and "swimming"/"swim" meet. Never below three
/// letters; words with digits are kept whole.
/// </summary>
internal static class WordStemmer
{
    public static void Stem(TitleWords words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            words.Tokens[i].StemLength = StemLength(words.Word(i));
        }
    }

    public static int StemLength(ReadOnlySpan<char> w)
    {
        var n = w.Length;
        if (n < 4 || w.IndexOfAnyInRange('0', '9') >= 0)
        {
            return n;
        }

        if (w.EndsWith("ies") && n > 4)
        {
            n -= 3;
        }
        else if (w.EndsWith("sses"))
        {
            n -= 2;
        }
        else if (w[n - 1] == 's' && w[n - 2] is not ('s' or 'u' or 'i'))
        {
            n--;
        }

        if (n > 6 && w[..n].EndsWith("ing"))
        {
            n -= 3;
            if (n > 3 && w[n - 1] == w[n - 2] && w[n - 1] is not ('l' or 's' or 'z') && !IsVowel(w[n - 1]))
            {
                n--;
            }
        }

        if (n > 3 && w[n - 1] == 'e')
        {
            n--;
        }
        else if (n > 3 && w[n - 1] == 'y' && !IsVowel(w[n - 2]))
        {
            n--;
        }

        return n;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
}
