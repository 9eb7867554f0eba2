using System.Runtime.CompilerServices;
using LaborMarket.Bls.Oews;
using LaborMarket.Files;

namespace LaborMarket.Bls.Oflc;

/// <summary>
/// Streams OFLC prevailing-wage levels from CSV (or .csv.gz) with the columns
/// <c>area_code, area_name, soc_code, level1_hourly, level2_hourly, level3_hourly, level4_hourly</c>.
/// A row with more or fewer fields than the header, a bad code, and a wage that is negative, not a plain number or
/// above $20,000,000 (annual-only occupations carry annual wages here) is an error naming the file, line and column; a cut or damaged .gz fails as a whole.
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
        using var reader = DelimitedTextReader.OpenFile(path);
        await reader.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        var map = Columns.Select(c => reader.IndexOf(c) is var i and >= 0 ? i
            : throw new LaborMarketFormatException(reader.SourceName, 1, c, $"not an OFLC wage-level file: no {c} column")).ToArray();
        var lastAreaName = "";
        while (true)
        {
            OflcWageLevels row;
            try
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    break;
                }

                var name = reader[map[1]];
                if (!name.SequenceEqual(lastAreaName))
                {
                    lastAreaName = name.ToString(); // rows come grouped by area: one string per area
                }

                row = Parse(reader, map, lastAreaName);
            }
            catch (LaborMarketFormatException ex) when (errors is not null && !reader.IsFaulted)
            {
                errors.Add(ex);
                continue;
            }

            yield return row;
        }
    }

    private static OflcWageLevels Parse(DelimitedTextReader reader, int[] map, string areaName)
    {
        var area = OewsAreaCode.TryParse(reader[map[0]], null, out var a) ? a
            : throw reader.Error(map[0], $"'{reader[map[0]].ToString()}' is not an OEWS area code");
        var soc = SocCode.TryParse(reader[map[2]], out var s) ? s
            : throw reader.Error(map[2], $"'{reader[map[2]].ToString()}' is not a SOC code");
        return new OflcWageLevels(area, areaName, soc, Level(reader, map[3]), Level(reader, map[4]), Level(reader, map[5]), Level(reader, map[6]));
    }

    private static double? Level(DelimitedTextReader reader, int column)
    {
        var cell = reader[column].Trim();
        if (cell.IsEmpty)
        {
            return null;
        }

        if (!OewsNumber.TryParse(cell, out var v))
        {
            throw reader.Error(column, $"'{(cell.Length > 40 ? cell[..40].ToString() + "..." : cell.ToString())}' is not a non-negative wage");
        }

        // Occupations paid only by the year (teachers, pilots) carry annual wages in these columns.
        return v <= OewsNumber.MaxAnnual ? v : throw reader.Error(column, $"{cell.ToString()} is above the plausible maximum wage {OewsNumber.MaxAnnual:N0}");
    }
}
