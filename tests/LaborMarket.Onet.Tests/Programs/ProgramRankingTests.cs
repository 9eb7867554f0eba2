using LaborMarket.Onet.Programs;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Tests.Programs;

public class ProgramRankingTests
{
    private static readonly Lazy<ProgramRanking> RankingLazy = new(() => new ProgramRanking(ProgramsData.Crosswalk, ProgramsData.Skills));

    private static ProgramRanking Ranking => RankingLazy.Value;

    [DataFact]
    public void ProgramsFor_RegisteredNurses_CrosswalkProgramsFirst_ByOverlap()
    {
        var result = Ranking.ProgramsFor(SocCode.Parse("29-1141"), top: 40);

        Assert.Equal(SkillProfileSource.Ratings, result.Source);
        Assert.Equal(["29-1141"], result.Occupations.Select(o => o.Soc.ToString()));
        Assert.Contains(result.Programs, p => p.Program.Code == CipCode.Parse("51.3801") && p.InCrosswalk && p.Overlap.Count > 10);
        var linked = result.Programs.TakeWhile(p => p.InCrosswalk).ToArray();
        Assert.Equal(21, linked.Length);
        Assert.All(result.Programs.Skip(21), p => Assert.False(p.InCrosswalk));
        Assert.All(result.Programs.Skip(21), p => Assert.True(p.Overlap.Similarity >= ProgramRanking.DefaultMinimumSimilarity));
        Assert.Equal(linked.OrderByDescending(p => p.Overlap.Similarity).Select(p => p.Program.Code), linked.Select(p => p.Program.Code));
    }

    [DataFact]
    public void ProgramsFor_Top_LimitsTheList()
    {
        Assert.Equal(3, Ranking.ProgramsFor(SocCode.Parse("29-1141"), top: 3).Programs.Count);
    }

    [DataFact]
    public void ProgramsFor_Soc2010Code_AnswersForItsSoc2018Parts()
    {
        var result = Ranking.ProgramsFor(SocCode.Parse("15-1132"), top: 100);

        Assert.Equal("15-1132", result.Requested.ToString());
        Assert.Equal(["15-1252", "15-1253"], result.Occupations.Select(o => o.Soc.ToString()));
        Assert.Equal("Software Developers", result.Occupations[0].Title);
        Assert.Contains(result.Programs, p => p.Program.Code == CipCode.Parse("11.0701") && p.InCrosswalk);
        Assert.Equal(SkillProfileSource.TechnologyAndTools, result.Source); // 29.0 has no ratings for 15-1252.00
    }

    [DataFact]
    public void OccupationsFor_RegisteredNursing_ListsLinkedOccupationsFirst_WithTheirProfileSource()
    {
        var result = Ranking.OccupationsFor(CipCode.Parse("51.3801"), top: 10);

        Assert.Equal("Registered Nursing/Registered Nurse", result.Program!.Title);
        Assert.Equal(["25-1072", "29-1141"], result.Occupations.Take(2).Select(o => o.Occupation.Soc.ToString()).Order());
        Assert.All(result.Occupations.Take(2), o => Assert.True(o.InCrosswalk));
        Assert.All(result.Occupations.Skip(2), o => Assert.False(o.InCrosswalk));
        var nurses = result.Occupations.Single(o => o.Occupation.Soc == SocCode.Parse("29-1141"));
        Assert.Equal(SkillProfileSource.Ratings, nurses.Source);
        Assert.True(nurses.Overlap.Count > 10);

        Assert.All(result.Occupations.Skip(2), o => Assert.True(o.Overlap.Similarity >= ProgramRanking.DefaultMinimumSimilarity));
    }

    [DataFact]
    public void OccupationsFor_OwnSkillList_IsUsedInsteadOfTheDerivedProfile()
    {
        var nursing = CipCode.Parse("51.3801");
        var own = new Dictionary<CipCode, SkillProfile> { [nursing] = SkillProfile.FromList(["Medicine and Dentistry", "Psychology", "Service Orientation"]) };
        var ranking = new ProgramRanking(ProgramsData.Crosswalk, ProgramsData.Skills, minimumSimilarity: 2, programSkills: own);

        var result = ranking.OccupationsFor(nursing);

        Assert.Equal(2, result.Occupations.Count); // a threshold above 1 lists crosswalk pairs only
        var nurses = result.Occupations.Single(o => o.Occupation.Soc == SocCode.Parse("29-1141"));
        Assert.Equal(3, nurses.Overlap.Count);
        Assert.Same(own[nursing], ranking.ProfileOf(nursing));
    }
}
