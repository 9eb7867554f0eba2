using LaborMarket.Bls.Oflc;

namespace LaborMarket.Bls.Tests.Oews;

public class OflcWageLevelReaderTests
{
    [DataFact]
    public async Task ReadFileAsync_RealFile_ReadsEveryRowWithBlanksAsNull()
    {
        var rows = new List<OflcWageLevels>();
        await foreach (var r in OflcWageLevelReader.ReadFileAsync(TestData.DataPath("oews/oflc_alc_wage_levels_2020_by_area.csv.gz")))
        {
            rows.Add(r);
        }

        Assert.Equal(437_060, rows.Count);
        Assert.Equal(533, rows.Select(r => r.Area).Distinct().Count());
        Assert.Equal(820, rows.Select(r => r.Soc).Distinct().Count());
        Assert.All(rows, r => Assert.Contains(r.Area.Level, new[] { AreaLevel.Metro, AreaLevel.Nonmetro }));
        var blankShare = rows.Count(r => r.IsBlank) / (double)rows.Count;
        Assert.InRange(blankShare, 0.03, 0.06);
        var gm = rows.Single(r => r.Area.ToString() == "0100001" && r.Soc.ToString() == "11-1021");
        Assert.Equal(39.86, gm.Level1Hourly);
        Assert.True(gm.Level1Hourly < gm.Level2Hourly && gm.Level2Hourly < gm.Level3Hourly && gm.Level3Hourly < gm.Level4Hourly);
        Assert.Equal("15-1252", rows.First(r => r.Soc.ToString() == "15-1132").Soc2018.ToString());
    }

    [Fact]
    public async Task ReadFileAsync_BadLevel_NamesLineAndColumnAndKeepsGoodRows()
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, "area_code,area_name,soc_code,level1_hourly,level2_hourly,level3_hourly,level4_hourly\n" +
            "45300,\"Tampa, FL\",29-1141,30.1,35.2,40.3,45.4\n45300,\"Tampa, FL\",15-1132,lots,1,2,3\n45300,\"Tampa, FL\",47-2111,20,22,24,26\n");
        var errors = new List<LaborMarketFormatException>();

        var rows = new List<OflcWageLevels>();
        await foreach (var r in OflcWageLevelReader.ReadFileAsync(path, errors))
        {
            rows.Add(r);
        }

        Assert.Equal(["29-1141", "47-2111"], rows.Select(r => r.Soc.ToString()));
        var e = Assert.Single(errors);
        Assert.Equal(3, e.LineNumber);
        Assert.Equal("level1_hourly", e.Field);
        await Assert.ThrowsAsync<LaborMarketFormatException>(async () =>
        {
            await foreach (var _ in OflcWageLevelReader.ReadFileAsync(path))
            {
            }
        });
    }
}
