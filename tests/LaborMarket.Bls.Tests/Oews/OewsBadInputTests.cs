using System.IO.Compression;
using System.Text;
using LaborMarket.Bls.Fallback;
using LaborMarket.Bls.Oews;
using LaborMarket.Bls.Oflc;

namespace LaborMarket.Bls.Tests.Oews;

/// <summary>Data files that must never lose data silently: each is read in full, or refused with the place named.</summary>
public class OewsBadInputTests
{
    private const string Header = "AREA,AREA_TITLE,NAICS,OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,H_MEDIAN,A_MEDIAN";

    private static List<OewsEstimate> Read(string csv, List<LaborMarketFormatException>? errors = null) =>
        OewsCsvReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "test_M2024.csv", errors: errors).ToBlockingEnumerable().ToList();

    [Fact]
    public void Read_CrOnlyLineEnds_ReadsEveryRow()
    {
        var rows = Read($"{Header}\r99,U.S.,000000,15-1252,Software Developers,detailed,1654440,63.59,132270\r99,U.S.,000000,29-1141,Registered Nurses,detailed,3282010,41.38,86070\r");

        Assert.Equal(["15-1252", "29-1141"], rows.Select(r => r.Soc.ToString()));
    }

    [Theory]
    [InlineData("1e-400")]
    [InlineData("-5")]
    [InlineData("1e308")]
    [InlineData("300000000")]
    [InlineData("NaN")]
    public void Read_ImplausibleWage_IsErrorNamingLineAndColumn(string value)
    {
        var errors = new List<LaborMarketFormatException>();

        var rows = Read($"{Header}\n99,U.S.,000000,15-1252,Software Developers,detailed,1654440,63.59,{value}\n99,U.S.,000000,29-1141,Registered Nurses,detailed,3282010,41.38,86070\n", errors);

        var error = Assert.Single(errors);
        Assert.Equal((2L, "A_MEDIAN"), (error.LineNumber, error.Field));
        Assert.Equal("29-1141", Assert.Single(rows).Soc.ToString());
    }

    [Fact]
    public void Read_RowCutShort_IsErrorNotBlankWages()
    {
        var errors = new List<LaborMarketFormatException>();

        var rows = Read($"{Header}\n99,U.S.,000000,15-1252,Software Developers,detailed,1654440\n99,U.S.,000000,29-1141,Registered Nurses,detailed,3282010,41.38,86070\n", errors);

        Assert.Equal((2L, "H_MEDIAN"), (Assert.Single(errors).LineNumber, errors[0].Field));
        Assert.Single(rows);
    }

    [Theory]
    [InlineData("AREA,OCC_CODE,TOT_EMP,H_MEDIAN,A_MEDAIN", "A_MEDAIN")]
    [InlineData("AREA,OCC_CODE,TOT_EMP,H_MEDAN,A_MEDIAN", "H_MEDAN")]
    [InlineData("AREA,OCC_CODE,TOT-EMP,H_MEDIAN,A_MEDIAN", "TOT-EMP")]
    public void Read_MisspeltColumn_IsHeaderError(string header, string misspelt)
    {
        var ex = Assert.Throws<LaborMarketFormatException>(() => Read($"{header}\n99,15-1252,1,2,3\n"));

        Assert.Equal((1L, misspelt), (ex.LineNumber, ex.Field));
    }

    [Theory]
    [InlineData("0000O0")]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("00000")]
    public void Read_MistypedNaics_IsErrorNotAnIndustryRow(string naics)
    {
        var errors = new List<LaborMarketFormatException>();

        Read($"{Header}\n99,U.S.,{naics},15-1252,Software Developers,detailed,1654440,63.59,132270\n", errors);

        Assert.Equal((2L, "NAICS"), (Assert.Single(errors).LineNumber, errors[0].Field));
    }

    [Theory]
    [InlineData("541500")]
    [InlineData("31-33")]
    [InlineData("3250A1")]
    public void Read_IndustryNaics_IsSkipped(string naics)
    {
        var errors = new List<LaborMarketFormatException>();

        Assert.Empty(Read($"{Header}\n99,U.S.,{naics},15-1252,Software Developers,detailed,1654440,63.59,132270\n", errors));
        Assert.Empty(errors);
    }

    [DataFact]
    public void ReadFile_TruncatedGzip_FailsAsAWhole()
    {
        var bytes = File.ReadAllBytes(TestData.DataPath("oews/nonmetro_M2025_extract.csv.gz"));
        var path = TempFile("nonmetro_M2025_extract.csv.gz", bytes[..(bytes.Length * 2 / 3)]);
        try
        {
            var errors = new List<LaborMarketFormatException>();

            var ex = Assert.Throws<LaborMarketFormatException>(() => OewsCsvReader.ReadFile(path, errors).Count());

            Assert.Contains("damaged or cut short", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DataFact]
    public async Task OflcReadFileAsync_TruncatedGzip_FailsAsAWhole()
    {
        var bytes = File.ReadAllBytes(TestData.DataPath("oews/oflc_alc_wage_levels_2020_by_area.csv.gz"));
        var path = TempFile("oflc.csv.gz", bytes[..(bytes.Length - 100)]);
        try
        {
            await Assert.ThrowsAsync<LaborMarketFormatException>(async () =>
            {
                await foreach (var _ in OflcWageLevelReader.ReadFileAsync(path, []))
                {
                }
            });
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DataFact]
    public void LoadDirectory_DamagedXlsx_IsErrorNotSkipped()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            var bytes = File.ReadAllBytes(TestData.DataPath("oews/national_M2023_dl.xlsx"));
            File.WriteAllBytes(Path.Combine(dir, "national_M2023_dl.xlsx"), bytes[..(bytes.Length / 2)]);

            var ex = Assert.Throws<LaborMarketFormatException>(() => WageData.LoadDirectory(dir));

            Assert.Equal("national_M2023_dl.xlsx", ex.FileName);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [DataFact]
    public void ReadXlsx_CellReferenceFarPastXfd_IsTypedErrorInBoundedMemory()
    {
        var workbook = Rewrite(TestData.DataPath("oews/national_M2024_dl.xlsx"), "xl/worksheets/sheet1.xml",
            xml => ReplaceFirst(xml, "r=\"B5\"", "r=\"ZZZZZZZZZZZZ5\""));

        var result = FileMutations.Run<object, LaborMarketFormatException>("cell ref", () =>
            OewsXlsxReader.ReadAsync(new MemoryStream(workbook), "national_M2024_dl.xlsx").ToBlockingEnumerable().ToList(), maxAllocatedBytes: 400L << 20);

        Assert.Null(result);
    }

    [DataFact]
    public void ReadXlsx_HugeSharedString_IsTypedErrorInBoundedMemory()
    {
        var workbook = Rewrite(TestData.DataPath("oews/national_M2024_dl.xlsx"), "xl/sharedStrings.xml",
            xml => ReplaceFirst(xml, "<t>", "<t>" + new string('x', 5_000_000)));

        var result = FileMutations.Run<object, LaborMarketFormatException>("shared string", () =>
            OewsXlsxReader.ReadAsync(new MemoryStream(workbook), "national_M2024_dl.xlsx").ToBlockingEnumerable().ToList(), maxAllocatedBytes: 256L << 20);

        Assert.Null(result);
    }

    internal static string ReplaceFirst(string text, string what, string with)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{what}' not found");
        return string.Concat(text.AsSpan(0, at), with, text.AsSpan(at + what.Length));
    }

    internal static byte[] Rewrite(string xlsx, string entryName, Func<string, string> edit)
    {
        using var output = new MemoryStream();
        using (var source = ZipFile.OpenRead(xlsx))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                if (entry.FullName == entryName)
                {
                    var text = new StreamReader(from).ReadToEnd();
                    using var w = new StreamWriter(to, new UTF8Encoding(false));
                    w.Write(edit(text));
                }
                else
                {
                    from.CopyTo(to);
                }
            }
        }

        return output.ToArray();
    }

    internal static string TempFile(string name, byte[] bytes)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
