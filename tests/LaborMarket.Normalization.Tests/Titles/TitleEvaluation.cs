using System.Globalization;
using LaborMarket.Normalization.Catalog;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

/// <summary>Labeled real titles and the measures the package README reports.</summary>
internal static class TitleEvaluation
{
    internal sealed record Labeled(string Title, IReadOnlyList<SocCode> Accept);

    internal sealed record Metrics(int Count, double SixDigit, double MajorGroup, double Top5, double Coverage, double Forced)
    {
        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"n={Count} 6-digit={SixDigit:P1} major={MajorGroup:P1} top5={Top5:P1} coverage={Coverage:P1} forced={Forced:P1}");
    }

    public static string OnetDb => TestData.DataPath("onet/db_27_0_text");

    /// <summary>Every tenth O*NET alternate or reported title, chosen by a hash of its text, is held out of the dictionary.</summary>
    public static bool IsHeldOut(string title) => LabeledTitles.IsHeldOut(title);

    public static IReadOnlyList<Labeled> OnetHeldOut(string file, int titleColumn)
    {
        var rows = new List<Labeled>();
        foreach (var line in File.ReadLines(Path.Combine(OnetDb, file)).Skip(1))
        {
            var f = line.Split('\t');
            if (IsHeldOut(f[titleColumn]))
            {
                rows.Add(new Labeled(f[titleColumn], [OnetSocCode.Parse(f[0]).Soc]));
            }
        }

        return rows;
    }

    /// <summary>One row per distinct title; right when the answer is any code O*NET files the title under.</summary>
    public static IReadOnlyList<Labeled> AnyCode(IReadOnlyList<Labeled> rows) => rows
        .GroupBy(r => r.Title.Trim().ToLowerInvariant())
        .Select(g => new Labeled(g.First().Title, g.SelectMany(r => r.Accept).Distinct().ToArray()))
        .ToArray();

    public static TitleNormalizer HeldOutNormalizer() => TitleNormalizer.Create(RoleCatalog.Embedded, OnetDb, new TitleNormalizerOptions(),
        t => t.Kind == OnetTitleKind.Occupation || !IsHeldOut(t.Title));

    /// <summary>The same normalizer with an empty result cache, so query-time parameters can be compared.</summary>
    public static TitleNormalizer HeldOutNormalizerFrom(TitleNormalizer n) => n.WithoutCache();

    public static IReadOnlyList<Labeled> H1b() => [.. LabeledTitles.H1b().Select(r => new Labeled(r.Title, r.Accept))];

    public static Metrics Measure(TitleNormalizer normalizer, IReadOnlyList<Labeled> set)
    {
        int six = 0, major = 0, top5 = 0, covered = 0, forced = 0;
        foreach (var item in set)
        {
            var e = normalizer.Explain(item.Title, 5);
            var m = e.Match;
            if (m.IsMatch)
            {
                covered++;
                six += item.Accept.Contains(m.SocCode!.Value) ? 1 : 0;
                major += item.Accept.Any(a => a.Major == m.SocCode!.Value.Major) ? 1 : 0;
            }

            forced += e.Candidates.Count > 0 && item.Accept.Contains(e.Candidates[0].Role.Soc) ? 1 : 0;
            top5 += e.Candidates.Select(c => c.Role.Soc).Distinct().Take(5).Any(item.Accept.Contains) ? 1 : 0;
        }

        double n = set.Count;
        return new Metrics(set.Count, six / n, major / n, top5 / n, covered / n, forced / n);
    }
}
