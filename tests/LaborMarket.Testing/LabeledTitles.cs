namespace LaborMarket.Testing;

/// <summary>
/// Labeled real titles that more than one package's tests evaluate on, and the rule that holds O*NET titles out of
/// the dictionary, so every package measures on the same held-out set.
/// </summary>
public static class LabeledTitles
{
    /// <summary>Every tenth O*NET alternate or reported title, chosen by a hash of its text, is held out of the dictionary.</summary>
    public static bool IsHeldOut(string title) => Hash(title.Trim().ToLowerInvariant()) % 10 == 0;

    /// <summary>The FNV-1a hash of a text's UTF-16 code units: a split of titles that stays the same across runs and machines.</summary>
    public static uint Hash(string text)
    {
        var h = 2166136261;
        foreach (var c in text)
        {
            h = (h ^ c) * 16777619;
        }

        return h;
    }

    /// <summary>
    /// The H-1B LCA FY2016 sample: each job title with every SOC 2018 code its SOC 2010 label maps to (rows whose
    /// label is not a SOC code are left out).
    /// </summary>
    public static IEnumerable<(string Title, IReadOnlyList<SocCode> Accept)> H1b()
    {
        using var reader = new StreamReader(TestData.DataPath("titles/h1b_lca_fy2016_sample_train.csv"));
        var header = Csv.Split(reader.ReadLine()!);
        var title = Array.IndexOf(header, "JOB_TITLE");
        var soc = Array.IndexOf(header, "SOC_CODE_MAPPED");
        while (reader.ReadLine() is { } line)
        {
            var f = Csv.Split(line);
            if (SocCode.TryParse(f[soc], out var code))
            {
                yield return (f[title], SocCrosswalk.From2010All(code));
            }
        }
    }
}
