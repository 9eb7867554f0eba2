using System.Text;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Tests.Oews;

public class OewsCsvReaderTests
{
    private static async Task<List<OewsEstimate>> Read(string csv, string name = "test_M2024.csv", ICollection<LaborMarketFormatException>? errors = null)
    {
        var rows = new List<OewsEstimate>();
        await foreach (var r in OewsCsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), name, errors: errors))
        {
            rows.Add(r);
        }

        return rows;
    }

    [DataTheory]
    [InlineData(2020, 1329, 208_000d)]
    [InlineData(2021, 1403, 208_000d)]
    [InlineData(2022, 1402, 239_200d)]
    [InlineData(2023, 1403, 239_200d)]
    [InlineData(2024, 1403, 239_200d)]
    public async Task ReadFileAsync_NationalFile_ReadsEveryRowWithTypedMarkers(int year, int rows, double topCode)
    {
        var list = new List<OewsEstimate>();
        await foreach (var r in OewsCsvReader.ReadFileAsync(TestData.DataPath($"oews/national_M{year}_dl.csv")))
        {
            list.Add(r);
        }

        Assert.Equal(rows, list.Count);
        Assert.All(list, r => Assert.Equal(year, r.Year));
        Assert.All(list, r => Assert.Equal(AreaLevel.National, r.Area.Level));
        var topCoded = list.Where(r => r.AnnualP90.IsLowerBound).ToList();
        Assert.NotEmpty(topCoded);
        Assert.All(topCoded, r => Assert.Equal(topCode, r.AnnualP90.Value));
        var annualOnly = list.Where(r => r.AnnualOnly).ToList();
        Assert.NotEmpty(annualOnly);
        Assert.All(annualOnly, r => Assert.Equal(OewsMarker.WageNotAvailable, r.HourlyMedian.Marker));
        Assert.DoesNotContain(list, r => r.AnnualMedian.Marker == OewsMarker.None && r.AnnualMedian.Value == 0);
        Assert.Equal(OccupationGroup.Major, list.Single(r => r.Soc.ToString() == "15-0000").Group);
    }

    [DataFact]
    public async Task ReadFileAsync_GzippedNonmetroExtract_ReadsSevenDigitAreas()
    {
        var count = 0;
        var areas = new HashSet<OewsAreaCode>();
        await foreach (var r in OewsCsvReader.ReadFileAsync(TestData.DataPath("oews/nonmetro_M2025_extract.csv.gz")))
        {
            count++;
            areas.Add(r.Area);
            Assert.Equal(AreaLevel.Nonmetro, r.Area.Level);
            Assert.Equal(2025, r.Year);
        }

        Assert.Equal(45_542, count);
        Assert.Equal(137, areas.Count);
    }

    [Fact]
    public async Task ReadAsync_LowerCaseHeaderAndOccGroup_AreAccepted()
    {
        var rows = await Read("area,area_title,occ_code,occ_title,occ_group,tot_emp,a_median\n99,U.S.,15-1252,Software Developers,detailed,\"1,654,440\",133080\n", "nat_2019.csv");

        var r = Assert.Single(rows);
        Assert.Equal(2019, r.Year);
        Assert.Equal(OccupationGroup.Detailed, r.Group);
        Assert.Equal(1_654_440, r.Employment.Value);
        Assert.Equal(OewsMarker.Blank, r.HourlyMedian.Marker);
    }

    [Fact]
    public async Task ReadAsync_IndustryRows_AreSkipped()
    {
        var rows = await Read("AREA,NAICS,OCC_CODE,A_MEDIAN\n99,000000,15-1252,133080\n99,541500,15-1252,140000\n");

        Assert.Equal(133_080, Assert.Single(rows).AnnualMedian.Value);
    }

    [Fact]
    public async Task ReadAsync_WrongHeader_NamesLine1AndColumn()
    {
        var ex = await Assert.ThrowsAsync<LaborMarketFormatException>(() => Read("state,title,wage\nFL,Nurse,1\n", "bad.csv"));

        Assert.Equal("bad.csv", ex.FileName);
        Assert.Equal(1, ex.LineNumber);
        Assert.Equal("AREA", ex.Field);
    }

    [Fact]
    public async Task ReadAsync_NonNumericCellOnLine3_NamesLineAndColumn()
    {
        var ex = await Assert.ThrowsAsync<LaborMarketFormatException>(() =>
            Read("AREA,OCC_CODE,A_MEDIAN,TOT_EMP\n99,15-1252,133080,10\n99,29-1141,lots,20\n"));

        Assert.Equal(3, ex.LineNumber);
        Assert.Equal("A_MEDIAN", ex.Field);
        Assert.Contains("'lots'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_CollectErrors_KeepsEveryGoodRow()
    {
        var errors = new List<LaborMarketFormatException>();

        var rows = await Read("AREA,OCC_CODE,A_MEDIAN\n99,15-1252,133080\n99,29-1141,n/a\n99\nXX,11-1011,1\n99,47-2111,61590\n", errors: errors);

        Assert.Equal(["15-1252", "47-2111"], rows.Select(r => r.Soc.ToString()));
        Assert.Equal([3L, 4L, 5L], errors.Select(e => e.LineNumber));
        Assert.Equal(["A_MEDIAN", "OCC_CODE", "AREA"], errors.Select(e => e.Field));
    }

    [Fact]
    public async Task ReadAsync_NoYearAnywhere_SaysHowToGiveIt()
    {
        var ex = await Assert.ThrowsAsync<LaborMarketFormatException>(() => Read("AREA,OCC_CODE,A_MEDIAN\n99,15-1252,1\n", "wages.csv"));

        Assert.Equal("YEAR", ex.Field);
    }
}
