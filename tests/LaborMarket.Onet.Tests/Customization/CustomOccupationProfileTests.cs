using LaborMarket.Onet.Customization;

namespace LaborMarket.Onet.Tests.Customization;

public class CustomOccupationProfileTests
{
    private static readonly OccupationProfile Baseline = new()
    {
        Code = OnetSocCode.Parse("15-1252.00"),
        Title = "Software Developers",
        Description = "Research, design, and develop computer and network software.",
        Tasks = [new OccupationTask(1, "Modify existing software.", true), new OccupationTask(2, "Analyze user needs.", true)],
        JobZone = 4,
        Source = "O*NET database",
    };

    [Fact]
    public void Apply_Override_ChangesOnlyThatFieldAndMarksItCustom()
    {
        var custom = new CustomOccupationProfile(Baseline).Apply(new OccupationOverrides
        {
            Tasks = [new OccupationTask(2, "Analyze user needs.", true), new OccupationTask(0, "Review pull requests.", true)],
        });

        Assert.Equal(["Analyze user needs.", "Review pull requests."], custom.Effective.Tasks.Select(t => t.Statement));
        Assert.Equal("Software Developers", custom.Effective.Title);
        Assert.Equal(FieldSource.Custom, custom.SourceOf(OccupationField.Tasks));
        Assert.Equal(FieldSource.Baseline, custom.SourceOf(OccupationField.Title));
        Assert.Equal([OccupationField.Tasks], custom.OverriddenFields);
        var diff = custom.Diff().Single();
        Assert.Equal(["Review pull requests."], diff.Added);
        Assert.Equal(["Modify existing software."], diff.Removed);
    }

    [Fact]
    public void Restore_Field_GoesBackToBaseline()
    {
        var custom = new CustomOccupationProfile(Baseline, new OccupationOverrides { Title = "Software Engineer", JobZone = 5 })
            .Restore(OccupationField.Title);

        Assert.Equal("Software Developers", custom.Effective.Title);
        Assert.Equal(5, custom.Effective.JobZone);
        Assert.Equal([OccupationField.JobZone], custom.OverriddenFields);
    }

    [Fact]
    public void Json_RoundTrip_KeepsOverridesOnAFreshBaseline()
    {
        var custom = new CustomOccupationProfile(Baseline, new OccupationOverrides
        {
            Title = "Software Engineer",
            Related = [new RelatedOccupation(OnetSocCode.Parse("15-1253.00"), "Software Quality Assurance Analysts and Testers", "Custom")],
        });

        var json = custom.ToJson();
        var back = CustomOccupationProfile.FromJson(json, Baseline);

        Assert.Contains("\"code\":\"15-1252.00\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("description", json, StringComparison.Ordinal);
        Assert.Equal("Software Engineer", back.Effective.Title);
        Assert.Equal("15-1253.00", back.Effective.Related.Single().Code.ToString());
        Assert.Equal(custom.OverriddenFields, back.OverriddenFields);
    }

    [Fact]
    public void FromJson_OtherOccupationOrBadJson_ThrowsFormatErrorNamingTheField()
    {
        var other = new CustomOccupationProfile(Baseline with { Code = OnetSocCode.Parse("29-1141.00") }, new OccupationOverrides { Title = "RN" }).ToJson();

        var wrongCode = Assert.Throws<LaborMarketFormatException>(() => CustomOccupationProfile.FromJson(other, Baseline));
        var truncated = Assert.Throws<LaborMarketFormatException>(() => CustomOccupationProfile.FromJson("""{"code":"15-1252.00","overrides":{"title":""", Baseline));

        Assert.Equal("code", wrongCode.Field);
        Assert.Contains("29-1141.00", wrongCode.Message, StringComparison.Ordinal);
        Assert.Contains("overrides", truncated.Field, StringComparison.Ordinal);
    }
}
