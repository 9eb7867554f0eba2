using LaborMarket.Onet.FeaturedRoles;
using LaborMarket.Onet.Skills;

namespace LaborMarket.Onet.Tests.FeaturedRoles;

public class FeaturedRoleSimilarityTests
{
    private static FeaturedRole Role(string id, string code, params string[] skills) =>
        new() { Id = id, Employer = "Acme", Title = id, Code = OnetSocCode.Parse(code), Skills = skills };

    [DataFact]
    public void FindSimilar_RealOnetProfiles_RanksBySocLevelThenSkills()
    {
        var tester = Role("qa", "15-1253.00");
        var candidates = new[]
        {
            Role("electrician", "47-2111.00"), Role("nurse", "29-1141.00"), Role("web-admin", "15-1299.01"), Role("analyst", "15-1211.00"),
            Role("developer", "15-1252.00"), Role("programmer", "15-1251.00"), Role("qa-2", "15-1253.00"), tester,
        };

        var similar = FeaturedRoleSimilarity.FindSimilar(tester, candidates, RealOnet.Skills, top: 20);

        Assert.DoesNotContain(similar, s => s.Role.Id == "qa");
        Assert.Equal("qa-2", similar[0].Role.Id);
        Assert.Equal(SocMatch.SameOccupation, similar[0].Match);
        Assert.Equal(1.0, similar[0].Similarity);
        Assert.Equal(["programmer", "developer"], similar.Where(s => s.Match == SocMatch.BroadOccupation).Select(s => s.Role.Id));
        Assert.Equal(["analyst", "web-admin"], similar.Where(s => s.Match == SocMatch.MinorGroup).Select(s => s.Role.Id).Order());
        Assert.True(similar.Zip(similar.Skip(1)).All(p => p.First.Match > p.Second.Match || (p.First.Match == p.Second.Match && p.First.Similarity >= p.Second.Similarity)));

        // 15-1252 has no 29.0 ratings: its profile is technology and tools, which shares no names with rated skills.
        Assert.Equal(SkillProfileSource.TechnologyAndTools, RealOnet.Skills.For(OnetSocCode.Parse("15-1252.00")).Source);
        Assert.Equal(0, similar.Single(s => s.Role.Id == "developer").Similarity);

        // A computer occupation shares more rated skills with another computer occupation than with an electrician.
        var analyst = similar.Single(s => s.Role.Id == "analyst");
        var electrician = similar.SingleOrDefault(s => s.Role.Id == "electrician");
        Assert.True(analyst.Similarity > (electrician?.Similarity ?? 0));
        Assert.Contains("Programming", analyst.SharedSkills);
        foreach (var s in similar)
        {
            var expected = SkillOverlap.Between(RealOnet.Skills.For(tester.Code), RealOnet.Skills.For(s.Role.Code));
            Assert.Equal(Math.Round(expected.Similarity, 4), s.Similarity);
            Assert.Equal(expected.Count, s.SharedSkills.Count);
        }
    }

    [Fact]
    public void FindSimilar_OwnSkillLists_MatchIgnoringCaseAndDropUnrelatedRoles()
    {
        var role = Role("backend", "15-1252.00", "Python", "SQL", "Kubernetes");
        var candidates = new[] { Role("data", "15-2051.00", "python", "Excel", "sql"), Role("chef", "35-1011.00", "Knife skills"), Role("qa", "15-1253.00") };

        var similar = FeaturedRoleSimilarity.FindSimilar(role, candidates);

        Assert.Equal(["qa", "data"], similar.Select(s => s.Role.Id));
        Assert.Equal(SocMatch.BroadOccupation, similar[0].Match);
        Assert.Equal(SocMatch.None, similar[1].Match);
        Assert.Equal(["Python", "SQL"], similar[1].SharedSkills.Order());
        Assert.Equal(0.5, similar[1].Similarity); // 2 shared of 4 distinct skills
    }

    [Theory]
    [InlineData("15-1252.00", "15-1252.00", SocMatch.SameOccupation)]
    [InlineData("15-1299.01", "15-1299.08", SocMatch.DetailedOccupation)]
    [InlineData("15-1252.00", "15-1253.00", SocMatch.BroadOccupation)]
    [InlineData("15-1252.00", "15-1211.00", SocMatch.MinorGroup)]
    [InlineData("15-1252.00", "15-2051.00", SocMatch.None)]
    public void MatchOf_TwoCodes_IsTheirClosestCommonLevel(string first, string second, SocMatch expected) =>
        Assert.Equal(expected, FeaturedRoleSimilarity.MatchOf(OnetSocCode.Parse(first), OnetSocCode.Parse(second)));
}
