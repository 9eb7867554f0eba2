
namespace LaborMarket.Normalization.Tests.Taxonomy;

public class SocCrosswalkTests
{
    [Theory]
    [InlineData("15-1132", "15-1252")]
    [InlineData("15-1133", "15-1252")]
    [InlineData("15-1121", "15-1211")]
    [InlineData("29-1111", "29-1141")]
    [InlineData("31-1014", "31-1131")]
    [InlineData("29-1141", "29-1141")]
    [InlineData("11-1021", "11-1021")]
    public void From2010_Code_GivesSoc2018(string from, string to) =>
        Assert.Equal(to, SocCrosswalk.From2010(SocCode.Parse(from)).ToString());

    [Fact]
    public void From2010All_SplitOccupation_ListsEveryTarget()
    {
        var targets = SocCrosswalk.From2010All(SocCode.Parse("15-1134")).Select(c => c.ToString());

        Assert.Equal(["15-1254", "15-1255"], targets);
    }

    [DataFact]
    public void Targets_EveryMappedCode_IsACurrentCode()
    {
        var current = RealFiles.CurrentSocCodes();

        foreach (var from in SocCrosswalk.ChangedCodes)
        {
            foreach (var to in SocCrosswalk.From2010All(from))
            {
                Assert.True(current.Contains(to.ToString()), $"{from} -> {to}: {to} is in neither OEWS 2021-2024 nor O*NET 27.0");
            }
        }
    }

    [DataFact]
    public void Sources_EveryChangedCode_IsGoneFromOews2024UnlessRetainedBySplit()
    {
        var published = RealFiles.Csv("oews/national_M2024_dl.csv").Select(r => r["OCC_CODE"]).ToHashSet();

        // A code SOC 2018 split but kept (13-2099 lost Financial Risk Specialists) maps to itself first. OEWS
        // reuses one retired 2010 code for a combined code of its own (25-2052 = 25-2055 + 25-2056).
        Assert.All(SocCrosswalk.ChangedCodes.Where(c => SocCrosswalk.From2010(c) != c && c.ToString() != "25-2052"),
            c => Assert.DoesNotContain(c.ToString(), published));
    }

    [DataFact]
    public void From2010_EveryH1bLabel_MapsToACurrentCode()
    {
        var current = RealFiles.CurrentSocCodes();
        var labels = RealFiles.Csv("titles/h1b_lca_fy2016_sample_train.csv")
            .Select(r => r["SOC_CODE_MAPPED"]).Where(c => c.Length > 0).Distinct().ToList();

        Assert.Equal(43, labels.Count);
        Assert.All(labels, l => Assert.Contains(SocCrosswalk.From2010(SocCode.Parse(l)).ToString(), current));
    }
}
