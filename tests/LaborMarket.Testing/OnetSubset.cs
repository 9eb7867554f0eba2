namespace LaborMarket.Testing;

/// <summary>
/// A small real slice of O*NET 27.0 for fast tests: the occupations of a few SOC major groups, each with its first few
/// alternate titles and task statements, written to a temporary release folder (the rows are O*NET's, unchanged).
/// </summary>
public static class OnetSubset
{
    public static readonly string[] Groups = ["15", "29", "47", "53"];

    private static readonly Lazy<string> Folder = new(() => Create(Groups, 3, 3));

    public static string Path => Folder.Value;

    public static string Create(string[] groups, int titlesPer, int tasksPer)
    {
        var source = TestData.DataPath("onet/db_27_0_text");
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"labormarket-onet-subset-{string.Join("-", groups)}-{titlesPer}-{tasksPer}");
        Directory.CreateDirectory(dir);
        Copy(source, dir, "Occupation Data.txt", groups, int.MaxValue);
        Copy(source, dir, "Alternate Titles.txt", groups, titlesPer);
        Copy(source, dir, "Sample of Reported Titles.txt", groups, 1);
        Copy(source, dir, "Task Statements.txt", groups, tasksPer);
        return dir;
    }

    private static void Copy(string from, string to, string file, string[] groups, int perCode)
    {
        var counts = new Dictionary<string, int>();
        var lines = new List<string>();
        foreach (var (line, i) in File.ReadLines(System.IO.Path.Combine(from, file)).Select((l, i) => (l, i)))
        {
            var code = line.Split('\t')[0];
            if (i == 0 || (groups.Any(g => code.StartsWith(g, StringComparison.Ordinal)) && (counts[code] = counts.GetValueOrDefault(code) + 1) <= perCode))
            {
                lines.Add(line);
            }
        }

        // Written beside and moved into place, so that test runs sharing the folder never read a half-written file.
        var target = System.IO.Path.Combine(to, file);
        var temporary = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        File.WriteAllLines(temporary, lines);
        File.Move(temporary, target, overwrite: true);
    }
}
