
namespace LaborMarket.Embeddings.Tests.Titles;

/// <summary>
/// The normalizer's held-out O*NET 27.0 titles (every tenth alternate and reported title, by a hash of its text, as
/// the Normalization tests choose them), split again by a second hash into three folds: tuning the blend,
/// fitting the confidence, and the test fold that the README reports.
/// </summary>
internal static class HeldOutTitles
{
    public const int TuneFold = 0;
    public const int CalibrationFold = 1;
    public const int TestFold = 2;

    internal sealed record Labeled(string Title, IReadOnlyList<SocCode> Accept);

    public static string OnetDb => TestData.DataPath("onet/db_27_0_text");

    public static bool IsHeldOut(string title) => LabeledTitles.IsHeldOut(title);

    public static int Fold(string title) => (int)(LabeledTitles.Hash("fold:" + title.Trim().ToLowerInvariant()) % 3);

    /// <summary>Held-out rows of an O*NET title file in one fold.</summary>
    public static List<Labeled> Rows(string file, int fold)
    {
        var rows = new List<Labeled>();
        foreach (var line in File.ReadLines(Path.Combine(OnetDb, file)).Skip(1))
        {
            var f = line.Split('\t');
            if (IsHeldOut(f[1]) && Fold(f[1]) == fold)
            {
                rows.Add(new Labeled(f[1], [OnetSocCode.Parse(f[0]).Soc]));
            }
        }

        return rows;
    }

    public static List<Labeled> Fold(int fold) =>
        [.. Rows("Alternate Titles.txt", fold), .. Rows("Sample of Reported Titles.txt", fold)];

    /// <summary>
    /// A copy of the O*NET title files without the held-out titles, for the lexical normalizer (its public API loads
    /// a release folder); occupation titles stay, as in the Normalization tests.
    /// </summary>
    public static string HeldOutDatabase()
    {
        var dir = Path.Combine(Path.GetTempPath(), "labormarket-embeddings-heldout-27");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(OnetDb, "Occupation Data.txt"), Path.Combine(dir, "Occupation Data.txt"), overwrite: true);
        foreach (var file in new[] { "Alternate Titles.txt", "Sample of Reported Titles.txt" })
        {
            var lines = File.ReadLines(Path.Combine(OnetDb, file)).Select((l, i) => (l, i))
                .Where(x => x.i == 0 || !IsHeldOut(x.l.Split('\t')[1])).Select(x => x.l);
            File.WriteAllLines(Path.Combine(dir, file), lines);
        }

        return dir;
    }

    public static List<Labeled> H1b() => [.. LabeledTitles.H1b().Select(r => new Labeled(r.Title, r.Accept))];
}
