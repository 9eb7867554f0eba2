using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class HeadFinderTests
{
    [Theory]
    [InlineData("Director of Engineering", "director", "engineering director")]
    [InlineData("Engineer, Software", "engineer", "software engineer")]
    [InlineData("Senior Manager, Marketing", "manager", "marketing senior manager")] // "senior" is read by the seniority rules, later
    [InlineData("Engineer - Mechanical", "engineer", "mechanical engineer")]
    [InlineData("Nurse - ICU", "nurse", "nurse icu")]
    [InlineData("Department of Transportation Engineer", "engineer", "department transportation engineer")]
    [InlineData("(Remote) (Registered Nurse)", "nurse", "registered nurse")]
    public void Find_Title_HeadAndReadingOrder(string title, string head, string order)
    {
        var words = CleaningStages.Expanded(title);
        NoiseMarker.Mark(words);

        var found = HeadFinder.Find(words);
        var ordered = new WordOrder();
        ordered.Build(words, found);

        Assert.Equal(head, words.Word(found.Head).ToString());
        Assert.Equal(order, string.Join(' ', ordered.Tokens.Take(ordered.Count).Where(i => words.Tokens[i].IsContent
            && (words.Tokens[i].Flags & TokenFlags.Seniority) == 0).Select(i => words.Word(i).ToString())));
    }

    [Fact]
    public void Find_OnlyNoise_HasNoHead()
    {
        var words = CleaningStages.Expanded("Full Time - Remote");
        NoiseMarker.Mark(words);

        Assert.Equal(TitleHead.None, HeadFinder.Find(words));
    }

    [Fact]
    public void IsBareHead_ReadsTheVocabulary()
    {
        Assert.True(HeadFinder.IsBareHead("engineer"));
        Assert.False(HeadFinder.IsBareHead("nurse"));
    }
}
