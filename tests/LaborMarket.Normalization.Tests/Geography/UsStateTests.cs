
namespace LaborMarket.Normalization.Tests.Geography;

public class UsStateTests
{
    [Theory]
    [InlineData("FL", "FL")]
    [InlineData("fl", "FL")]
    [InlineData("Florida", "FL")]
    [InlineData("FLORIDA", "FL")]
    [InlineData("Fla.", "FL")]
    [InlineData("Calif.", "CA")]
    [InlineData("CALIFORNIA", "CA")]
    [InlineData("N.Y.", "NY")]
    [InlineData("new york", "NY")]
    [InlineData("District of Columbia", "DC")]
    [InlineData("D.C.", "DC")]
    [InlineData("W.Va.", "WV")]
    [InlineData("Puerto Rico", "PR")]
    [InlineData(" Texas ", "TX")]
    public void TryParse_CodesNamesAndApStyle_FindsState(string text, string code)
    {
        Assert.True(UsState.TryParse(text, out var state));
        Assert.Equal(code, state.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("XX")]
    [InlineData("Atlantis")]
    [InlineData("Florida!")]
    public void TryParse_NotAState_ReturnsFalse(string text) => Assert.False(UsState.TryParse(text, out _));

    [Fact]
    public void All_HasFiftyStatesDcAndFiveTerritories()
    {
        Assert.Equal(56, UsState.All.Count);
        Assert.Equal(51, UsState.All.Count(s => s.IsStateOrDc));
    }

    [DataFact]
    public void Table_MatchesCensusStateFips()
    {
        var rows = RealFiles.Csv("geo/state_fips.csv").ToList();

        Assert.Equal(54, rows.Count);
        foreach (var row in rows)
        {
            var byCode = UsState.Parse(row["STATE_ABBR"]);
            Assert.Equal(int.Parse(row["STATE_FIPS"], System.Globalization.CultureInfo.InvariantCulture), byCode.Fips);
            Assert.True(UsState.TryParse(row["STATE_NAME"], out var byName), row["STATE_NAME"]);
            Assert.Equal(byCode, byName);
            Assert.True(UsState.TryFromFips(byCode.Fips, out var byFips));
            Assert.Equal(byCode, byFips);
        }
    }
}
