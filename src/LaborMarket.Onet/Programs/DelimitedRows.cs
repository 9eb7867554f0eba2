using LaborMarket.Files;

namespace LaborMarket.Onet.Programs;

/// <summary>The rows of a delimited file with a header, through the family's one reader, with named columns and line numbers.</summary>
internal static class DelimitedRows
{
    /// <summary>Each data row's requested columns (in the order asked) and its line number.</summary>
    /// <exception cref="LaborMarketFormatException">A requested column is missing, or a row is malformed.</exception>
    public static IEnumerable<(string[] Fields, long Line)> Read(string path, IReadOnlyList<string> columns, char separator = ',')
    {
        var options = separator == '\t' ? DelimitedTextOptions.Tsv : DelimitedTextOptions.Csv;
        using var reader = DelimitedTextReader.OpenFile(path, options);
        reader.ReadHeader();
        var indexes = columns.Select(reader.Require).ToArray();
        while (reader.Read())
        {
            var fields = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                fields[i] = reader[indexes[i]].Trim().ToString();
            }

            yield return (fields, reader.LineNumber);
        }
    }
}
