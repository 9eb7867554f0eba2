using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class TitleTokenizerTests
{
    [Theory]
    [InlineData("Dir., Talent Acq.", "dir talent acq")]
    [InlineData("R.N. - I.C.U.", "rn icu")]
    [InlineData("R&D Engineer", "rnd engineer")]
    [InlineData("A/P Clerk", "ap clerk")]
    [InlineData("C++ / C# Developer", "c++ c# developer")]
    [InlineData("Children's Librarian", "childrens librarian")]
    public void Tokenize_RawTitle_LowerCasedWords(string title, string words) =>
        Assert.Equal(words, string.Join(' ', CleaningStages.Texts(CleaningStages.Raw(title))));

    [Fact]
    public void Tokenize_QualifiersAndCommas_MarkSegments()
    {
        var raw = CleaningStages.Raw("Engineer, Software (Backend) - Remote");

        Assert.Equal([0, 1, 1, 2], raw.Tokens.Take(raw.Count).Select(t => t.Segment));
        Assert.Equal([false, false, true, true], raw.Tokens.Take(raw.Count).Select(t => (t.Flags & TokenFlags.Secondary) != 0));
    }

    [Fact]
    public void Tokenize_LongInput_StopsAtTheBuffer()
    {
        var raw = new RawWords();
        TitleTokenizer.Tokenize(string.Concat(Enumerable.Repeat("word ", 400)), raw);

        Assert.Equal(TitleScratch.MaxTokens, raw.Count);
    }
}
