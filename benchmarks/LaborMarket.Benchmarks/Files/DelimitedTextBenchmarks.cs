using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using LaborMarket.Files;
using nietras.SeparatedValues;

namespace LaborMarket.Benchmarks.Files;

/// <summary>
/// The family's delimited-text reader against Sep 0.18 on the real OEWS and OFLC files (text in memory, so only
/// parsing is measured): every field of every record is visited and its characters counted. <c>LongLine</c> is
/// one 20-million-character record: the memory each reader spends before it can answer.
/// </summary>
[MemoryDiagnoser]
public class DelimitedTextBenchmarks
{
    private string _text = "";

    [Params("national_M2024_dl.csv", "state_M2024_extract.csv", "oflc_alc_wage_levels_2020_by_area.csv", "LongLine")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _text = File switch
        {
            "LongLine" => "a,b\n1," + new string('9', 20_000_000) + "\n",
            "oflc_alc_wage_levels_2020_by_area.csv" => Gunzip(BenchmarkData.DataPath("oews/oflc_alc_wage_levels_2020_by_area.csv.gz")),
            _ => System.IO.File.ReadAllText(BenchmarkData.DataPath("oews/" + File)),
        };
        if (File != "LongLine" && Own() != WithSep())
        {
            throw new InvalidOperationException("the readers disagree");
        }
    }

    /// <summary>The Core reader (limits on: a record over 1 Mi characters stops with an error).</summary>
    [Benchmark(Baseline = true)]
    public long Own()
    {
        long chars = 0;
        try
        {
            using var reader = new DelimitedTextReader(new StringReader(_text), File);
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    chars += reader[i].Length;
                }
            }
        }
        catch (LaborMarketFormatException)
        {
            return -1;
        }

        return chars;
    }

    /// <summary>Sep with quotes removed from fields (as the Core reader does).</summary>
    [Benchmark]
    public long WithSep()
    {
        long chars = 0;
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(new StringReader(_text));
        foreach (var row in reader)
        {
            for (var i = 0; i < row.ColCount; i++)
            {
                chars += row[i].Span.Length;
            }
        }

        return chars;
    }

    private static string Gunzip(string path)
    {
        using var gz = new GZipStream(System.IO.File.OpenRead(path), CompressionMode.Decompress);
        using var text = new StreamReader(gz);
        return text.ReadToEnd();
    }
}
