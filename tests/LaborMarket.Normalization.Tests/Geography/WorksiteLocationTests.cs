
namespace LaborMarket.Normalization.Tests.Geography;

public class WorksiteLocationTests
{
    [Theory]
    [InlineData("SAN JOSE, CALIFORNIA", "SAN JOSE", "CA", null)]
    [InlineData("Tampa, FL 33602", "Tampa", "FL", "33602")]
    [InlineData("Austin TX", "Austin", "TX", null)]
    [InlineData("New York, N.Y. 10001-1234", "New York", "NY", "10001")]
    [InlineData("WASHINGTON, DISTRICT OF COLUMBIA", "WASHINGTON", "DC", null)]
    [InlineData("St. Petersburg, Fla.", "St. Petersburg", "FL", null)]
    [InlineData("Florida", null, "FL", null)]
    public void TryParse_Worksite_SplitsCityStateZip(string text, string? city, string state, string? zip)
    {
        Assert.True(WorksiteLocation.TryParse(text, out var location));
        Assert.Equal(city, location.City);
        Assert.Equal(state, location.State.Code);
        Assert.Equal(zip, location.Zip);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Springfield")]
    [InlineData("12345")]
    public void TryParse_NoState_ReturnsFalse(string? text) => Assert.False(WorksiteLocation.TryParse(text, out _));

    [DataFact]
    public void TryParse_H1bWorksites_AllWithAStateParse()
    {
        // Territory worksites in this file carry the state "NA" (not available): nothing to parse there.
        var worksites = RealFiles.Csv("titles/h1b_lca_fy2016_sample_train.csv").Select(r => r["WORKSITE"])
            .Where(w => !w.EndsWith(", NA", StringComparison.Ordinal)).ToList();
        var failed = worksites.Where(w => !WorksiteLocation.TryParse(w, out _)).Distinct().ToList();

        Assert.True(worksites.Count > 3000);
        Assert.True(failed.Count == 0, "unparsed: " + string.Join(" | ", failed.Take(10)));
    }
}
