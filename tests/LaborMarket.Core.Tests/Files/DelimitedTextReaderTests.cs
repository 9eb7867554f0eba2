using System.IO.Compression;
using System.Text;
using LaborMarket.Files;

namespace LaborMarket.Core.Tests.Files;

/// <summary>The Core delimited-text reader, tested where its main users (the OEWS and OFLC readers) are.</summary>
public class DelimitedTextReaderTests
{
    private static List<string[]> ReadAll(string text, DelimitedTextOptions? options = null)
    {
        using var reader = new DelimitedTextReader(new StringReader(text), "t.csv", options);
        var rows = new List<string[]>();
        if ((options ?? DelimitedTextOptions.Csv).HasHeader)
        {
            rows.Add(reader.ReadHeader().ToArray());
        }

        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }

        return rows;
    }

    private static List<string[]> ReadBytes(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lm-{Guid.NewGuid():N}.csv");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var reader = DelimitedTextReader.OpenFile(path);
            var rows = new List<string[]> { reader.ReadHeader().ToArray() };
            while (reader.Read())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
            }

            return rows;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Read_EachLineEnding_ReadsSameRecordsAndLines(string newline)
    {
        using var reader = new DelimitedTextReader(new StringReader($"a,b{newline}1,2{newline}{newline}3,4{newline}"), "t.csv");

        Assert.Equal(["a", "b"], reader.ReadHeader());
        Assert.True(reader.Read());
        Assert.Equal((2L, "1", "2"), (reader.LineNumber, reader.GetString(0), reader.GetString(1)));
        Assert.True(reader.Read());
        Assert.Equal((4L, "3", "4"), (reader.LineNumber, reader.GetString(0), reader.GetString(1)));
        Assert.False(reader.Read());
    }

    [Fact]
    public void Read_UndoubledQuoteInsideQuotedField_IsAnErrorUnlessAccepted()
    {
        const string text = "a,b\n1,\"titled \"Security\" in Canada\"\n2,\"x\"\"y\"\n";

        Assert.Throws<LaborMarketFormatException>(() => ReadAll(text));
        var rows = ReadAll(text, DelimitedTextOptions.Csv with { AcceptStrayQuotes = true });
        Assert.Equal(["1", "titled \"Security\" in Canada"], rows[1]);
        Assert.Equal(["2", "x\"y"], rows[2]);
    }

    [Fact]
    public void OpenFile_Utf8WithAndWithoutBom_ReadsSameText()
    {
        var body = "name,place\nJosé,Mayagüez\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(body)).ToArray();

        var a = ReadBytes(withBom);
        var b = ReadBytes(Encoding.UTF8.GetBytes(body));

        Assert.Equal("name", a[0][0]);
        Assert.Equal(["José", "Mayagüez"], a[1]);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Read_QuotedFieldWithNewlinesCommasAndQuotes_IsOneFieldAndLinesCountOn()
    {
        var rows = ReadAll("id,text\n1,\"line one\nline \"\"two\"\", with comma\r\nthree\"\n2,plain\n");

        Assert.Equal("line one\nline \"two\", with comma\r\nthree", rows[1][1]);
        Assert.Equal(["2", "plain"], rows[2]);

        using var reader = new DelimitedTextReader(new StringReader("id,text\n1,\"a\nb\rc\"\n2,x\n"), "t.csv");
        reader.Read();
        reader.Read();
        Assert.Equal(5, reader.LineNumber);
    }

    [Fact]
    public void Read_RowCutShort_NamesLineAndMissingColumn()
    {
        using var reader = new DelimitedTextReader(new StringReader("AREA,OCC_CODE,A_MEDIAN\n99,15-1252,1\n99,15-1252\n99,11-1011,2\n"), "w.csv");
        Assert.True(reader.Read());

        var ex = Assert.Throws<LaborMarketFormatException>(() => reader.Read());

        Assert.Equal(("w.csv", 3L, "A_MEDIAN"), (ex.FileName, ex.LineNumber, ex.Field));
        Assert.False(reader.IsFaulted);
        Assert.True(reader.Read());
        Assert.Equal("11-1011", reader.GetString(1));
    }

    [Fact]
    public void Read_UnclosedQuote_IsFatalErrorWithLineAndColumn()
    {
        using var reader = new DelimitedTextReader(new StringReader("a,b\n1,2\n3,\"open\n4,5\n"), "q.csv");
        Assert.True(reader.Read());

        var ex = Assert.Throws<LaborMarketFormatException>(() => reader.Read());

        Assert.Equal((5L, "b"), (ex.LineNumber, ex.Field));
        Assert.True(reader.IsFaulted);
        Assert.Throws<LaborMarketFormatException>(() => reader.Read());
    }

    [Fact]
    public void Read_TextAfterClosingQuote_NamesColumn()
    {
        var ex = Assert.Throws<LaborMarketFormatException>(() => ReadAll("a,b\n\"x\"y,2\n"));

        Assert.Equal((2L, "a"), (ex.LineNumber, ex.Field));
    }

    [Fact]
    public void Read_LineLongerThanLimit_StopsAtLimitWithTypedError()
    {
        var options = DelimitedTextOptions.Csv with { MaxRecordLength = 4096 };
        var text = "a,b\n1," + new string('9', 20_000_000) + "\n";
        var before = GC.GetAllocatedBytesForCurrentThread();

        var ex = Assert.Throws<LaborMarketFormatException>(() => ReadAll(text, options));

        Assert.Equal(2, ex.LineNumber);
        Assert.Contains("MaxRecordLength", ex.Message, StringComparison.Ordinal);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "memory is bounded by the limit, not by the 40 MB line");
    }

    [Fact]
    public void Read_TooManyFields_IsTypedError()
    {
        var ex = Assert.Throws<LaborMarketFormatException>(() => ReadAll(new string(',', 10_000) + "\n", DelimitedTextOptions.Csv with { HasHeader = false }));

        Assert.Contains("MaxFieldCount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SmallBufferAndDefault_GiveSameRecordsOnRealFile()
    {
        var text = Encoding.UTF8.GetString(FileMutations.Head(TestData.DataPath("geo/county_cbsa_2023.csv"), 400));
        var crOnly = text.Replace("\n", "\r", StringComparison.Ordinal);

        var expected = ReadAll(text);
        var small = ReadAll(text, DelimitedTextOptions.Csv with { MaxRecordLength = 600 });

        Assert.Equal(400, expected.Count);
        Assert.Equal(expected, small);
        Assert.Equal(expected, ReadAll(crOnly, DelimitedTextOptions.Csv with { MaxRecordLength = 600 }));
    }

    [Fact]
    public void OpenFile_TruncatedOrDamagedGzip_IsTypedErrorNotFewerRows()
    {
        using var gz = new MemoryStream();
        using (var z = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
        {
            z.Write(FileMutations.Head(TestData.DataPath("oews/national_M2024_dl.csv"), 300));
        }

        var bytes = gz.ToArray();
        foreach (var cut in new[] { bytes.Length - 1, bytes.Length - 8, bytes.Length / 2, 30 })
        {
            Assert.Throws<LaborMarketFormatException>(() => ReadGz(bytes[..cut]));
        }

        var flipped = (byte[])bytes.Clone();
        flipped[bytes.Length - 6] ^= 1; // the stored CRC
        Assert.Throws<LaborMarketFormatException>(() => ReadGz(flipped));
        Assert.Equal(300, ReadGz(bytes).Count);
    }

    private static List<string[]> ReadGz(byte[] bytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lm-{Guid.NewGuid():N}.csv.gz");
        File.WriteAllBytes(path, bytes);
        try
        {
            using var reader = DelimitedTextReader.OpenFile(path);
            var rows = new List<string[]> { reader.ReadHeader().ToArray() };
            while (reader.Read())
            {
                rows.Add([reader.GetString(0)]);
            }

            return rows;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Writer_RoundTripsThroughReader()
    {
        string?[][] rows = [["a", "b,c", "d\"e"], ["line\nbreak", null, "cr\ronly"], ["", " x ", "plain"]];
        var sw = new StringWriter();
        var writer = new DelimitedTextWriter(sw);
        foreach (var r in rows)
        {
            writer.WriteRecord(r);
        }

        var back = ReadAll(sw.ToString(), DelimitedTextOptions.Csv with { HasHeader = false });

        Assert.Equal(rows.Select(r => r.Select(f => f ?? "").ToArray()), back);
    }
}
