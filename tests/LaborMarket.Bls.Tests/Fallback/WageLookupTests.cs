using LaborMarket.Bls.Fallback;
using LaborMarket.Bls.Oews;
using Xunit.Abstractions;

namespace LaborMarket.Bls.Tests.Fallback;

public class WageLookupTests(ITestOutputHelper output)
{
    private static readonly Lazy<WageLookup> Real = new(() => WageData.LoadDirectory(TestData.DataPath("")));

    private async Task<WageAnswer> Ask(string soc, WageLocation where)
    {
        var answer = Real.Value.Explain(SocCode.Parse(soc), where);
        Assert.Equal(Real.Value.Find(SocCode.Parse(soc), where), answer with { Steps = [] });
        foreach (var step in answer.Steps)
        {
            output.WriteLine(step);
        }

        return answer;
    }

    [DataFact]
    public async Task Find_RegisteredNursesInPinellas_UsesTampaMetro()
    {
        var a = await Ask("29-1141", WageLocation.ForCounty(CountyFips.Parse("12103")));

        Assert.Equal("45300", a.Area.ToString());
        Assert.Equal(AreaLevel.Metro, a.AreaLevel);
        Assert.Equal("Tampa-St. Petersburg-Clearwater, FL", a.AreaTitle);
        Assert.Equal(SocLevel.Detailed, a.SocLevel);
        Assert.Equal(2024, a.Year);
        Assert.InRange(a.AnnualMedian?.Value.Value ?? double.NaN, 60_000, 120_000);
        Assert.Contains(a.Steps, s => s.Contains("county not published in OEWS", StringComparison.Ordinal) && s.Contains("45300", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task Find_SoftwareDevelopersInPinellas_FallsBackToFlorida()
    {
        var a = await Ask("15-1252", WageLocation.ForCounty(CountyFips.Parse("12103")));

        Assert.Equal(AreaLevel.State, a.AreaLevel);
        Assert.Equal("12", a.Area.ToString());
        Assert.Equal("Florida", a.AreaTitle);
        Assert.Contains(a.Steps, s => s.Contains("15-1252 not published in metro 45300", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task Find_CodeMissingFromStateFile_FallsBackToNation()
    {
        var lookup = Real.Value;
        var florida = OewsAreaCode.ForState(UsState.Parse("FL"));
        var missing = new[] { "11-1011", "45-3031", "53-4022", "47-5041", "39-3012", "51-2011" }
            .Select(SocCode.Parse).First(c => lookup.Index.Find(florida, c) is null && lookup.Index.Find(OewsAreaCode.National, c) is not null);

        var a = await Ask(missing.ToString(), WageLocation.ForPlace("Pinellas County, FL"));

        Assert.Equal(AreaLevel.National, a.AreaLevel);
        Assert.Contains(a.Steps, s => s.Contains($"{missing} not published in state 12", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task Find_SuppressedMedian_ReportsTopCodedNationalLowerBound()
    {
        // Florida's 2025 extract has no median for Physicians, All Other (top-coded in the official file): the nation's is '#'.
        var a = await Ask("29-1229", WageLocation.ForState(UsState.Parse("FL")));

        Assert.True(a.Found);
        var median = Assert.NotNull(a.AnnualMedian).Value;
        Assert.True(median.IsLowerBound || a.AreaLevel == AreaLevel.State);
        if (median.IsLowerBound)
        {
            Assert.Equal(239_200, median.Value);
            Assert.Contains(a.Steps, s => s.Contains("top-coded (#)", StringComparison.Ordinal));
        }
    }

    [DataFact]
    public async Task Find_PlaceAsCity_ResolvesToMetro()
    {
        var a = await Ask("29-1141", WageLocation.ForPlace("Tampa, FL"));

        Assert.Equal("45300", a.Area.ToString());
    }

    [DataFact]
    public async Task Find_Soc2010Code_IsMappedAndSaysSo()
    {
        var a = await Ask("15-1132", WageLocation.Nation);

        Assert.Equal("15-1252", a.Soc.ToString());
        Assert.Equal(AreaLevel.National, a.AreaLevel);
        Assert.Contains(a.Steps, s => s.Contains("SOC 2010", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_SuppressedCell_UsesParentGroupInTheSameArea()
    {
        var metro = OewsAreaCode.Parse("45300");
        OewsEstimate Row(string soc, OccupationGroup g, OewsValue median) => new()
        {
            Area = metro, AreaTitle = "Tampa", Soc = SocCode.Parse(soc), OccupationTitle = soc, Group = g, Year = 2024,
            AnnualMedian = median, Employment = new OewsValue(1000, OewsMarker.None),
        };
        var index = WageIndex.Build(
        [
            Row("15-1252", OccupationGroup.Detailed, new OewsValue(null, OewsMarker.WageNotAvailable)),
            Row("15-1250", OccupationGroup.Broad, new OewsValue(101_000, OewsMarker.None)),
        ]);

        var a = new WageLookup(index, LaborMarket.Bls.Geography.AreaCrosswalk.Empty).Explain(SocCode.Parse("15-1252"), WageLocation.ForArea(metro));

        Assert.Equal("15-1250", a.Soc.ToString());
        Assert.Equal(SocLevel.Broad, a.SocLevel);
        Assert.Equal(101_000, a.AnnualMedian?.Value.Value);
        Assert.Equal("15-1252", a.Employment?.Soc.ToString());
        Assert.Equal(
        [
            "annual median suppressed (*) in metro 45300 (Tampa) for 15-1252",
            "annual median from broad group 15-1250 in metro 45300 (Tampa), 2024",
            "employment from metro 45300 (Tampa) for 15-1252",
        ], a.Steps);
    }

    [Fact]
    public void Explain_NothingAnywhere_IsNotFoundWithReason()
    {
        var a = new WageLookup(WageIndex.Build([]), LaborMarket.Bls.Geography.AreaCrosswalk.Empty).Explain(SocCode.Parse("15-1252"), WageLocation.Nation);

        Assert.False(a.Found);
        Assert.Null(a.Area);
        Assert.Contains("no annual median for 15-1252 at any level of the chain", a.Steps);
    }

    [DataFact]
    public void Find_RepeatedQuestion_IsAnsweredFromTheCacheWithTheSameAnswer()
    {
        var nurses = SocCode.Parse("29-1141");
        var pinellas = WageLocation.ForCounty(CountyFips.Parse("12103"));
        var uncached = new WageLookup(Real.Value.Index, Real.Value.Crosswalk, answerCacheSize: 0);

        var first = Real.Value.Find(nurses, pinellas);
        var again = Real.Value.Find(nurses, WageLocation.ForCounty(CountyFips.Parse("12103")));
        var fresh = uncached.Find(nurses, pinellas);

        Assert.Same(first, again);
        Assert.NotSame(fresh, uncached.Find(nurses, pinellas));
        Assert.Equal(first.AnnualMedian, fresh.AnnualMedian);
        Assert.Equal(first, fresh);
        Assert.Empty(first.Steps);
        Assert.NotSame(first, Real.Value.Find(nurses, pinellas, year: 2023));
    }

    [DataFact]
    public void Find_ManyThreadsAtOnce_GiveTheAnswersOfOneThread()
    {
        var socs = new[] { "29-1141", "15-1252", "15-1132", "11-1011", "47-2061", "55-1011", "99-9999" }.Select(SocCode.Parse).ToArray();
        var places = new[] { "12103", "12086", "06085", "48201", "12001", "36061" }.Select(c => WageLocation.ForCounty(CountyFips.Parse(c)))
            .Append(WageLocation.ForState(UsState.Parse("FL"))).Append(WageLocation.ForPlace("Tampa, FL")).Append(WageLocation.Nation).ToArray();
        var questions = socs.SelectMany(s => places.Select(p => (s, p))).ToArray();
        static string Say(WageAnswer a) =>
            $"{a.AnnualMedian} {a.AnnualP10} {a.AnnualP90} {a.AnnualMean} {a.HourlyMedian} {a.Employment} {a.AreaTitle} | {string.Join(" | ", a.Steps)}";
        var expected = questions.Select(q => Say(new WageLookup(Real.Value.Index, Real.Value.Crosswalk, 0).Explain(q.s, q.p))).ToArray();

        // A fresh lookup whose location plans are made by many threads at once.
        var shared = new WageLookup(Real.Value.Index, Real.Value.Crosswalk, answerCacheSize: 0);
        var seen = new string[8][];
        Parallel.For(0, seen.Length, t => seen[t] = questions.Select(q => Say(t % 2 == 0 ? shared.Explain(q.s, q.p) : shared.Find(q.s, q.p) with { Steps = shared.Explain(q.s, q.p).Steps })).ToArray());

        Assert.All(seen, s => Assert.Equal(expected, s));
        Assert.Contains(expected, e => e.Contains("is a SOC 2010 code", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Contains("no annual median", StringComparison.Ordinal));
        Assert.Contains(expected, e => e.Contains("is not a SOC 2018 occupation", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task Explain_CodeThatIsNoOccupation_SaysSoInsteadOfNotPublished()
    {
        var a = await Ask("15-9999", WageLocation.ForState(UsState.Parse("FL")));

        Assert.Equal(WageOutcome.NotAnOccupation, a.Outcome);
        Assert.False(a.Found);
        Assert.Null(a.AnnualMedian);
        Assert.Equal(["15-9999 is not a SOC 2018 occupation or group, and no OEWS file holds it"], a.Steps);
    }

    [DataFact]
    public async Task Explain_RealOccupationOewsNeverPublishes_IsNotPublishedWithTheSteps()
    {
        // 55-1011 (Air Crew Officers) is a SOC 2018 occupation; OEWS does not survey the military.
        var a = await Ask("55-1011", WageLocation.ForState(UsState.Parse("FL")));

        Assert.Equal(WageOutcome.NotPublished, a.Outcome);
        Assert.Contains("55-1011 not published in state 12 (Florida)", a.Steps);
        Assert.Contains(a.Steps, s => s.StartsWith("no annual median", StringComparison.Ordinal));
    }

    [DataFact]
    public async Task Explain_GroupsAndOewsAggregates_AreOccupations()
    {
        var major = await Ask("29-0000", WageLocation.Nation);
        var all = await Ask("00-0000", WageLocation.Nation);

        Assert.Equal(WageOutcome.Found, major.Outcome);
        Assert.Equal(WageOutcome.Found, all.Outcome);
    }

    [DataFact]
    public void Explain_YearNotInTheData_ListsTheYearsThere()
    {
        var a = Real.Value.Explain(SocCode.Parse("29-1141"), WageLocation.ForState(UsState.Parse("FL")), 2019);

        Assert.Equal(WageOutcome.YearNotInData, a.Outcome);
        Assert.Equal(a, Real.Value.Find(SocCode.Parse("29-1141"), WageLocation.ForState(UsState.Parse("FL")), 2019) with { Steps = a.Steps });
        Assert.Equal([$"no OEWS data for 2019: the data holds {string.Join(", ", Real.Value.Index.Years)}"], a.Steps);
        Assert.DoesNotContain(2019, Real.Value.Index.Years);
        Assert.Contains(2024, Real.Value.Index.Years);
    }

    [DataTheory]
    [InlineData("California")]
    [InlineData("CA")]
    [InlineData(" california ")]
    public async Task Explain_PlaceThatIsABareState_AnswersForTheState(string place)
    {
        var a = await Ask("29-1141", WageLocation.ForPlace(place));

        Assert.Equal(WageOutcome.Found, a.Outcome);
        Assert.Equal("06", a.Area.ToString());
        Assert.Equal(AreaLevel.State, a.AreaLevel);
        Assert.StartsWith($"place '{place.Trim()}' is the state CA", a.Steps[0], StringComparison.Ordinal);
    }
}
