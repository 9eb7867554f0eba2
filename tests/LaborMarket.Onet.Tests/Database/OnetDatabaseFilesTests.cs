using System.IO.Compression;
using System.Text;
using LaborMarket.Files;

namespace LaborMarket.Onet.Tests.Database;

/// <summary>
/// The Core O*NET release reader on the real 27.0 text files: bad input named by file, line and column, and a
/// seeded hostile-input suite (truncated, changed and edited files, folder and zip) that lets only typed errors
/// escape. <c>LABORMARKET_FUZZ_LONG=1</c> runs ten times as many cases.
/// </summary>
public class OnetDatabaseFilesTests
{
    private const string OccupationData = "Occupation Data.txt";
    private static readonly string[] Columns = ["O*NET-SOC Code", "Title", "Description"];

    private static List<(string Code, string Title, long Line)> ReadFolder(byte[] occupationData)
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, OccupationData), occupationData);
            using var files = OnetDatabaseFiles.Open(dir);
            return files.Rows(OccupationData, Columns, required: true).Select(r => (r.Code.ToString(), r.Fields[1], r.Line)).ToList();
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static List<(string Code, string Title, long Line)> ReadZip(byte[] zip)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory().FullName, "db.zip");
        File.WriteAllBytes(path, zip);
        try
        {
            using var files = OnetDatabaseFiles.Open(path);
            return files.Rows(OccupationData, Columns, required: true).Select(r => (r.Code.ToString(), r.Fields[1], r.Line)).ToList();
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] Zip(byte[] occupationData)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry("db_27_0_text/" + OccupationData).Open();
            entry.Write(occupationData);
        }

        return output.ToArray();
    }

    private static byte[] Slice() => FileMutations.Head(TestData.DataPath("onet/db_27_0_text/" + OccupationData), 120);

    [DataFact]
    public void Rows_RealSlice_CrOnlyAndCrLf_ReadTheSame()
    {
        var slice = Slice();
        var text = Encoding.UTF8.GetString(slice);

        var lf = ReadFolder(slice);

        Assert.Equal(119, lf.Count);
        Assert.Equal(lf, ReadFolder(Encoding.UTF8.GetBytes(text.Replace("\n", "\r", StringComparison.Ordinal))));
        Assert.Equal(lf, ReadFolder(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal))));
        Assert.Equal(lf, ReadFolder([.. Encoding.UTF8.GetPreamble(), .. slice]));
        Assert.Equal(lf, ReadZip(Zip(slice)));
    }

    [DataFact]
    public void Rows_RowCutShort_NamesFileLineAndColumn()
    {
        var lines = Encoding.UTF8.GetString(Slice()).Split('\n');
        lines[7] = lines[7][..lines[7].LastIndexOf('\t')];

        var ex = Assert.Throws<LaborMarketFormatException>(() => ReadFolder(Encoding.UTF8.GetBytes(string.Join('\n', lines))));

        Assert.Equal((OccupationData, 8L, "Description"), (ex.FileName, ex.LineNumber, ex.Field));
    }

    [DataFact]
    public void Open_DamagedZip_IsTypedError()
    {
        var zip = Zip(Slice());

        Assert.Throws<LaborMarketFormatException>(() => ReadZip(zip[..(zip.Length / 2)]));
    }

    [DataFact]
    public void Fuzz_TruncatedChangedAndEdited_OnlyTypedErrorsAndNoSilentChange()
    {
        var slice = Slice();
        var expected = ReadFolder(slice);
        static bool Typed(Exception ex) => ex is LaborMarketFormatException or FileNotFoundException;

        foreach (var (name, bytes) in FileMutations.Truncations(slice, seed: 21, FileMutations.Cases(25)))
        {
            var rows = FileMutations.Run(name, () => ReadFolder(bytes), Typed);
            if (rows is { Count: > 0 })
            {
                Assert.Equal(expected.Take(rows.Count - 1), rows.Take(rows.Count - 1)); // no end marker: only the last row may differ
            }
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(slice, seed: 22, FileMutations.Cases(40)))
        {
            FileMutations.Run(name, () => ReadFolder(bytes), Typed);
        }

        var zip = Zip(slice);
        foreach (var (name, bytes) in FileMutations.Truncations(zip, seed: 23, FileMutations.Cases(15)))
        {
            Assert.Null(FileMutations.Run(name, () => ReadZip(bytes), Typed));
        }

        foreach (var (name, bytes) in FileMutations.ByteFlips(zip, seed: 24, FileMutations.Cases(25)))
        {
            FileMutations.Run(name, () => ReadZip(bytes), Typed);
        }

        var seed = 25;
        foreach (var value in FileMutations.RefusedValues)
        {
            var (bytes, line, _) = FileMutations.EditField(slice, seed++, value, [0], separator: '\t');

            var ex = Assert.Throws<LaborMarketFormatException>(() => ReadFolder(bytes));

            Assert.Equal((line, "O*NET-SOC Code"), (ex.LineNumber, ex.Field));
        }
    }
}
