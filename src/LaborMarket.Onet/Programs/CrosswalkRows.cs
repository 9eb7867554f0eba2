using LaborMarket.Files;

namespace LaborMarket.Onet.Programs;

/// <summary>
/// The rows of the CIP-SOC crosswalk from either form NCES publishes: the workbook
/// (<c>CIP2020_SOC2018_Crosswalk.xlsx</c>, its <c>CIP-SOC</c> sheet) or the sheet saved as CSV. Both give the same
/// trimmed fields, so the crosswalk answers the same whichever file it was read from.
/// </summary>
internal static class CrosswalkRows
{
    /// <summary>The workbook's sheet of program-to-occupation rows.</summary>
    public const string Sheet = "CIP-SOC";

    /// <summary>The name errors give for the file: the file name, and for a workbook its sheet.</summary>
    public static string SourceName(string path) =>
        IsWorkbook(path) ? $"{Path.GetFileName(path)} [{Sheet}]" : Path.GetFileName(path);

    /// <summary>Each data row's requested columns (in the order asked) and its line (or sheet row) number.</summary>
    /// <exception cref="LaborMarketFormatException">A requested column is missing, or the file is damaged.</exception>
    public static IEnumerable<(string[] Fields, long Line)> Read(string path, IReadOnlyList<string> columns) =>
        IsWorkbook(path) ? ReadWorkbook(path, columns) : DelimitedRows.Read(path, columns);

    private static bool IsWorkbook(string path) => path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<(string[] Fields, long Line)> ReadWorkbook(string path, IReadOnlyList<string> columns)
    {
        var source = SourceName(path);
        using var stream = File.OpenRead(path);
        int[]? indexes = null;
        foreach (var (row, cells) in XlsxSheet.Rows(stream, Path.GetFileName(path), Sheet))
        {
            if (indexes is null)
            {
                indexes = columns.Select(c => IndexOf(cells, c) is var i and >= 0
                    ? i
                    : throw new LaborMarketFormatException(source, row, c, $"the header has no column '{c}'")).ToArray();
                continue;
            }

            if (Array.TrueForAll(cells, string.IsNullOrWhiteSpace))
            {
                continue; // a formatted but empty row below the data
            }

            var fields = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                fields[i] = indexes[i] < cells.Length ? cells[indexes[i]]?.Trim() ?? "" : "";
            }

            yield return (fields, row);
        }

        if (indexes is null)
        {
            throw new LaborMarketFormatException(source, 1, null, "the sheet is empty: no header row");
        }
    }

    private static int IndexOf(string?[] cells, string column)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            if (string.Equals(cells[i]?.Trim(), column, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
