using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class AbbreviationExpanderTests
{
    [Theory]
    [InlineData("Pharmacy Tech", "pharmacy technician")]
    [InlineData("Tech Lead", "technical lead")]
    [InlineData("Sr Mgr", "senior manager")]
    [InlineData("Admin Asst II", "administrative assistant ii")]
    [InlineData("VP Sales", "vice director sales")]
    [InlineData("PM Shift Nurse", "pm shift nurse")]
    public void Expand_Abbreviations_ByPosition(string title, string words) =>
        Assert.Equal(words, string.Join(' ', CleaningStages.Texts(CleaningStages.Expanded(title))));

    [Theory]
    [InlineData("Engineer 2", "2", "level")]
    [InlineData("Teacher (Grades 6-8)", "6", "noise")]
    [InlineData("Req 12345 Nurse", "12345", "noise")]
    [InlineData("911 Dispatcher", "911", "none")]
    [InlineData("PM Shift Nurse", "pm", "noise")]
    [InlineData("Engineer III", "iii", "level")]
    public void Expand_NumbersAndNoisePairs_AreFlagged(string title, string word, string flag)
    {
        var words = CleaningStages.Expanded(title);
        var i = Array.IndexOf(CleaningStages.Texts(words), word);

        Assert.Equal(flag, (words.Tokens[i].Flags & (TokenFlags.Level | TokenFlags.Noise)) switch
        {
            TokenFlags.Level => "level",
            TokenFlags.Noise => "noise",
            _ => "none",
        });
    }

    [Fact]
    public void Expand_ViceAsRank_IsSeniorityNotContent()
    {
        var words = CleaningStages.Expanded("Vice President of Marketing");

        Assert.Equal(["director", "of", "marketing"], CleaningStages.Texts(words, without: TokenFlags.Seniority));
    }
}
