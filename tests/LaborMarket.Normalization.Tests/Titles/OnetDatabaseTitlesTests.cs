using System.IO.Compression;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

public class OnetDatabaseTitlesTests
{
    [DataFact]
    public void Create_WithOnetDatabase_ReachesEveryOccupation()
    {
        var n = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = TitleEvaluation.OnetDb });
        var codes = n.Roles.Select(r => r.OnetSoc).Distinct().Count();

        Assert.True(n.HasOnetDatabase);
        Assert.Equal(1016, codes);
        Assert.True(n.DictionarySize > 60_000, $"{n.DictionarySize} titles");
        var m = n.Normalize("Wind Turbine Technician");
        Assert.Equal("49-9081", m.SocCode?.ToString());
        var onetOnly = n.Normalize("Brownfield Redevelopment Specialist");
        Assert.Equal("11-9199.11", onetOnly.OnetSocCode?.ToString());
        Assert.Equal(RoleSource.Onet, onetOnly.Role!.Source);
    }

    [DataFact]
    public void Create_FromZip_MatchesFolder()
    {
        var zip = Path.Combine(Path.GetTempPath(), $"onet-{Guid.NewGuid():N}.zip");
        try
        {
            using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            {
                foreach (var file in new[] { "Occupation Data.txt", "Alternate Titles.txt", "Sample of Reported Titles.txt" })
                {
                    archive.CreateEntryFromFile(Path.Combine(TitleEvaluation.OnetDb, file), "db_27_0_text/" + file);
                }
            }

            var fromZip = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = zip });
            var fromFolder = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = TitleEvaluation.OnetDb });

            Assert.Equal(fromFolder.DictionarySize, fromZip.DictionarySize);
        }
        finally
        {
            File.Delete(zip);
        }
    }

    [Fact]
    public void Create_BadHeader_NamesFileLineAndColumn()
    {
        var dir = Database(("Occupation Data.txt", "Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tWrite code.\n"));

        var ex = Assert.Throws<LaborMarketFormatException>(() => TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = dir }));

        Assert.Equal("Occupation Data.txt", ex.FileName);
        Assert.Equal(1, ex.LineNumber);
        Assert.Equal("O*NET-SOC Code", ex.Field);
    }

    [Fact]
    public void Create_BadCodeOnLine3_NamesTheLine()
    {
        var dir = Database(("Occupation Data.txt",
            "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tWrite code.\n15-12X2.00\tBroken\tx\n"));

        var ex = Assert.Throws<LaborMarketFormatException>(() => TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = dir }));

        Assert.Equal(3, ex.LineNumber);
        Assert.Contains("15-12X2.00", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_TruncatedRow_NamesTheLine()
    {
        var dir = Database(
            ("Occupation Data.txt", "O*NET-SOC Code\tTitle\tDescription\n15-1252.00\tSoftware Developers\tWrite code.\n"),
            ("Alternate Titles.txt", "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n15-1252.00\tCoder\tn/a\t08\n15-1252.00\tHacker"));

        var ex = Assert.Throws<LaborMarketFormatException>(() => TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = dir }));

        Assert.Equal("Alternate Titles.txt", ex.FileName);
        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("Short Title", ex.Field);
    }

    [Fact]
    public void Create_MissingOccupationData_SaysWhichFile()
    {
        var dir = Database(("Alternate Titles.txt", "O*NET-SOC Code\tAlternate Title\tShort Title\n"));

        var ex = Assert.Throws<FileNotFoundException>(() => TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = dir }));

        Assert.Contains("Occupation Data.txt", ex.Message, StringComparison.Ordinal);
    }

    private static string Database(params (string Name, string Text)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("onet-").FullName;
        foreach (var (name, text) in files)
        {
            File.WriteAllText(Path.Combine(dir, name), text);
        }

        return dir;
    }
}
