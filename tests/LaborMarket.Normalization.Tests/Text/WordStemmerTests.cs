using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class WordStemmerTests
{
    [Theory]
    [InlineData("nurses", "nurs")]
    [InlineData("nursing", "nurs")]
    [InlineData("nurse", "nurs")]
    [InlineData("secretaries", "secretar")]
    [InlineData("secretary", "secretar")]
    [InlineData("swimming", "swim")]
    [InlineData("business", "business")]
    [InlineData("bus", "bus")]
    [InlineData("401k", "401k")]
    public void StemLength_Endings_MeetAtOnePrefix(string word, string stem) => Assert.Equal(stem, word[..WordStemmer.StemLength(word)]);

    [Fact]
    public void Stem_ExpandedWords_GetTheirStems()
    {
        var words = CleaningStages.Expanded("Nursing Assistants");

        Assert.Equal(["nurs", "assistant"], Enumerable.Range(0, words.Count).Select(i => words.Stem(i).ToString()));
    }
}
