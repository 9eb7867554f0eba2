using System.Text;
using BenchmarkDotNet.Attributes;
using LaborMarket.Cli;

namespace LaborMarket.Benchmarks.Cli;

/// <summary>
/// <c>labormarket normalize --input FILE.csv --column C --output OUT.csv</c>, file to file, in-process (the command's
/// own start-up, catalog load included): 1,000,000 rows of real titles (H-1B + Chicago payroll repeated, with their
/// source column kept), and 200,000 distinct titles the catalog has never seen (real titles with a word of another
/// and a number added), embedded catalog.
/// </summary>
[MemoryDiagnoser]
public class NormalizeFileBenchmarks
{
    private const int StreamRows = 1_000_000;
    private const int UnseenRows = 200_000;
    private string _folder = "";
    private string _stream = "";
    private string _unseen = "";
    private string _output = "";

    [GlobalSetup]
    public void Setup()
    {
        var h1b = Column(BenchmarkData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"), "JOB_TITLE");
        var chicago = Column(BenchmarkData.DataPath("titles/chicago_city_payroll_titles_2023.csv"), "Job Titles");
        var real = chicago.Select(t => ("chicago", t)).Concat(h1b.Select(t => ("h1b", t))).ToArray();
        _folder = Directory.CreateTempSubdirectory("labormarket-bench-").FullName;
        _stream = Path.Combine(_folder, "stream.csv");
        _unseen = Path.Combine(_folder, "unseen.csv");
        _output = Path.Combine(_folder, "out.csv");
        using (var w = new StreamWriter(_stream, false, new UTF8Encoding(false)))
        {
            w.Write("source,job_title\n");
            for (var i = 0; i < StreamRows; i++)
            {
                var (source, title) = real[i % real.Length];
                w.Write($"{source},{Quote(title)}\n");
            }
        }

        var random = new Random(1);
        using (var w = new StreamWriter(_unseen, false, new UTF8Encoding(false)))
        {
            w.Write("job_title\n");
            for (var i = 0; i < UnseenRows; i++)
            {
                var a = real[random.Next(real.Length)].Item2;
                var b = real[random.Next(real.Length)].Item2.Split(' ')[0];
                w.Write($"{Quote($"{a} {b} {i}")}\n");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>1,000,000 real rows, file to file; per row.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = StreamRows)]
    public Task<int> RealTitleStreamFileToFile() => Run(_stream);

    /// <summary>200,000 distinct unseen titles, file to file; per row.</summary>
    [Benchmark(OperationsPerInvoke = UnseenRows)]
    public Task<int> DistinctUnseenFileToFile() => Run(_unseen);

    private Task<int> Run(string input) =>
        CliApp.RunAsync(["normalize", "--input", input, "--column", "job_title", "--output", _output, "--force"], TextReader.Null, TextWriter.Null, TextWriter.Null);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static List<string> Column(string path, string name)
    {
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()!.Split(',');
        var index = Array.IndexOf(header, name);
        var titles = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            // The titles sit before any quoted field in both files' rows, so a plain split finds them.
            var fields = line.Split(',');
            if (index < fields.Length)
            {
                titles.Add(fields[index].Trim('"'));
            }
        }

        return titles;
    }
}
