using System.Text.Json;
using LaborMarket.Onet.FeaturedRoles;

namespace LaborMarket.Onet.Tests.FeaturedRoles;

public class CrosswalkCountsTests
{
    private static readonly FeaturedRole[] Roles =
    [
        Role("qa-1", "15-1253.00"), Role("qa-2", "15-1253.00"), Role("dev", "15-1252.00"), Role("icu-nurse", "29-1141.01"), Role("electrician", "47-2111.00"),
    ];

    // Every name is a skill or knowledge area O*NET 29.0 rates important (3+) for 15-1253.00.
    private static readonly OfferedProgram Business = new(
        CipCode.Parse("52.0201"), ["Programming", "Quality Control Analysis", "Systems Analysis", "Systems Evaluation", "Computers and Electronics", "Critical Thinking"]);

    private static readonly OfferedProgram[] Programs =
    [
        new(CipCode.Parse("11.0701"), []), new(CipCode.Parse("14.0903"), []), new(CipCode.Parse("51.3801"), []), new(CipCode.Parse("51.3808"), []), Business,
    ];

    private static FeaturedRole Role(string id, string code) => new() { Id = id, Employer = "Acme", Title = id, Code = OnetSocCode.Parse(code) };

    private static OccupationCount Row(CrosswalkCounts counts, string soc) => counts.Occupations.Single(o => o.Soc == SocCode.Parse(soc));

    [DataFact]
    public void Compute_RealCrosswalk_CountsRolesAndProgramsPerOccupation()
    {
        var counts = CrosswalkCounts.Compute(Roles, Programs, RealOnet.Crosswalk, RealOnet.Skills, minSharedSkills: 5);

        var qa = Row(counts, "15-1253");
        Assert.Equal(("Software Quality Assurance Analysts and Testers", 2, 2, 1, 3), (qa.Title, qa.Roles, qa.ProgramsByCrosswalk, qa.ProgramsBySkills, qa.Programs));
        var dev = Row(counts, "15-1252");
        Assert.Equal((1, 2, 0), (dev.Roles, dev.ProgramsByCrosswalk, dev.ProgramsBySkills)); // no 29.0 ratings: no skill link
        var nurses = Row(counts, "29-1141");
        Assert.Equal(("Registered Nurses", 1, 2), (nurses.Title, nurses.Roles, nurses.Programs)); // an O*NET specialty counts for its SOC
        Assert.Equal(1, Row(counts, "47-2111").Roles);
        Assert.Equal(1, Row(counts, "11-1021").ProgramsByCrosswalk); // business administration leads there, with no role
        Assert.Equal(qa, counts.Occupations[0]);
    }

    [DataFact]
    public void Compute_RealCrosswalk_AgreesWithTheCrosswalkAskedTheOtherWay()
    {
        var counts = CrosswalkCounts.Compute(Roles, Programs, RealOnet.Crosswalk, RealOnet.Skills);

        var offered = Programs.Select(p => p.Code).ToHashSet();
        var expectedSocs = Roles.Select(r => r.Code.Soc)
            .Concat(Programs.SelectMany(p => RealOnet.Crosswalk.OccupationsFor(p.Code)).Select(o => o.Soc)).Distinct().Order();
        Assert.Equal(expectedSocs, counts.Occupations.Select(o => o.Soc).Order());
        foreach (var row in counts.Occupations)
        {
            Assert.Equal(Roles.Count(r => r.Code.Soc == row.Soc), row.Roles);
            Assert.Equal(RealOnet.Crosswalk.ProgramsFor(row.Soc).Count(p => offered.Contains(p.Code)), row.ProgramsByCrosswalk);
            Assert.Equal(row.ProgramsByCrosswalk + row.ProgramsBySkills, row.Programs);
        }
    }

    [DataFact]
    public void Compute_WithoutSkills_CountsByCrosswalkOnly()
    {
        var counts = CrosswalkCounts.Compute(Roles, Programs, RealOnet.Crosswalk);

        Assert.Equal(0, counts.MinSharedSkills);
        Assert.All(counts.Occupations, o => Assert.Equal(0, o.ProgramsBySkills));
        Assert.Equal(2, Row(counts, "15-1253").Programs);
    }

    [DataFact]
    public void Compute_Json_RoundTrips()
    {
        var counts = CrosswalkCounts.Compute(Roles, Programs, RealOnet.Crosswalk, RealOnet.Skills);

        var json = JsonSerializer.Serialize(counts, OnetJsonContext.Default.CrosswalkCounts);

        Assert.Equal(counts, JsonSerializer.Deserialize(json, OnetJsonContext.Default.CrosswalkCounts));
        Assert.Contains("\"Soc\":\"15-1253\"", json, StringComparison.Ordinal);
    }
}
