using LaborMarket.Bls.Fallback;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Tests.Oews;

public class WageIndexTests
{
    [DataFact]
    public void SaveLoad_RealIndex_RoundTripsEveryRow()
    {
        var index = WageData.LoadDirectory(TestData.DataPath("")).Index;
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid() + ".lmwage");
        try
        {
            index.Save(path);
            var loaded = WageIndex.Load(path);

            Assert.Equal(index.Count, loaded.Count);
            Assert.Equal(index.Years, loaded.Years);
            var expected = index.Rows.ToDictionary(r => (r.Area, r.Soc, r.Year, r.Group));
            foreach (var row in loaded.Rows)
            {
                Assert.Equal(expected[(row.Area, row.Soc, row.Year, row.Group)], row);
            }

            var crosswalk = WageData.LoadDirectory(TestData.DataPath("")).Crosswalk;
            var answer = new WageLookup(loaded, crosswalk).Find(SocCode.Parse("29-1141"), WageLocation.ForCounty(CountyFips.Parse("12103")));
            Assert.Equal("45300", answer.Area.ToString());
            Assert.True(new FileInfo(path).Length < 20_000_000);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_TruncatedFile_SaysTruncated()
    {
        var path = Path.GetTempFileName();
        var index = WageIndex.Build(
        [
            new OewsEstimate { Area = OewsAreaCode.National, AreaTitle = "U.S.", Soc = SocCode.Parse("15-1252"), OccupationTitle = "Software Developers", Year = 2024, AnnualMedian = new OewsValue(133_080, OewsMarker.None) },
            new OewsEstimate { Area = OewsAreaCode.National, AreaTitle = "U.S.", Soc = SocCode.Parse("29-1141"), OccupationTitle = "Registered Nurses", Year = 2024, AnnualP90 = new OewsValue(239_200, OewsMarker.TopCoded) },
        ]);
        index.Save(path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 20)]);

        var ex = Assert.Throws<LaborMarketFormatException>(() => WageIndex.Load(path));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotAnIndex_SaysSo()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "AREA,OCC_CODE\n99,15-1252\n");

        var ex = Assert.Throws<LaborMarketFormatException>(() => WageIndex.Load(path));

        Assert.Equal("magic", ex.Field);
    }
}
