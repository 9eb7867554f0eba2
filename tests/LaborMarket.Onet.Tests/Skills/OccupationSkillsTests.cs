using LaborMarket.Onet.Skills;
using LaborMarket.Onet.Tests.Programs;

namespace LaborMarket.Onet.Tests.Skills;

public class OccupationSkillsTests
{
    private static OccupationSkills Skills => ProgramsData.Skills;

    [DataFact]
    public void For_OccupationIn29_0_UsesSkillsAndKnowledgeRatings()
    {
        var nurses = Skills.For(SocCode.Parse("29-1141"));

        Assert.Equal(SkillProfileSource.Ratings, nurses.Source);
        Assert.Equal("29-1141.00", nurses.Code.ToString());
        Assert.Equal(878, Skills.RatedOccupations); // of 879: 41-9012.00 Models rates nothing 3 or more
        var medicine = Assert.Single(nurses.Entries, e => e.Name == "Medicine and Dentistry");
        Assert.Equal(SkillKind.Knowledge, medicine.Kind);
        Assert.Equal("2.C.5.a", medicine.Id);
        Assert.NotNull(medicine.Level);
        Assert.Contains(nurses.Entries, e => e.Kind == SkillKind.Skill && e.Name == "Active Listening");
        Assert.All(nurses.Entries, e => Assert.InRange(e.Weight, 0.5, 1)); // importance 3 to 5, rescaled
        Assert.DoesNotContain(nurses.Entries, e => e.Kind is SkillKind.Technology or SkillKind.Tool);
    }

    [DataFact]
    public void For_OccupationMissingFrom29_0_FallsBackToTechnologyAndTools_AndSaysSo()
    {
        // O*NET 29.0's Skills and Knowledge have no 15-1252.00 Software Developers; 27.0 lists its technology and tools.
        var developers = Skills.For(OnetSocCode.Parse("15-1252.00"));

        Assert.Equal(SkillProfileSource.TechnologyAndTools, developers.Source);
        Assert.Contains(developers.Entries, e => e.Kind == SkillKind.Technology && e.Name == "Python" && e.Weight == 1); // a hot technology
        Assert.Contains(developers.Entries, e => e.Kind == SkillKind.Tool);
        Assert.DoesNotContain(developers.Entries, e => e.Kind is SkillKind.Skill or SkillKind.Knowledge);
    }

    [DataFact]
    public void For_UnknownCode_IsEmptyWithSourceNone()
    {
        var none = Skills.For(OnetSocCode.Parse("99-9999.00"));

        Assert.Equal(SkillProfileSource.None, none.Source);
        Assert.Empty(none.Entries);
    }

    [DataFact]
    public void Between_NursesAndNursePractitioners_ShareMoreThanNursesAndRoofers()
    {
        var nurses = Skills.For(SocCode.Parse("29-1141"));
        var practitioners = Skills.For(SocCode.Parse("29-1171"));
        var roofers = Skills.For(SocCode.Parse("47-2181"));

        var close = SkillOverlap.Between(nurses, practitioners);
        var far = SkillOverlap.Between(nurses, roofers);

        Assert.True(close.Similarity > far.Similarity, $"{close.Similarity} vs {far.Similarity}");
        Assert.True(close.Count > far.Count);
        Assert.Contains(close.Shared, e => e.Name == "Medicine and Dentistry");
        Assert.DoesNotContain(far.Shared, e => e.Name == "Medicine and Dentistry");
        Assert.InRange(close.Similarity, 0, 1);
    }

    [DataFact]
    public void Between_OwnListByNameOrElementId_CountsSharedSkills()
    {
        var nurses = Skills.For(SocCode.Parse("29-1141"));
        var program = SkillProfile.FromList(["medicine and dentistry", "2.A.1.a", "Welding", " "]);

        var overlap = SkillOverlap.Between(nurses, program);

        Assert.Equal(3, program.Entries.Count);
        Assert.Equal(["2.A.1.a", "2.C.5.a"], overlap.Shared.Select(e => e.Id).Order());
        Assert.Equal(2, overlap.Count);
    }
}
