using System.IO.Compression;
using LaborMarket.Bls.Oews;
using LaborMarket.Bls.Oflc;

namespace LaborMarket.Bls.Tests.Oews;

/// <summary>
/// Seeded hostile-input suites over slices of the real OEWS and OFLC files: only typed errors escape, within
/// generous time and memory bounds, and a change that must be refused is refused (never a silently different
/// result). <c>LABORMARKET_FUZZ_LONG=1</c> runs ten times as many cases.
/// </summary>
public class OewsFuzzTests
{
    private static readonly string[] CheckedColumns = ["AREA", "NAICS", "OCC_CODE", "TOT_EMP", "H_MEAN", "A_MEAN", "H_MEDIAN", "A_PCT10", "A_PCT25", "A_MEDIAN", "A_PCT75", "A_PCT90"];

    private static List<OewsEstimate> ReadCsv(byte[] bytes, List<LaborMarketFormatException>? errors = null) =>
        OewsCsvReader.ReadAsync(new MemoryStream(bytes), "national_M2024_dl.csv", errors: errors).ToBlockingEnumerable().ToList();

    private static List<OewsEstimate> ReadFile(string name, byte[] bytes)
    {
        var path = OewsBadInputTests.TempFile(name, bytes);
        try
        {
            return OewsCsvReader.ReadFile(path, null).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [DataFact]
    public void Csv_Truncated_RefusedOrAPrefixOfTheRows()
    {
        var original = FileMutations.Head(TestData.DataPath("oews/national_M2024_dl.csv"), 150);
        var expected = ReadCsv(original);
        foreach (var (name, bytes) in FileMutations.Truncations(original, seed: 1, FileMutations.Cases(40)))
        {
            var rows = FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(name, () => ReadCsv(bytes));
            if (rows is { Count: > 0 })
            {
                // Plain CSV has no end marker: only the last row may differ (cut inside its last field).
                Assert.Equal(expected.Take(rows.Count - 1), rows.Take(rows.Count - 1));
            }
        }
    }

    [DataFact]
    public void Csv_BytesChanged_OnlyTypedErrors()
    {
        var original = FileMutations.Head(TestData.DataPath("oews/national_M2024_dl.csv"), 150);
        foreach (var (name, bytes) in FileMutations.ByteFlips(original, seed: 2, FileMutations.Cases(60)))
        {
            FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(name, () => ReadCsv(bytes, []));
            FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(name, () => ReadCsv(bytes));
        }
    }

    [DataFact]
    public void Csv_FieldEditedToRefusedValue_IsReportedAtItsLineAndColumnAndOtherRowsKept()
    {
        var original = FileMutations.Head(TestData.DataPath("oews/national_M2024_dl.csv"), 150);
        var expected = ReadCsv(original);
        var header = ReadHeader(original);
        var columns = CheckedColumns.Select(c => Array.IndexOf(header, c)).Where(i => i >= 0).ToArray();
        var seed = 3;
        for (var i = 0; i < FileMutations.Cases(4); i++)
        {
            foreach (var value in FileMutations.RefusedValues)
            {
                var (bytes, line, field) = FileMutations.EditField(original, seed++, value, columns);
                var errors = new List<LaborMarketFormatException>();

                var rows = FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(value, () => ReadCsv(bytes, errors));

                Assert.NotNull(rows);
                var error = Assert.Single(errors);
                Assert.Equal((line, header[field]), (error.LineNumber, error.Field));
                Assert.Equal(expected.Count - 1, rows.Count);
            }
        }
    }

    [DataFact]
    public void Csv_WageColumnMisspelt_IsRefused()
    {
        var original = FileMutations.Head(TestData.DataPath("oews/national_M2024_dl.csv"), 20);
        var header = ReadHeader(original);
        foreach (var column in CheckedColumns.Where(c => c != "AREA"))
        {
            var bytes = FileMutations.MisspellHeader(original, Array.IndexOf(header, column));

            var ex = Assert.Throws<LaborMarketFormatException>(() => ReadCsv(bytes));

            Assert.Equal(1, ex.LineNumber);
        }
    }

    [DataFact]
    public void Gzip_TruncatedOrBytesChanged_RefusedOrIdentical()
    {
        var original = FileMutations.Gzip(FileMutations.Head(TestData.DataPath("oews/state_M2024_extract.csv"), 300));
        var expected = ReadFile("state_M2024_extract.csv.gz", original);
        Assert.Equal(299, expected.Count);
        foreach (var (name, bytes) in FileMutations.Truncations(original, seed: 4, FileMutations.Cases(30)))
        {
            Assert.Null(FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(name, () => ReadFile("state_M2024_extract.csv.gz", bytes)));
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(original, seed: 5, FileMutations.Cases(30)))
        {
            var rows = FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(name, () => ReadFile("state_M2024_extract.csv.gz", bytes));
            if (rows is not null)
            {
                Assert.Equal(expected, rows); // a flip in the gzip header's time or name fields changes no data
            }
        }
    }

    [DataFact]
    public void Xlsx_TruncatedOrBytesChanged_OnlyTypedErrors()
    {
        var original = File.ReadAllBytes(TestData.DataPath("oews/national_M2024_dl.xlsx"));
        List<OewsEstimate> Read(byte[] bytes) =>
            OewsXlsxReader.ReadAsync(new MemoryStream(bytes), "national_M2024_dl.xlsx").ToBlockingEnumerable().ToList();

        foreach (var (name, bytes) in FileMutations.Truncations(original, seed: 6, FileMutations.Cases(8)))
        {
            Assert.Null(FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(name, () => Read(bytes)));
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(original, seed: 7, FileMutations.Cases(12)))
        {
            FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(name, () => Read(bytes));
        }
    }

    [DataFact]
    public void Xlsx_CellReferencesEdited_TypedErrorsInBoundedMemory()
    {
        var path = TestData.DataPath("oews/national_M2024_dl.xlsx");
        string[] references = ["XFE7", "AAAA7", "A99999999999999999999", "ZZZZZZZZZZZZZZZZZZZZ7", "", "7A", "B0"];
        foreach (var reference in references.Take(FileMutations.LongRun ? references.Length : 4))
        {
            var bytes = OewsBadInputTests.Rewrite(path, "xl/worksheets/sheet1.xml", xml => OewsBadInputTests.ReplaceFirst(xml, "r=\"C7\"", $"r=\"{reference}\""));

            FileMutations.Run<List<OewsEstimate>, LaborMarketFormatException>(reference, () =>
                OewsXlsxReader.ReadAsync(new MemoryStream(bytes), "national_M2024_dl.xlsx").ToBlockingEnumerable().ToList(), maxAllocatedBytes: 512L << 20);
        }
    }

    [DataFact]
    public void Oflc_TruncatedChangedOrEdited_RefusedWhereItMustBe()
    {
        byte[] text;
        using (var gz = new GZipStream(File.OpenRead(TestData.DataPath("oews/oflc_alc_wage_levels_2020_by_area.csv.gz")), CompressionMode.Decompress))
        {
            using var all = new MemoryStream();
            var buffer = new byte[1 << 16];
            while (all.Length < 40_000 && gz.Read(buffer) is var n and > 0)
            {
                all.Write(buffer, 0, n);
            }

            var s = System.Text.Encoding.UTF8.GetString(all.ToArray());
            text = System.Text.Encoding.UTF8.GetBytes(s[..(s.LastIndexOf('\n', 30_000) + 1)]);
        }

        var original = FileMutations.Gzip(text);
        var expected = ReadOflc(original, null);
        foreach (var (name, bytes) in FileMutations.Truncations(original, seed: 8, FileMutations.Cases(20)))
        {
            Assert.Null(FileMutations.Run<List<OflcWageLevels>, LaborMarketFormatException>(name, () => ReadOflc(bytes, [])));
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(text, seed: 9, FileMutations.Cases(30)))
        {
            FileMutations.Run<List<OflcWageLevels>, LaborMarketFormatException>(name, () => ReadOflc(FileMutations.Gzip(bytes), []));
        }

        var seed = 10;
        foreach (var value in FileMutations.RefusedValues)
        {
            var (bytes, line, field) = FileMutations.EditField(text, seed++, value, [0, 2, 3, 4, 5, 6]);
            var errors = new List<LaborMarketFormatException>();

            var rows = ReadOflc(FileMutations.Gzip(bytes), errors);

            Assert.Equal(line, Assert.Single(errors).LineNumber);
            Assert.Equal(expected.Count - 1, rows.Count);
            Assert.NotNull(field.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static List<OflcWageLevels> ReadOflc(byte[] gz, List<LaborMarketFormatException>? errors)
    {
        var path = OewsBadInputTests.TempFile("oflc.csv.gz", gz);
        try
        {
            return OflcWageLevelReader.ReadFileAsync(path, errors).ToBlockingEnumerable().ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] ReadHeader(byte[] csv)
    {
        using var reader = new LaborMarket.Files.DelimitedTextReader(new StringReader(System.Text.Encoding.UTF8.GetString(csv)), "h");
        return reader.ReadHeader().ToArray();
    }
}
