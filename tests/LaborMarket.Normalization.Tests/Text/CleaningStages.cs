using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

/// <summary>Runs the cleaning stages up to the one under test, so each stage's test gives it real input.</summary>
internal static class CleaningStages
{
    private static readonly AbbreviationExpander Expander = new();

    public static RawWords Raw(string title)
    {
        var raw = new RawWords();
        TitleTokenizer.Tokenize(TitleFolding.NeedsFolding(title) ? TitleFolding.Fold(title) : title, raw);
        TitleTokenizer.JoinDottedInitials(raw);
        return raw;
    }

    public static TitleWords Expanded(string title)
    {
        var raw = Raw(title);
        PlaceStripper.Mark(raw);
        var words = new TitleWords();
        Expander.Expand(raw, words);
        WordStemmer.Stem(words);
        return words;
    }

    public static string[] Texts(RawWords raw) => [.. Enumerable.Range(0, raw.Count).Select(i => raw.Word(i).ToString())];

    public static string[] Texts(TitleWords words, TokenFlags without = TokenFlags.None) =>
        [.. Enumerable.Range(0, words.Count).Where(i => (words.Tokens[i].Flags & without) == 0).Select(i => words.Word(i).ToString())];
}
