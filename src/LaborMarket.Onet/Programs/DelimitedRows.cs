using LaborMarket.Files;

namespace LaborMarket.Onet.Programs;

/// <summary>
/// The rows of a CSV file with a header (the NCES CIP files), through the family's one reader, with named columns and line
/// numbers. O*NET's own tab-separated files are read through <see cref="OnetDatabaseFiles"/> instead.
/// </summary>
internal static class DelimitedRows
{
    /// <summary>Each data row's requested columns (in the order asked) and its line number.</summary>
    /// <exception cref="LaborMarketFormatException">A requested column is missing, or a row is malformed.</exception>
    /// <param name="path">The file.</param>
    /// <param name="columns">The columns wanted, by header name.</param>
    /// <param name="skipped">
    /// Where a malformed record the reader can step over is reported (the rest are still read); null to fail on the first.
    /// </param>
    public static IEnumerable<(string[] Fields, long Line)> Read(string path, IReadOnlyList<string> columns, List<LaborMarketFormatException>? skipped = null)
    {
        // NCES's CIP code list quotes a title inside a quoted definition once without doubling the quotes: kept as text.
        using var reader = DelimitedTextReader.OpenFile(path, DelimitedTextOptions.Csv with { AcceptStrayQuotes = true });
        reader.ReadHeader();
        var indexes = columns.Select(reader.Require).ToArray();
        while (Next(reader, skipped))
        {
            var fields = new string[indexes.Length];
            for (var i = 0; i < indexes.Length; i++)
            {
                fields[i] = reader[indexes[i]].Trim().ToString();
            }

            yield return (fields, reader.LineNumber);
        }
    }

    private static bool Next(DelimitedTextReader reader, List<LaborMarketFormatException>? skipped)
    {
        while (true)
        {
            try
            {
                return reader.Read();
            }
            catch (LaborMarketFormatException ex) when (skipped is not null && !reader.IsFaulted)
            {
                skipped.Add(ex);
            }
        }
    }
}
