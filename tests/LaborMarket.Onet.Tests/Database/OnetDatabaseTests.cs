using LaborMarket.Onet;
using LaborMarket.Onet.Database;

namespace LaborMarket.Onet.Tests.Database;

public class OnetDatabaseTests
{
    private static readonly Lazy<OnetDatabase> Real = new(() => OnetDatabase.Load(TestData.DataPath("onet/db_27_0_text")));

    [DataFact]
    public void Load_RealRelease_ReadsEveryFile()
    {
        var db = Real.Value;

        Assert.Equal(1016, db.Codes.Count);
        var all = db.Codes.Select(c => db.Find(c)!).ToList();
        Assert.Equal(19_265, all.Sum(p => p.Tasks.Count));
        Assert.Equal(30_826, all.Sum(p => p.TechnologySkills.Count));
        Assert.Equal(41_644, all.Sum(p => p.Tools.Count));
        Assert.Equal(18_460, all.Sum(p => p.Related.Count));
        Assert.Equal(923, all.Count(p => p.JobZone is not null));
        Assert.Equal(52_754, all.Sum(p => p.AlternateTitles.Count));
    }

    [DataFact]
    public void Find_RegisteredNurses_HasTasksToolsEducationAndZone()
    {
        var rn = Real.Value.Find(SocCode.Parse("29-1141"))!;

        Assert.Equal("29-1141.00", rn.Code.ToString());
        Assert.Equal("Registered Nurses", rn.Title);
        Assert.Contains(rn.Tasks, t => t.Statement.Contains("patient", StringComparison.OrdinalIgnoreCase));
        Assert.True(rn.Tasks[0].IsCore);
        Assert.Contains(rn.Tools, t => t.Example.Contains("stethoscope", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(4, rn.JobZone);
        Assert.NotEmpty(rn.Education);
        Assert.Equal(100, rn.Education.Sum(e => e.Percent), 1);
        Assert.StartsWith("Less than a High School Diploma", rn.Education[0].Level, StringComparison.Ordinal);
        Assert.All(rn.Related, r => Assert.False(string.IsNullOrEmpty(r.Title)));
    }

    [DataFact]
    public void Find_SoftwareDevelopers_ListsHotTechnologiesFirst()
    {
        var dev = Real.Value.Find(OnetSocCode.Parse("15-1252.00"))!;

        Assert.True(dev.TechnologySkills[0].IsHotTechnology);
        Assert.Contains(dev.TechnologySkills, t => t.Example == "Python");
        Assert.Equal(4, dev.JobZone);
    }

    [DataFact]
    public void Find_UnknownCode_IsNull()
    {
        Assert.Null(Real.Value.Find(OnetSocCode.Parse("99-9999.00")));
        Assert.Null(Real.Value.Find(SocCode.Parse("15-9999")));
    }

    [Fact]
    public void Load_BadTaskId_NamesFileLineAndColumn()
    {
        var dir = Directory.CreateTempSubdirectory("onet-").FullName;
        File.WriteAllText(Path.Combine(dir, "Occupation Data.txt"), "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tWrite code.\n");
        File.WriteAllText(Path.Combine(dir, "Task Statements.txt"), "O*NET-SOC Code\tTask ID\tTask\tTask Type\n15-1252.00\t1\tCode.\tCore\n15-1252.00\tx2\tTest.\tCore\n");

        var ex = Assert.Throws<LaborMarketFormatException>(() => OnetDatabase.Load(dir));

        Assert.Equal("Task Statements.txt", ex.FileName);
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("Task ID", ex.Field);
    }
}
