using LaborMarket.Files;
using System.Text;
using LaborMarket.Normalization.Tests.Titles;

namespace LaborMarket.Normalization.Tests;

/// <summary>Reads the real reference files the taxonomy is checked against.</summary>
internal static class RealFiles
{
    static RealFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Rows of a CSV file as header-name -> value maps (the OEWS csv files are Windows-1252).</summary>
    public static IEnumerable<Dictionary<string, string>> Csv(string relative, Encoding? encoding = null)
    {
        using var reader = new StreamReader(TestData.DataPath(relative), encoding ?? Encoding.Latin1);
        var header = LaborMarket.Testing.Csv.Split(reader.ReadLine()!.TrimStart('\uFEFF')).Select(h => h.Trim().ToUpperInvariant()).ToArray();
        while (reader.ReadLine() is { } line)
        {
            var f = LaborMarket.Testing.Csv.Split(line);
            var row = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < f.Length; i++)
            {
                row[header[i]] = f[i];
            }

            yield return row;
        }
    }

    public static IEnumerable<string[]> OnetRows(string file) =>
        File.ReadLines(Path.Combine(TitleEvaluation.OnetDb, file)).Skip(1).Select(l => l.Split('\t'));

    /// <summary>Detailed and broad OEWS codes published 2021-2024 plus every O*NET 27.0 occupation's code.</summary>
    public static HashSet<string> CurrentSocCodes()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var year in new[] { 2021, 2022, 2023, 2024 })
        {
            foreach (var row in Csv($"oews/national_M{year}_dl.csv"))
            {
                if (row["O_GROUP"] is "detailed" or "broad")
                {
                    codes.Add(row["OCC_CODE"]);
                }
            }
        }

        foreach (var f in OnetRows("Occupation Data.txt"))
        {
            codes.Add(f[0][..7]);
        }

        return codes;
    }
}
