using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using LaborMarket.Bls.Geography;
using LaborMarket.Bls.Oews;
using LaborMarket.Normalization;
using LaborMarket.Normalization.Geography;
using LaborMarket.Normalization.Taxonomy;

namespace LaborMarket.Bls.Oflc;

/// <summary>
/// Streams OFLC prevailing-wage levels from CSV (or .csv.gz) with the columns
/// <c>area_code, area_name, soc_code, level1_hourly, level2_hourly, level3_hourly, level4_hourly</c>.
/// </summary>
public static class OflcWageLevelReader
{
    private static readonly string[] Columns = ["area_code", "area_name", "soc_code", "level1_hourly", "level2_hourly", "level3_hourly", "level4_hourly"];

    /// <summary>Reads every row of a file.</summary>
    /// <param name="path">The CSV or CSV.gz file.</param>
    /// <param name="errors">When given, bad rows are added here and reading goes on; otherwise the first bad row throws.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="LaborMarketFormatException">A wrong header, or (without <paramref name="errors"/>) a bad row.</exception>
    public static async IAsyncEnumerable<OflcWageLevels> ReadFileAsync(string path, ICollection<LaborMarketFormatException>? errors = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var source = Path.GetFileName(path);
        using var reader = new StreamReader(OewsCsvReader.OpenFile(path), Encoding.UTF8);
        var header = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new LaborMarketFormatException(source, 1, null, "the file is empty (no header row)");
        var names = CsvLine.Split(header.TrimStart('\uFEFF')).Select(n => n.Trim()).ToArray();
        var map = Columns.Select(c => Array.FindIndex(names, n => n.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (var c = 0; c < map.Length; c++)
        {
            if (map[c] < 0)
            {
                throw new LaborMarketFormatException(source, 1, Columns[c], $"not an OFLC wage-level file: no {Columns[c]} column");
            }
        }

        long line = 1;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            OflcWageLevels row;
            try
            {
                row = Parse(CsvLine.Split(text), map, source, line);
            }
            catch (LaborMarketFormatException ex) when (errors is not null)
            {
                errors.Add(ex);
                continue;
            }

            yield return row;
        }
    }

    private static OflcWageLevels Parse(string[] f, int[] map, string source, long line)
    {
        if (f.Length <= map.Max())
        {
            throw new LaborMarketFormatException(source, line, Columns[Array.IndexOf(map, map.Max())], $"the row has {f.Length} fields; it is cut short");
        }

        var area = OewsAreaCode.TryParse(f[map[0]], out var a) ? a
            : throw new LaborMarketFormatException(source, line, "area_code", $"'{f[map[0]]}' is not an OEWS area code");
        var soc = SocCode.TryParse(f[map[2]], out var s) ? s
            : throw new LaborMarketFormatException(source, line, "soc_code", $"'{f[map[2]]}' is not a SOC code");
        double? Level(int c)
        {
            var t = f[map[c]].Trim();
            if (t.Length == 0)
            {
                return null;
            }

            return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0
                ? v : throw new LaborMarketFormatException(source, line, Columns[c], $"'{t}' is not an hourly wage");
        }

        return new OflcWageLevels(area, f[map[1]], soc, Level(3), Level(4), Level(5), Level(6));
    }
}
