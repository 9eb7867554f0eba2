using System.Reflection;
using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class TitleVocabularyTests
{
    public static TheoryData<string> Lists() =>
        [.. typeof(TitleVocabulary).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(string[])).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Lists))]
    public void List_Words_AreLowerCaseDistinctAndWhole(string name)
    {
        var words = (string[])typeof(TitleVocabulary).GetField(name)!.GetValue(null)!;

        Assert.NotEmpty(words);
        Assert.Equal(words.Length, words.Distinct(StringComparer.Ordinal).Count());
        Assert.All(words, w => Assert.Matches("^[a-z0-9]+$", w));
    }

    [Fact]
    public void WordSet_IndexOf_IsThePositionInTheList()
    {
        var set = new WordSet(TitleVocabulary.RomanNumerals);

        Assert.Equal(2, set.IndexOf("iii"));
        Assert.Equal(-1, set.IndexOf("xi"));
        Assert.Equal(-1, set.IndexOf("a-much-longer-word-than-any"));
        Assert.False(set.Contains(""));
    }
}
