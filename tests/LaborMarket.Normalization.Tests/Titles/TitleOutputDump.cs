using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

/// <summary>
/// Writes what the normalizer answers (role, codes, seniority, confidence, method, cleaned words, top 3 candidates)
/// for every real title in the shared data and every string written in this test project, with the embedded catalog
/// and with the O*NET 27.0 database, so that a refactoring of the cleaner or the index can be diffed against the
/// answers before it. Runs only when <c>LABORMARKET_TITLE_DUMP</c> names the output folder.
/// </summary>
public class TitleOutputDump
{
    private const string Variable = "LABORMARKET_TITLE_DUMP";

    [DumpFact]
    public void Dump_EveryKnownTitle_WritesOneLinePerTitleAndCatalog()
    {
        var folder = Environment.GetEnvironmentVariable(Variable)!;
        Directory.CreateDirectory(folder);
        var sets = TitleSets();
        var normalizers = new (string Name, TitleNormalizer Normalizer)[]
        {
            ("embedded", TitleNormalizer.Create().WithoutCache()),
            ("onet", TitleNormalizer.Create(RoleCatalog.Embedded, TitleEvaluation.OnetDb).WithoutCache()),
        };

        var counts = new StringBuilder();
        foreach (var (name, normalizer) in normalizers)
        {
            foreach (var (set, titles) in sets)
            {
                using var writer = new StreamWriter(Path.Combine(folder, $"{set}.{name}.tsv"), append: false, new UTF8Encoding(false));
                foreach (var title in titles)
                {
                    writer.Write(Line(normalizer, title));
                    writer.Write('\n');
                }

                counts.Append(CultureInfo.InvariantCulture, $"{set}\t{name}\t{titles.Count}\n");
                Assert.NotEmpty(titles);
            }
        }

        File.WriteAllText(Path.Combine(folder, "counts.tsv"), counts.ToString());
    }

    private static string Line(TitleNormalizer normalizer, string title)
    {
        var sb = new StringBuilder();
        sb.Append(Escape(title));
        TitleExplanation e;
        try
        {
            e = normalizer.Explain(title);
        }
        catch (Exception ex)
        {
            return sb.Append("\tTHROWS ").Append(ex.GetType().Name).ToString();
        }

        var m = e.Match;
        sb.Append('\t').Append(m.Role?.Id).Append('\t').Append(m.SocCode?.ToString()).Append('\t').Append(m.OnetSocCode?.ToString())
            .Append('\t').Append(m.Seniority).Append('\t').Append(m.Confidence.ToString("R", CultureInfo.InvariantCulture))
            .Append('\t').Append(m.MatchedBy).Append('\t').Append(Escape(m.MatchedText ?? "")).Append('\t').Append(m.NeedsReview)
            .Append('\t').Append(Escape(e.CleanedTitle)).Append('\t').Append(Escape(e.SeniorityEvidence ?? "")).Append('\t')
            .Append(Escape(e.UnmatchedReason ?? ""));
        foreach (var c in e.Candidates.Take(3))
        {
            sb.Append('\t').Append(c.Role.Id).Append('|').Append(c.Score.ToString("R", CultureInfo.InvariantCulture)).Append('|')
                .Append(Escape(c.MatchedText));
        }

        return sb.ToString();
    }

    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is < ' ' or > '~' || c == '\\')
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static List<(string Name, IReadOnlyList<string> Titles)> TitleSets()
    {
        var onet = TitleEvaluation.OnetDb;
        var alternate = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(onet, "Alternate Titles.txt")).Skip(1))
        {
            var f = line.Split('\t');
            alternate.Add(f[1]);
            if (f[2] != "n/a")
            {
                alternate.Add(f[2]);
            }
        }

        var reported = File.ReadLines(Path.Combine(onet, "Sample of Reported Titles.txt")).Skip(1).Select(l => l.Split('\t')[1]).ToList();
        var occupations = File.ReadLines(Path.Combine(onet, "Occupation Data.txt")).Skip(1).Select(l => l.Split('\t')[1]).ToList();
        var h1b = TitleEvaluation.H1b().Select(r => r.Title).Distinct().ToList();
        var chicago = RealFiles.Csv("titles/chicago_city_payroll_titles_2023.csv").Select(r => r["JOB TITLES"]).Distinct().ToList();
        var lca = new List<string>();
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(TestData.DataPath("titles/lca_titles_soc.tsv.gz")), CompressionMode.Decompress)))
        {
            reader.ReadLine();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.ReadLine() is { } line)
            {
                var title = line[..line.IndexOf('\t', StringComparison.Ordinal)];
                if (seen.Add(title))
                {
                    lca.Add(title);
                }
            }
        }

        return
        [
            ("onet-alternate", alternate), ("onet-reported", reported), ("onet-occupation", occupations), ("h1b-2016", h1b),
            ("chicago", chicago), ("lca", lca), ("test-literals", TestLiterals()),
        ];
    }

    // Every string literal written in this test project's sources: the hand-written title lists.
    private static List<string> TestLiterals()
    {
        var folder = Path.Combine(TestData.RepoRoot, "tests", "LaborMarket.Normalization.Tests");
        var literal = new Regex("\"((?:[^\"\\\\\\n]|\\\\.)*)\"", RegexOptions.CultureInvariant);
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)))
        {
            foreach (Match m in literal.Matches(File.ReadAllText(file)))
            {
                string text;
                try
                {
                    text = Regex.Unescape(m.Groups[1].Value);
                }
                catch (ArgumentException)
                {
                    text = m.Groups[1].Value;
                }

                if (text.Any(char.IsLetter))
                {
                    found.Add(text);
                }
            }
        }

        return [.. found];
    }

    private sealed class DumpFactAttribute : FactAttribute
    {
        public DumpFactAttribute()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)))
            {
                Skip = $"Set {Variable} to a folder to write the normalizer's answers for every known title.";
            }
        }
    }
}
