using nietras.SeparatedValues;

namespace LaborMarket.Onet.Programs;

/// <summary>The rows of a comma-separated file with a header, read through Sep, with named columns and line numbers.</summary>
internal static class DelimitedRows
{
    /// <summary>Each data row's requested columns (in the order asked) and its first line number.</summary>
    /// <exception cref="LaborMarketFormatException">A requested column is missing from the header.</exception>
    public static IEnumerable<(string[] Fields, int Line)> Read(string path, IReadOnlyList<string> columns, char separator = ',')
    {
        var name = Path.GetFileName(path);
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionMode.Decompress)
            : (Stream)file;
        using var reader = Sep.New(separator).Reader(o => o with { Unescape = separator != '\t', DisableColCountCheck = true }).From(stream);
        var indexes = new int[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            indexes[i] = reader.Header.TryIndexOf(columns[i], out var index)
                ? index
                : throw new LaborMarketFormatException(name, 1, columns[i], $"the header has no column '{columns[i]}'");
        }

        foreach (var row in reader)
        {
            var fields = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                if (indexes[i] >= row.ColCount)
                {
                    throw new LaborMarketFormatException(name, row.LineNumberFrom, columns[i], $"the row ends before column '{columns[i]}'");
                }

                fields[i] = row[indexes[i]].ToString().Trim();
            }

            yield return (fields, row.LineNumberFrom);
        }
    }
}
