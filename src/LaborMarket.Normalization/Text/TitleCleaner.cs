using LaborMarket.Normalization.Seniority;

namespace LaborMarket.Normalization.Text;

/// <summary>
/// Turns a raw job title into words, as a sequence of stages each given only the part of the title it reads and
/// writes: fold (<see cref="TitleFolding"/>), tokenize (<see cref="TitleTokenizer"/>), strip places
/// (<see cref="PlaceStripper"/>), expand abbreviations (<see cref="AbbreviationExpander"/>), stem
/// (<see cref="WordStemmer"/>), strip noise (<see cref="NoiseMarker"/>), find the head (<see cref="HeadFinder"/>),
/// read seniority (<see cref="SeniorityRules"/>), order the words (<see cref="WordOrder"/>) and read the head's rank
/// (<see cref="HeadRank"/>). Linear in the input; no regular expressions.
/// </summary>
internal sealed class TitleCleaner
{
    /// <summary>Titles are cut to this many characters before cleaning; nothing longer is a job title.</summary>
    public const int MaxInputLength = 256;

    private readonly AbbreviationExpander _expander = new();

    public void Clean(ReadOnlySpan<char> input, TitleScratch s)
    {
        s.Reset();
        input = input.Trim();
        if (input.Length > MaxInputLength)
        {
            input = input[..MaxInputLength];
        }

        if (input.IsEmpty)
        {
            return;
        }

        var folded = TitleFolding.NeedsFolding(input) ? TitleFolding.Fold(input) : null;
        TitleTokenizer.Tokenize(folded is null ? input : folded.AsSpan(), s.Raw);
        TitleTokenizer.JoinDottedInitials(s.Raw);
        PlaceStripper.Mark(s.Raw);
        _expander.Expand(s.Raw, s.Words);
        WordStemmer.Stem(s.Words);
        s.Level = NoiseMarker.Mark(s.Words);
        s.Shape = HeadFinder.Find(s.Words);
        SeniorityRules.Apply(s);
        s.Ordered.Build(s.Words, s.Shape);
        s.Rank = HeadRank.Read(s.Words, s.Ordered, s.Head);
    }
}
