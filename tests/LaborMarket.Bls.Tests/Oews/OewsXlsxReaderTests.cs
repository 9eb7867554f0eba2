using System.IO.Compression;
using System.Text;
using LaborMarket.Bls.Oews;

namespace LaborMarket.Bls.Tests.Oews;

public class OewsXlsxReaderTests
{
    private static async Task<List<OewsEstimate>> ReadAll(IAsyncEnumerable<OewsEstimate> rows)
    {
        var list = new List<OewsEstimate>();
        await foreach (var r in rows)
        {
            list.Add(r);
        }

        return list;
    }

    [DataTheory]
    [InlineData(2020)]
    [InlineData(2021)]
    [InlineData(2022)]
    [InlineData(2023)]
    [InlineData(2024)]
    public async Task ReadFileAsync_OfficialNationalXlsx_MatchesTheCsvOfTheSameYearRowForRow(int year)
    {
        var xlsx = await ReadAll(OewsXlsxReader.ReadFileAsync(TestData.DataPath($"oews/national_M{year}_dl.xlsx")));
        var csv = await ReadAll(OewsCsvReader.ReadFileAsync(TestData.DataPath($"oews/national_M{year}_dl.csv")));

        Assert.Equal(csv.Count, xlsx.Count);
        for (var i = 0; i < csv.Count; i++)
        {
            Assert.Equal(csv[i], xlsx[i]);
        }
    }

    [DataFact]
    public async Task ReadAsync_NonSeekableStream_IsBuffered()
    {
        var bytes = await File.ReadAllBytesAsync(TestData.DataPath("oews/national_M2024_dl.xlsx"));

        var rows = await ReadAll(OewsXlsxReader.ReadAsync(new ForwardOnlyStream(bytes), "national_M2024_dl.xlsx"));

        Assert.Equal(1403, rows.Count);
    }

    [Fact]
    public async Task ReadAsync_NotAWorkbook_NamesTheFile()
    {
        var ex = await Assert.ThrowsAsync<LaborMarketFormatException>(() =>
            ReadAll(OewsXlsxReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("AREA,OCC_CODE\n99,00-0000\n")), "oews_M2024.xlsx")));

        Assert.Equal("oews_M2024.xlsx", ex.FileName);
        Assert.Contains("not a readable .xlsx", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadNumberAndDataOnSecondSheet_NamesRowAndColumnAndKeepsGoodRows()
    {
        var workbook = Workbook(
            ("Field descriptions", [["Field", "Description"], ["AREA", "area code"]]),
            ("All May 2024 data", [
                ["area", "area_title", "occ_code", "occ_title", "o_group", "tot_emp", "a_median"],
                ["99", "U.S.", "29-1141", "Registered Nurses", "detailed", "3282010", "86070"],
                ["99", "U.S.", "15-1252", "Software Developers", "detailed", "1654440", "lots"],
                ["99", "U.S.", "11-1011", "Chief Executives", "detailed", "211230", "#"],
            ]));
        var errors = new List<LaborMarketFormatException>();

        var rows = await ReadAll(OewsXlsxReader.ReadAsync(workbook, "custom_M2024.xlsx", errors: errors));

        Assert.Equal(["29-1141", "11-1011"], rows.Select(r => r.Soc.ToString()));
        Assert.Equal(239_200d, rows[1].AnnualMedian.Value);
        var error = Assert.Single(errors);
        Assert.Equal(3, error.LineNumber);
        Assert.Equal("A_MEDIAN", error.Field);
    }

    /// <summary>A minimal workbook: inline strings, one sheet per entry.</summary>
    private static MemoryStream Workbook(params (string Name, string[][] Rows)[] sheets)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Write(string path, string text)
            {
                using var w = new StreamWriter(zip.CreateEntry(path).Open());
                w.Write(text);
            }

            var list = new StringBuilder();
            var rels = new StringBuilder();
            for (var s = 0; s < sheets.Length; s++)
            {
                list.Append($"<sheet name=\"{sheets[s].Name}\" sheetId=\"{s + 1}\" r:id=\"rId{s + 1}\"/>");
                rels.Append($"<Relationship Id=\"rId{s + 1}\" Type=\"worksheet\" Target=\"worksheets/sheet{s + 1}.xml\"/>");
                var data = new StringBuilder();
                for (var r = 0; r < sheets[s].Rows.Length; r++)
                {
                    data.Append($"<row r=\"{r + 1}\">");
                    for (var c = 0; c < sheets[s].Rows[r].Length; c++)
                    {
                        var value = sheets[s].Rows[r][c];
                        var reference = $"{(char)('A' + c)}{r + 1}";
                        data.Append(double.TryParse(value, out _)
                            ? $"<c r=\"{reference}\"><v>{value}</v></c>"
                            : $"<c r=\"{reference}\" t=\"inlineStr\"><is><t>{value}</t></is></c>");
                    }

                    data.Append("</row>");
                }

                Write($"xl/worksheets/sheet{s + 1}.xml", $"<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>{data}</sheetData></worksheet>");
            }

            Write("xl/workbook.xml", $"<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>{list}</sheets></workbook>");
            Write("xl/_rels/workbook.xml.rels", $"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">{rels}</Relationships>");
        }

        stream.Position = 0;
        return stream;
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

public class WageDataXlsxTests
{
    [DataFact]
    public void LoadDirectory_FolderWithOnlyAnXlsx_IndexesIt()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            // A link to the official workbook, so the folder holds only that file (no copy of the data).
            File.CreateSymbolicLink(Path.Combine(dir, "national_M2023_dl.xlsx"), TestData.DataPath("oews/national_M2023_dl.xlsx"));

            var lookup = LaborMarket.Bls.Fallback.WageData.LoadDirectory(dir);

            Assert.Equal(1403, lookup.Index.Count);
            Assert.Equal([2023], lookup.Index.Years);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
