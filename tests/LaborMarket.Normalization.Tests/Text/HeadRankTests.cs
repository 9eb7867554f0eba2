using LaborMarket.Normalization.Text;

namespace LaborMarket.Normalization.Tests.Text;

public class HeadRankTests
{
    [Theory]
    [InlineData("Maintenance Lead", true, false, true)]
    [InlineData("Finance Intern", true, true, false)]
    [InlineData("Management Intern", true, false, false)]
    [InlineData("Intern", false, false, false)]
    [InlineData("Bindery Supervisor", true, false, true)]
    [InlineData("Registered Nurse", false, false, false)]
    public void Read_Head_SaysWhatItRanks(string title, bool isRank, bool learns, bool supervises)
    {
        var s = new TitleScratch();
        new TitleCleaner().Clean(title, s);

        var rank = HeadRank.Read(s.Words, s.Ordered, s.Head);

        Assert.Equal(new HeadRank(isRank, learns, supervises), rank);
        Assert.Equal(rank, s.Rank);
    }
}
