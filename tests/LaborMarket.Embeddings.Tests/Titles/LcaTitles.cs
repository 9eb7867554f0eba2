using System.IO.Compression;

namespace LaborMarket.Embeddings.Tests.Titles;

/// <summary>
/// Real employer job titles from OFLC LCA filings FY2022-FY2025 (titles/lca_titles_soc.tsv.gz, sources A and B), each
/// with the SOC codes employers filed it under: a tuning and calibration set that looks like the H-1B titles without
/// being them. Titles of the H-1B sample are left out (compared lower-case, "." and "," deleted, spaces collapsed).
/// A title is accepted under its most-filed code and any code with at least a third of its filings, each with its SOC
/// 2018 equivalents (FY2022 mixes SOC 2010 codes in). Titles are drawn by filings (weighted sampling without
/// replacement with a fixed hash, so the draw is the same on every machine) and split into three folds by a hash.
/// </summary>
internal static class LcaTitles
{
    public const int TuneFold = 0;
    public const int CalibrationFold = 1;
    public const int TestFold = 2;

    public static List<HeldOutTitles.Labeled> Fold(int fold, int count)
    {
        var h1b = HeldOutTitles.H1b().Select(t => Key(t.Title)).ToHashSet(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var reader = new StreamReader(new GZipStream(File.OpenRead(TestData.DataPath("titles/lca_titles_soc.tsv.gz")), CompressionMode.Decompress)))
        {
            reader.ReadLine();
            while (reader.ReadLine() is { } line)
            {
                var f = line.Split('\t');
                if (f.Length < 6 || !f[4].StartsWith("LCA", StringComparison.Ordinal) || !long.TryParse(f[5], out var n))
                {
                    continue;
                }

                var key = Key(f[0]);
                if (key.Length == 0 || h1b.Contains(key) || (int)(LabeledTitles.Hash("lca:" + key) % 3) != fold)
                {
                    continue;
                }

                if (!byTitle.TryGetValue(key, out var codes))
                {
                    byTitle[key] = codes = [];
                    display[key] = f[0];
                }

                codes[f[1]] = codes.GetValueOrDefault(f[1]) + n;
            }
        }

        // Efraimidis-Spirakis: key u^(1/w) with u from a hash of the title; the largest keys are a weighted sample.
        var drawn = byTitle.Select(kv =>
            {
                var total = kv.Value.Values.Sum();
                var u = (LabeledTitles.Hash("draw:" + kv.Key) + 0.5) / 4294967296.0;
                return (kv.Key, Total: total, Order: Math.Log(u) / total);
            })
            .OrderByDescending(x => x.Order).Take(count);
        var result = new List<HeldOutTitles.Labeled>(count);
        foreach (var (key, total, _) in drawn)
        {
            var accept = new List<SocCode>();
            var top = byTitle[key].MaxBy(c => c.Value).Value;
            foreach (var (code, n) in byTitle[key])
            {
                if ((n == top || n * 3 >= total) && SocCode.TryParse(code, out var soc))
                {
                    accept.Add(soc);
                    accept.AddRange(SocCrosswalk.From2010All(soc));
                }
            }

            if (accept.Count > 0)
            {
                result.Add(new HeldOutTitles.Labeled(display[key], [.. accept.Distinct()]));
            }
        }

        return result;
    }

    private static string Key(string title) =>
        string.Join(' ', title.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));
}
