using LaborMarket.Files;

namespace LaborMarket.Normalization.Tests.Taxonomy;

public class OnetSocCodeTests
{
    [Theory]
    [InlineData("15-1252.00", "15-1252.00", "15-1252")]
    [InlineData("29-1141.01", "29-1141.01", "29-1141")]
    [InlineData("15-1252", "15-1252.00", "15-1252")]
    [InlineData("21-1011.00", "21-1011.00", "21-1018")]
    [InlineData("51-2022.00", "51-2022.00", "51-2028")]
    public void Parse_Formats_RoundTripAndReportSoc2018(string text, string formatted, string soc)
    {
        var code = OnetSocCode.Parse(text);

        Assert.Equal(formatted, code.ToString());
        Assert.Equal(soc, code.Soc.ToString());
    }

    [Theory]
    [InlineData("15-1252.0")]
    [InlineData("15-1252.XX")]
    [InlineData("not a code")]
    public void TryParse_Malformed_ReturnsFalse(string text) => Assert.False(OnetSocCode.TryParse(text, out _));

    [DataFact]
    public void Parse_EveryOnetOccupation_RoundTrips()
    {
        var rows = RealFiles.OnetRows("Occupation Data.txt").ToList();

        Assert.Equal(1016, rows.Count);
        Assert.All(rows, f => Assert.Equal(f[0], OnetSocCode.Parse(f[0]).ToString()));
    }
}
