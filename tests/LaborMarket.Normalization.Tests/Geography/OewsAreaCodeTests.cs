
namespace LaborMarket.Normalization.Tests.Geography;

public class OewsAreaCodeTests
{
    [Theory]
    [InlineData("45300", AreaLevel.Metro, "45300")]
    [InlineData("1200006", AreaLevel.Nonmetro, "1200006")]
    [InlineData("100001", AreaLevel.Nonmetro, "0100001")]
    [InlineData("99", AreaLevel.National, "99")]
    [InlineData("0000000", AreaLevel.National, "99")]
    [InlineData("12", AreaLevel.State, "12")]
    [InlineData("1200000", AreaLevel.State, "12")]
    public void TryParse_AreaForms_ClassifiesAndPads(string text, AreaLevel level, string formatted)
    {
        Assert.True(OewsAreaCode.TryParse(text, out var area));
        Assert.Equal(level, area.Level);
        Assert.Equal(formatted, area.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCDE")]
    [InlineData("123")]
    [InlineData("9900001")]
    [InlineData("123456789")]
    public void TryParse_NotAnArea_ReturnsFalse(string text) => Assert.False(OewsAreaCode.TryParse(text, out _));

    [Fact]
    public void State_NonmetroArea_IsItsState() =>
        Assert.Equal("FL", OewsAreaCode.Parse("1200006").State!.Value.Code);

    [DataFact]
    public void TryParse_EveryOflcArea_IsMetroOrNonmetro()
    {
        var areas = RealFiles.Csv("geo/oflc_geography_2020.csv").Select(r => r["AREA"]).Distinct().ToList();

        Assert.True(areas.Count > 500);
        Assert.All(areas, a =>
        {
            Assert.True(OewsAreaCode.TryParse(a, out var area), a);
            Assert.Contains(area.Level, new[] { AreaLevel.Metro, AreaLevel.Nonmetro });
        });
    }

    [DataFact]
    public void CountyFips_EveryCbsaCounty_ParsesWithItsState()
    {
        foreach (var row in RealFiles.Csv("geo/county_cbsa_2023.csv"))
        {
            Assert.True(CountyFips.TryParse(row["COUNTY_FIPS5"], out var county), row["COUNTY_FIPS5"]);
            Assert.Equal(int.Parse(row["FIPS STATE CODE"], System.Globalization.CultureInfo.InvariantCulture), county.StateFips);
            Assert.True(OewsAreaCode.TryParse(row["CBSA CODE"], out var cbsa), row["CBSA CODE"]);
            Assert.Equal(AreaLevel.Metro, cbsa.Level);
        }
    }
}
