using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class TitleFoldingTests
{
    [Theory]
    [InlineData("Café Manager", "Cafe Manager")]
    [InlineData("ﬁnance Clerk", "finance Clerk")]
    [InlineData("ＳＥＮＩＯＲ　ＥＮＧＩＮＥＥＲ", "SENIOR ENGINEER")]
    [InlineData("Engineer Ⅲ", "Engineer  III ")]
    [InlineData("Nurse\u0007Aide", "Nurse Aide")]
    [InlineData("Cafe\u0301", "Cafe")]
    public void Fold_NonAscii_BecomesAsciiTheTokenizerReads(string input, string folded)
    {
        Assert.True(TitleFolding.NeedsFolding(input) || input.Any(char.IsControl));
        Assert.Equal(folded, TitleFolding.Fold(input));
    }

    [Fact]
    public void Fold_LoneSurrogatesAndAstralSymbols_AreSeparators()
    {
        Assert.Equal("Nurse Aide", TitleFolding.Fold("Nurse\ud800Aide"));
        Assert.Equal("Nurse Aide ", TitleFolding.Fold("Nurse\udc00Aide\ud83d\ude80"));
    }

    [Fact]
    public void NeedsFolding_AsciiTitle_IsFalse() => Assert.False(TitleFolding.NeedsFolding("Sr. Software Engineer (Remote) - 12345"));
}
