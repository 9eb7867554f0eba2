using LaborMarket.Files;

namespace LaborMarket.Core.Tests.Files;

public class XlsxSheetTests
{
    [DataFact]
    public void Rows_OfficialSocCrosswalkWorkbook_EveryRowMatchesTheMap()
    {
        // The BLS workbook as published: 8 title rows, the header on row 9, then 900 (2010, 2018) pairs.
        using var stream = File.OpenRead(TestData.DataPath("crosswalks/soc_2010_to_2018_crosswalk.xlsx"));
        var rows = XlsxSheet.Rows(stream, "soc_2010_to_2018_crosswalk.xlsx", "Sorted by 2010").SkipWhile(r => r.Cells.FirstOrDefault() != "2010 SOC Code").Skip(1)
            .Where(r => !string.IsNullOrWhiteSpace(r.Cells.FirstOrDefault())).ToArray();

        Assert.Equal(900, rows.Length);
        Assert.Equal(10, rows[0].Row);
        var official = rows.GroupBy(r => r.Cells[0]!, r => r.Cells[2]!).ToDictionary(g => g.Key, g => g.Order().ToArray());
        Assert.Equal(840, official.Count);
        foreach (var (from, to) in official)
        {
            Assert.Equal(to, SocCrosswalk.From2010All(SocCode.Parse(from)).Select(s => s.ToString()).Order());
        }
    }

    [DataFact]
    public void Rows_SheetByName_MissingSheet_NamesTheSheets()
    {
        using var stream = File.OpenRead(TestData.DataPath("crosswalks/soc_2010_to_2018_crosswalk.xlsx"));

        var ex = Assert.Throws<LaborMarketFormatException>(() => XlsxSheet.Rows(stream, "soc.xlsx", "CIP-SOC").ToArray());

        Assert.Equal("soc.xlsx", ex.FileName);
        Assert.Contains("'CIP-SOC'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Sorted by 2010", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_NotAWorkbook_IsATypedError()
    {
        using var stream = new MemoryStream("CIP2020Code,CIP2020Title\n"u8.ToArray());

        var ex = Assert.Throws<LaborMarketFormatException>(() => XlsxSheet.Rows(stream, "fake.xlsx", "CIP-SOC").ToArray());

        Assert.Equal("fake.xlsx", ex.FileName);
    }
}
