using BenchmarkDotNet.Attributes;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Benchmarks.Normalization;

/// <summary>
/// Title normalization throughput on real titles: the H-1B sample plus the Chicago payroll as a stream (with the
/// repeats a real table has), and distinct titles the dictionary has never seen, with the O*NET 27.0 files loaded.
/// </summary>
[MemoryDiagnoser]
public class TitleNormalizerBenchmarks
{
    private string[] _stream = [];
    private string[] _unseen = [];
    private TitleNormalizer _embedded = null!;
    private TitleNormalizer _withOnet = null!;

    [GlobalSetup]
    public void Setup()
    {
        var h1b = Column(BenchmarkData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"), 3);
        var chicago = Column(BenchmarkData.DataPath("titles/chicago_city_payroll_titles_2023.csv"), 0);
        _stream = [.. h1b, .. chicago];

        // Unseen: O*NET 30.0 task statements' first clauses are not titles; use the O*NET 27.0 alternate titles with
        // their words rotated, so every string is distinct and absent from the dictionary.
        _unseen = File.ReadLines(Path.Combine(BenchmarkData.DataPath("onet/db_27_0_text"), "Alternate Titles.txt"))
            .Skip(1).Select(l => l.Split('\t')[1]).Where((_, i) => i % 5 == 0)
            .Select((t, i) => Rotate(t, i)).Distinct().Take(10_000).ToArray();

        _embedded = TitleNormalizer.Create();
        _withOnet = TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = BenchmarkData.DataPath("onet/db_27_0_text") });
        foreach (var t in _stream)
        {
            _embedded.Normalize(t);
        }
    }

    /// <summary>A real title stream (34,600 rows, about 2,900 distinct): repeats are answered from the result cache.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = 34_600)]
    public int RealTitleStream()
    {
        var matched = 0;
        var stream = _stream;
        for (var i = 0; i < 34_600; i++)
        {
            matched += _embedded.Normalize(stream[i % stream.Length]).IsMatch ? 1 : 0;
        }

        return matched;
    }

    /// <summary>Distinct titles never seen before, O*NET titles loaded (60,000+ phrases): the full cleaning and scoring path.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public int DistinctUnseenWithOnet()
    {
        var matched = 0;
        foreach (var t in _unseen)
        {
            matched += _withOnet.NormalizeUncached(t).IsMatch ? 1 : 0;
        }

        return matched;
    }

    /// <summary>The same titles explained: the decision plus its account (cleaned words, evidence, five candidates).</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public int ExplainDistinctUnseenWithOnet()
    {
        var candidates = 0;
        foreach (var t in _unseen)
        {
            candidates += _withOnet.Explain(t).Candidates.Count;
        }

        return candidates;
    }

    /// <summary>Distinct unseen titles against the embedded catalog only.</summary>
    [Benchmark(OperationsPerInvoke = 10_000)]
    public int DistinctUnseenEmbedded()
    {
        var matched = 0;
        foreach (var t in _unseen)
        {
            matched += _embedded.NormalizeUncached(t).IsMatch ? 1 : 0;
        }

        return matched;
    }

    /// <summary>Building a normalizer with all O*NET titles (Occupation Data, Alternate and Reported Titles).</summary>
    [Benchmark]
    public int LoadOnetDatabase() =>
        TitleNormalizer.Create(new TitleNormalizerOptions { OnetDatabasePath = BenchmarkData.DataPath("onet/db_27_0_text") }).DictionarySize;

    private static string Rotate(string title, int i)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2 ? title + " Specialist" : string.Join(' ', words.Skip(i % words.Length).Concat(words.Take(i % words.Length)));
    }

    private static List<string> Column(string path, int index)
    {
        var values = new List<string>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            values.Add(SplitCsv(line)[index]);
        }

        return values;
    }

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var sb = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(sb.ToString());
                sb.Clear();
            }
            else
            {
                sb.Append(c);
            }
        }

        fields.Add(sb.ToString());
        return fields;
    }
}
