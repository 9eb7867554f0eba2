using System.Globalization;
using System.Text;
using LaborMarket.Normalization.Titles;

namespace LaborMarket.Normalization.Tests.Titles;

/// <summary>Normalizes the hostile titles one by one and as a batch, and lists every exception with its input.</summary>
internal static class HostileTitleRun
{
    public static List<string> Run(int seed, int count, IReadOnlyList<string> realTitles)
    {
        var failures = new List<string>();
        var normalizer = TitleNormalizer.Create().WithoutCache();
        // Each string is explained one by one and normalized in a parallel batch; the batch's result must be the
        // explained match, so the two paths are compared without normalizing any string twice.
        var batch = new List<(string Title, TitleMatch? Explained)>(1000);
        var seen = 0;
        foreach (var title in HostileTitles.Generate(seed, count, realTitles))
        {
            seen++;
            TitleMatch? explained = null;
            try
            {
                var e = normalizer.Explain(title);
                if (e.Summary is null || e.Candidates is null || e.CleanedTitle is null)
                {
                    failures.Add($"no account for {Describe(title)}");
                }

                explained = e.Match;
            }
            catch (Exception ex)
            {
                failures.Add($"{ex.GetType().Name}: {ex.Message} for {Describe(title)}");
            }

            batch.Add((title, explained));
            if (batch.Count == batch.Capacity)
            {
                RunBatch(normalizer, batch, failures);
            }
        }

        RunBatch(normalizer, batch, failures);
        if (seen != count)
        {
            failures.Add($"generated {seen} strings, not {count}");
        }

        return failures;
    }

    /// <summary>O*NET 27.0 alternate titles, the real titles the generator mutates.</summary>
    public static IReadOnlyList<string> RealTitles(string alternateTitlesFile) =>
        [.. File.ReadLines(alternateTitlesFile).Skip(1).Select(l => l.Split('\t')[1])];

    /// <summary>True when the process runs with ICU (culture-specific casing works), false in invariant mode.</summary>
    public static bool UsesIcu()
    {
        try
        {
            return CultureInfo.GetCultureInfo("tr-TR").TextInfo.ToUpper('i') == '\u0130';
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static void RunBatch(TitleNormalizer normalizer, List<(string Title, TitleMatch? Explained)> batch, List<string> failures)
    {
        try
        {
            var results = normalizer.NormalizeAll(batch.ConvertAll(b => b.Title), maxDegreeOfParallelism: 2);
            if (results.Count != batch.Count)
            {
                failures.Add($"batch of {batch.Count} gave {results.Count} results");
            }

            for (var i = 0; i < Math.Min(results.Count, batch.Count); i++)
            {
                if (batch[i].Explained is { } explained && explained != results[i])
                {
                    failures.Add($"Explain's match differs from Normalize's for {Describe(batch[i].Title)}");
                }
            }
        }
        catch (Exception ex)
        {
            failures.Add($"batch: {ex.GetType().Name}: {ex.Message}");
        }

        batch.Clear();
    }

    private static string Describe(string title)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"a {title.Length}-character title '");
        foreach (var c in title.Length > 80 ? title[..80] : title)
        {
            sb.Append(c is < ' ' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return sb.Append('\'').ToString();
    }
}
