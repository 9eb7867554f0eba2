using LaborMarket.Bls.Geography;

namespace LaborMarket.Bls.Tests.Geography;

public class AreaCrosswalkTests
{
    private static readonly Lazy<AreaCrosswalk> Real = new(() =>
        AreaCrosswalk.Load(TestData.DataPath("geo/county_cbsa_2023.csv"), TestData.DataPath("geo/oflc_geography_2020.csv")));

    [DataTheory]
    [InlineData("Pinellas County, FL", "12103")]
    [InlineData("pinellas, Florida", "12103")]
    [InlineData("Harris County, TX", "48201")]
    public void FindCounty_NameAndState_GivesTheCountyWithItsFips(string name, string fips)
    {
        var county = Real.Value.FindCounty(name);

        Assert.NotNull(county);
        Assert.Equal(fips, county.Fips.ToString());
    }

    [DataFact]
    public void FindCounty_RuralCountyOnlyOflcNames_IsFoundWithoutFips()
    {
        // Outside every metro, so only the OFLC file lists it (by name, in a nonmetropolitan area).
        var county = Real.Value.FindCounty("Liberty County, FL");

        Assert.NotNull(county);
        Assert.Equal("FL", county.State.Code);
        Assert.Null(county.Fips);
        Assert.Equal(["1200006"], county.Areas.Select(a => a.ToString()));
    }

    [DataTheory]
    [InlineData("Tampa, FL")] // a city: FindPlace knows it, but it is not a county
    [InlineData("Pinellas County")] // no state
    [InlineData("Nowhere County, FL")]
    public void FindCounty_CityOrUnknownOrNoState_IsNull(string name)
    {
        Assert.Null(Real.Value.FindCounty(name));
    }
}
