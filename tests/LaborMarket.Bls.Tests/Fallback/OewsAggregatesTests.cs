using LaborMarket.Bls.Fallback;

namespace LaborMarket.Bls.Tests.Fallback;

/// <summary>The SOC 2018 occupations OEWS publishes only within a combined code, checked against the real files.</summary>
public class OewsAggregatesTests
{
    private static HashSet<string> Oews2024(string group) =>
        File.ReadLines(TestData.DataPath("oews/national_M2024_dl.csv")).Skip(1).Select(Csv.Split)
            .Where(f => f[10] == group).Select(f => f[8]).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> Soc2018() =>
        File.ReadLines(TestData.DataPath("crosswalks/soc_2010_to_2018_crosswalk.csv")).Skip(1)
            .Select(l => Csv.Split(l)[2]).ToHashSet(StringComparer.Ordinal);

    [DataFact]
    public void Pairs_MemberIsSoc2018AndUnpublished_AggregateIsPublished()
    {
        var detailed = Oews2024("detailed");
        var soc2018 = Soc2018();

        Assert.NotEmpty(OewsAggregates.Pairs);
        Assert.All(OewsAggregates.Pairs, p =>
        {
            Assert.Contains(p.Member.ToString(), soc2018);
            Assert.DoesNotContain(p.Member.ToString(), detailed);
            Assert.Contains(p.Aggregate.ToString(), detailed);
            Assert.Equal(p.Member.Minor, p.Aggregate.Minor);
        });
    }

    [DataFact]
    public void EverySoc2018CodeOewsLacks_IsAMember_OrHasAPublishedBroadGroup_OrIsNotSurveyed()
    {
        var published = Oews2024("detailed");
        published.UnionWith(Oews2024("broad"));
        var members = OewsAggregates.Pairs.Select(p => p.Member.ToString()).ToHashSet();

        var unreachable = Soc2018()
            .Where(c => !published.Contains(c) && !members.Contains(c) && !published.Contains(SocCode.Parse(c).Broad.ToString()))
            .Where(c => !c.StartsWith("55-", StringComparison.Ordinal)) // military occupations: OEWS does not survey them
            .Order().ToArray();

        Assert.Equal(["45-3031"], unreachable); // fishing and hunting workers: OEWS does not survey them either
    }

    [Fact]
    public void OnetSocCodeSoc_EveryCodeItFolds_IsAPairOfTheTable()
    {
        var folded = OewsAggregates.Pairs.Where(p => new OnetSocCode(p.Member, 0).Soc != p.Member).ToArray();

        Assert.Equal(["21-1011", "21-1014", "51-2022", "51-2023"], folded.Select(p => p.Member.ToString()).Order());
        Assert.All(folded, p => Assert.Equal(p.Aggregate, new OnetSocCode(p.Member, 0).Soc));
    }

    [DataFact]
    public void Find_MemberOfACombinedCode_AnswersFromItAndSaysSo()
    {
        var lookup = WageData.LoadDirectory(TestData.DataPath(""));

        var a = lookup.Explain(SocCode.Parse("21-1014"), WageLocation.Nation);

        Assert.Equal("21-1018", a.Soc.ToString());
        Assert.NotNull(a.AnnualMedian);
        Assert.Contains("21-1014 is published by OEWS within 21-1018", a.Steps);
    }
}
